using System.Text.Json.Nodes;

namespace Designer.Engine.Model;

/// <summary>
/// A workflow definition version in Elsa 3's WorkflowDefinitionModel format. The whole JSON document is kept;
/// the typed members below are views over it.
/// </summary>
public sealed class WorkflowDefinition
{
    public const string ElsaSchema = "https://elsaworkflows.io/schemas/workflow-definition/v3.0.0/schema.json";

    internal WorkflowDefinition(JsonObject json, FlowchartNode root, string? sourcePath)
    {
        Json = json;
        Root = root;
        SourcePath = sourcePath;
        var byId = new Dictionary<string, ActivityNode>();
        foreach (var activity in root.Descendants().Prepend(root))
            byId.TryAdd(activity.Id, activity);
        ActivitiesById = byId;
    }

    public JsonObject Json { get; }
    public FlowchartNode Root { get; }

    /// <summary>Where the definition was read from, when it came from a file.</summary>
    public string? SourcePath { get; }

    /// <summary>Every activity by id (the first one, when ids repeat: the validator reports duplicates).</summary>
    public IReadOnlyDictionary<string, ActivityNode> ActivitiesById { get; }

    public string Id => Json["id"].AsString() ?? DefinitionId;
    public string DefinitionId => Json["definitionId"].AsString() ?? "";
    public string Name => Json["name"].AsString() ?? DefinitionId;
    public string? Description => Json["description"].AsString();
    public int Version => (int)(Json["version"].AsNumber() ?? 1);
    public JsonObject CustomProperties => Json["customProperties"] as JsonObject ?? [];

    /// <summary>The locality code (contract.md) this definition belongs to: customProperties.locality, else tenantId.</summary>
    public string Locality => CustomProperties["locality"].AsString() ?? Json["tenantId"].AsString() ?? "";

    public WorkflowScope Scope => WorkflowScope.From(CustomProperties["scope"]);

    /// <summary>
    /// customProperties.acceptsUnitsElsewhere: the application's unit may be one its locality has not registered (a
    /// transfer's receiving unit outside the region); the workflow routes on whether `applicant.unitRecord` is there.
    /// </summary>
    public bool AcceptsUnitsElsewhere => CustomProperties["acceptsUnitsElsewhere"] is JsonValue v && v.TryGetValue<bool>(out var accepts) && accepts;

    public IEnumerable<VariableDefinition> Variables =>
        (Json["variables"] as JsonArray ?? []).OfType<JsonObject>().Select(VariableDefinition.From)
        .Concat((Root.Json["variables"] as JsonArray ?? []).OfType<JsonObject>().Select(VariableDefinition.From));

    public string ToJson() => JsonText.Write(Json);
}

public sealed record VariableDefinition(string Id, string Name, string TypeName, JsonNode? Value)
{
    public static VariableDefinition From(JsonObject json) => new(
        json["id"].AsString() ?? json["name"].AsString() ?? "",
        json["name"].AsString() ?? json["id"].AsString() ?? "",
        json["typeName"].AsString() ?? "Object",
        json["value"]?.DeepClone());
}
