using System.Text.Json.Nodes;

namespace Designer.Engine.Model;

/// <summary>
/// One activity as it stands in the definition JSON. The JSON object is kept whole, so properties this
/// engine does not understand survive a round trip.
/// </summary>
public class ActivityNode(JsonObject json)
{
    public JsonObject Json { get; } = json;
    public string Id => Json["id"].AsString() ?? "";
    public string Type => Json["type"].AsString() ?? "";
    public string? Name => Json["name"].AsString();
    public JsonObject? CustomProperties => Json["customProperties"] as JsonObject;
    public JsonObject? Metadata => Json["metadata"] as JsonObject;

    /// <summary>The flowchart this activity belongs to; null for the root.</summary>
    public FlowchartNode? Parent { get; internal set; }

    /// <summary>Human-readable label: displayText, then name, then id.</summary>
    public string Label => Metadata?["displayText"].AsString() is { Length: > 0 } text ? text : Name ?? Id;

    public string? GetCustomProperty(string name) => CustomProperties?[name].AsString();

    public override string ToString() => $"{Type} '{Id}'";
}
