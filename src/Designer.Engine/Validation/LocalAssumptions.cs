using System.Text.Json.Nodes;
using Designer.Engine.Model;

namespace Designer.Engine.Validation;

/// <summary>
/// A value the documents leave open ("x", "一定比例") that the workflow fills in, to be confirmed by the locality's
/// admin: declared on the activity as customProperties.assumptions: [{ "input", "value", "note" }].
/// </summary>
public sealed record LocalAssumption(string ActivityId, string Path, string Input, string Value, string Note)
{
    public override string ToString() => $"{Path} [{ActivityId}]: 本地假设（请确认）{Input} = {Value}：{Note} (local assumption to confirm)";
}

public static class LocalAssumptions
{
    public const string Property = "assumptions";

    /// <summary>Every declared assumption, in definition order; info-level notes, never a reason to refuse publishing.</summary>
    public static IReadOnlyList<LocalAssumption> Of(WorkflowDefinition definition)
    {
        var paths = ActivityPaths.Of(definition);
        var notes = new List<LocalAssumption>();
        foreach (var node in definition.Root.Descendants())
        {
            if (node.CustomProperties?[Property] is not JsonArray list) continue;
            var path = paths.GetValueOrDefault(node) ?? "$";
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i] is not JsonObject item) continue;
                notes.Add(new LocalAssumption(node.Id, $"{path}.customProperties.{Property}[{i}]",
                    item["input"].AsString() ?? "", ValueText(item["value"]), item["note"].AsString() ?? ""));
            }
        }
        return notes;
    }

    private static string ValueText(JsonNode? value) => value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString() ?? "";
}
