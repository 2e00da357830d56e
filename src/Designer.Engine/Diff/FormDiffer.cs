using System.Text.Json.Nodes;
using Designer.Engine.Model;

namespace Designer.Engine.Diff;

/// <summary>
/// Compares two JSON Schemas field by field (nested objects as dotted paths): added, removed, renamed (a removed and an
/// added field with the same title and type), and for a kept field: required, type, limits, options and title.
/// Fields shown under a condition (`allOf: [{if, then, else}]` or the form's own if/then/else) are fields too, with
/// their condition as an aspect ("condition"); a field another condition requires has the aspect "requiredWhen".
/// </summary>
public static class FormDiffer
{
    private static readonly string[] Limits =
        ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "pattern", "format", "minItems", "maxItems", "multipleOf", "const", "default"];

    public static FormDiff Compare(string formId, JsonObject? from, JsonObject? to)
    {
        if (from is null && to is null) return new FormDiff(formId, ChangeKinds.Changed, []);
        if (from is null) return new FormDiff(formId, ChangeKinds.Added, Fields(to!).Select(f => new FieldChange(f.Key, ChangeKinds.Added, null, null, Summary(f.Value))).ToList());
        if (to is null) return new FormDiff(formId, ChangeKinds.Removed, Fields(from).Select(f => new FieldChange(f.Key, ChangeKinds.Removed, null, Summary(f.Value), null)).ToList());

        var before = Fields(from);
        var after = Fields(to);
        var changes = new List<FieldChange>();
        var removed = before.Keys.Except(after.Keys).ToList();
        var added = after.Keys.Except(before.Keys).ToList();
        foreach (var old in removed.ToList())
        {
            var twin = added.FirstOrDefault(n => SameMeaning(before[old], after[n]));
            if (twin is null) continue;
            changes.Add(new FieldChange(old, ChangeKinds.Renamed, null, JsonValue.Create(old), JsonValue.Create(twin)) { RenamedTo = twin });
            changes.AddRange(CompareField(twin, before[old], after[twin]));
            removed.Remove(old);
            added.Remove(twin);
        }
        changes.AddRange(removed.Select(f => new FieldChange(f, ChangeKinds.Removed, null, Summary(before[f]), null)));
        changes.AddRange(added.Select(f => new FieldChange(f, ChangeKinds.Added, null, null, Summary(after[f]))));
        foreach (var field in before.Keys.Intersect(after.Keys))
            changes.AddRange(CompareField(field, before[field], after[field]));
        return new FormDiff(formId, ChangeKinds.Changed, changes);
    }

    private static IEnumerable<FieldChange> CompareField(string field, FieldInfo old, FieldInfo current)
    {
        if (old.Required != current.Required)
            yield return Aspect("required", JsonValue.Create(old.Required), JsonValue.Create(current.Required));
        if (!JsonNode.DeepEquals(old.Condition, current.Condition))
            yield return Aspect("condition", old.Condition, current.Condition);
        if (!JsonNode.DeepEquals(Conditions(old.RequiredWhen), Conditions(current.RequiredWhen)))
            yield return Aspect("requiredWhen", Conditions(old.RequiredWhen), Conditions(current.RequiredWhen));
        if (!JsonNode.DeepEquals(old.Schema["type"], current.Schema["type"]))
            yield return Aspect("type", old.Schema["type"], current.Schema["type"]);
        if (old.Schema["title"].AsString() != current.Schema["title"].AsString())
            yield return Aspect("title", old.Schema["title"], current.Schema["title"]);
        foreach (var limit in Limits.Where(l => !JsonNode.DeepEquals(old.Schema[l], current.Schema[l])))
            yield return Aspect(limit, old.Schema[limit], current.Schema[limit]);
        if (!JsonNode.DeepEquals(Options(old.Schema), Options(current.Schema)))
            yield return Aspect("options", Options(old.Schema), Options(current.Schema));

        FieldChange Aspect(string aspect, JsonNode? before, JsonNode? after) =>
            new(field, ChangeKinds.Changed, aspect, before?.DeepClone(), after?.DeepClone());
    }

    /// <summary>enum codes with their labels (enumNames, or oneOf const/title).</summary>
    private static JsonNode? Options(JsonObject schema)
    {
        var source = schema["items"] as JsonObject ?? schema;
        if (source["enum"] is JsonArray codes)
        {
            var names = source["enumNames"] as JsonArray;
            return new JsonArray([.. codes.Select((c, i) => (JsonNode)new JsonObject { ["value"] = c?.DeepClone(), ["label"] = names?.ElementAtOrDefault(i)?.DeepClone() })]);
        }
        if (source["oneOf"] is JsonArray oneOf && oneOf.All(o => o?["const"] is not null))
            return new JsonArray([.. oneOf.Select(o => (JsonNode)new JsonObject { ["value"] = o!["const"]?.DeepClone(), ["label"] = o["title"]?.DeepClone() })]);
        return null;
    }

    private static bool SameMeaning(FieldInfo a, FieldInfo b) =>
        a.Schema["title"].AsString() is { Length: > 0 } title && title == b.Schema["title"].AsString() &&
        JsonNode.DeepEquals(a.Schema["type"], b.Schema["type"]);

    private static JsonObject Summary(FieldInfo field)
    {
        var summary = new JsonObject
        {
            ["title"] = field.Schema["title"]?.DeepClone(), ["type"] = field.Schema["type"]?.DeepClone(), ["required"] = field.Required,
        };
        if (field.Condition is not null) summary["condition"] = field.Condition.DeepClone();
        return summary;
    }

    /// <summary>A field's schema; Condition is {"if": …, "branch": "then"|"else"} for a field shown under a condition.</summary>
    private sealed record FieldInfo(JsonObject Schema, bool Required, JsonObject? Condition = null)
    {
        /// <summary>The conditions under which another branch requires this field.</summary>
        public List<JsonObject> RequiredWhen { get; } = [];
    }

    private static JsonArray? Conditions(List<JsonObject> conditions) =>
        conditions.Count == 0 ? null : new JsonArray([.. conditions.Select(c => (JsonNode)c.DeepClone())]);

    /// <summary>Every field by dotted path; an object field's own properties are fields too, and so are conditional ones.</summary>
    private static Dictionary<string, FieldInfo> Fields(JsonObject schema, string prefix = "")
    {
        var fields = new Dictionary<string, FieldInfo>();
        Add(fields, schema, prefix, condition: null);
        var branches = ConditionalBranches(schema).ToList();
        foreach (var (condition, branch) in branches)
            Add(fields, branch, prefix, condition);
        foreach (var (condition, branch) in branches)
            foreach (var name in Required(branch))
                if (fields.TryGetValue(prefix + name, out var field) && !JsonNode.DeepEquals(field.Condition, condition))
                    field.RequiredWhen.Add(condition);
        return fields;
    }

    private static void Add(Dictionary<string, FieldInfo> fields, JsonObject schema, string prefix, JsonObject? condition)
    {
        var required = Required(schema);
        foreach (var (name, node) in schema["properties"] as JsonObject ?? [])
        {
            var path = prefix + name;
            // A branch restricting a field the form already has is not a field of its own.
            if (node is not JsonObject property || fields.ContainsKey(path)) continue;
            fields[path] = new FieldInfo(property, required.Contains(name), condition);
            if (property["properties"] is JsonObject)
                foreach (var (nested, info) in Fields(property, path + ".")) fields.TryAdd(nested, info);
        }
    }

    /// <summary>The then/else branches of the schema's conditions, each with its condition {"if", "branch"}.</summary>
    private static IEnumerable<(JsonObject Condition, JsonObject Branch)> ConditionalBranches(JsonObject schema)
    {
        var conditionals = new List<JsonObject>();
        if (schema.ContainsKey("if")) conditionals.Add(schema);
        conditionals.AddRange((schema["allOf"] as JsonArray ?? []).OfType<JsonObject>().Where(entry => entry.ContainsKey("if")));
        foreach (var conditional in conditionals)
            foreach (var keyword in new[] { "then", "else" })
                if (conditional[keyword] is JsonObject branch)
                    yield return (new JsonObject { ["if"] = conditional["if"]?.DeepClone(), ["branch"] = keyword }, branch);
    }

    private static HashSet<string?> Required(JsonObject schema) =>
        (schema["required"] as JsonArray)?.Select(r => r.AsString()).ToHashSet() ?? [];
}
