using System.Text.Json.Nodes;
using Designer.Engine.Model;

namespace Designer.Engine.Merge;

/// <summary>
/// Three-way merge of a form's JSON Schema, field by field (its `properties`), `required` as a set.
/// Conflicts are of kind "field" with the field name as id.
/// </summary>
public static class FormMerge
{
    public static MergeResult Merge(JsonObject @base, JsonObject theirs, JsonObject ours)
    {
        var conflicts = new List<MergeConflict>();
        var merged = ours.DeepClone().AsObject();
        var (b, t, o) = (Properties(@base), Properties(theirs), Properties(ours));
        var properties = new JsonObject();
        foreach (var field in o.Select(p => p.Key).Union(t.Select(p => p.Key)))
        {
            var (bf, tf, of) = (b[field], t[field], o[field]);
            if (JsonNode.DeepEquals(tf, bf) || JsonNode.DeepEquals(tf, of)) { if (of is not null) properties[field] = of.DeepClone(); continue; }
            if (JsonNode.DeepEquals(of, bf)) { if (tf is not null) properties[field] = tf.DeepClone(); continue; }
            conflicts.Add(new MergeConflict("field", field, "*", bf?.DeepClone(), tf?.DeepClone(), of?.DeepClone()));
            if (of is not null) properties[field] = of.DeepClone();
        }
        merged["properties"] = properties;
        var required = Set(ours["required"]).Except(Set(@base["required"]).Except(Set(theirs["required"])))
            .Union(Set(theirs["required"]).Except(Set(@base["required"])))
            .Where(f => properties.ContainsKey(f)).Order(StringComparer.Ordinal);
        merged["required"] = new JsonArray([.. required.Select(r => (JsonNode)JsonValue.Create(r)!)]);
        return new MergeResult(merged, conflicts);
    }

    private static JsonObject Properties(JsonObject schema) => schema["properties"] as JsonObject ?? [];

    private static HashSet<string> Set(JsonNode? node) => (node as JsonArray)?.Select(n => n.AsString() ?? "").ToHashSet() ?? [];
}
