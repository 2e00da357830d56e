using System.Text.Json.Nodes;
using Designer.Engine.Model;

namespace Designer.Engine.Merge;

/// <summary>
/// Three-way merge of a form's JSON Schema, field by field (its `properties`), `required` as a set. Conditions
/// (`allOf: [{if, then, else}]`, or `if/then/else` on the form itself) are matched by their `if`, and the fields under
/// their `then` and `else` are merged the same way; a condition one side adds or changes comes across whole.
/// Conflicts are of kind "field" with the field name as id.
/// </summary>
public static class FormMerge
{
    private static readonly string[] Branches = ["then", "else"];

    public static MergeResult Merge(JsonObject @base, JsonObject theirs, JsonObject ours)
    {
        var conflicts = new List<MergeConflict>();
        var merged = MergeObject(@base, theirs, ours, outerFields: null, conflicts);
        return new MergeResult(merged, conflicts);
    }

    /// <summary>
    /// The merged schema with each conflicting field as chosen: "theirs" takes the template's field and its
    /// required-ness (at the root or under its condition), or removes the field when the template removed it.
    /// </summary>
    public static JsonObject Resolve(MergeResult merge, JsonObject theirs, Func<MergeConflict, bool> takeTheirs)
    {
        var merged = merge.Merged.DeepClone().AsObject();
        foreach (var conflict in merge.Conflicts.Where(c => c.Kind == "field" && takeTheirs(c)))
        {
            if (FindField(theirs, conflict.Id) is not { } found)
            {
                foreach (var holder in Holders(merged)) RemoveField(holder, conflict.Id);
                continue;
            }
            var holderInMerged = found.Condition is null ? merged : FindBranch(merged, found.Condition, found.Branch!) ?? AddCondition(merged, found.Condition, found.Branch!);
            RemoveField(holderInMerged, conflict.Id);
            var properties = holderInMerged["properties"] as JsonObject ?? [];
            holderInMerged["properties"] = properties;
            properties[conflict.Id] = found.Field.DeepClone();
            if (found.Required)
            {
                var required = holderInMerged["required"] as JsonArray ?? [];
                holderInMerged["required"] = required;
                if (!Set(required).Contains(conflict.Id)) required.Add(conflict.Id);
            }
        }
        return merged;
    }

    /// <param name="outerFields">For a then/else branch: the fields of the form it belongs to (its `required` may name them); null for the form itself.</param>
    private static JsonObject MergeObject(JsonObject? @base, JsonObject? theirs, JsonObject? ours, IReadOnlySet<string>? outerFields, List<MergeConflict> conflicts)
    {
        var (b, t, o) = (@base ?? [], theirs ?? [], ours ?? []);
        var isForm = outerFields is null;
        var merged = o.DeepClone().AsObject();

        var properties = MergeProperties(Properties(b), Properties(t), Properties(o), conflicts);
        if (isForm || properties.Count > 0 || t["properties"] is not null || o["properties"] is not null) merged["properties"] = properties;
        else merged.Remove("properties");

        var known = new HashSet<string>(properties.Select(p => p.Key));
        if (outerFields is not null) known.UnionWith(outerFields);
        var required = Set(o["required"]).Except(Set(b["required"]).Except(Set(t["required"])))
            .Union(Set(t["required"]).Except(Set(b["required"])))
            .Where(known.Contains).Order(StringComparer.Ordinal).ToList();
        if (isForm || required.Count > 0) merged["required"] = new JsonArray([.. required.Select(r => (JsonNode)JsonValue.Create(r)!)]);
        else merged.Remove("required");

        var fields = outerFields is null ? known : new HashSet<string>(outerFields);
        MergeAllOf(b, t, o, merged, fields, conflicts);
        MergeOwnCondition(b, t, o, merged, fields, conflicts);
        return merged;
    }

    private static JsonObject MergeProperties(JsonObject b, JsonObject t, JsonObject o, List<MergeConflict> conflicts)
    {
        var properties = new JsonObject();
        foreach (var field in o.Select(p => p.Key).Union(t.Select(p => p.Key)))
        {
            var (bf, tf, of) = (b[field], t[field], o[field]);
            if (JsonNode.DeepEquals(tf, bf) || JsonNode.DeepEquals(tf, of)) { if (of is not null) properties[field] = of.DeepClone(); continue; }
            if (JsonNode.DeepEquals(of, bf)) { if (tf is not null) properties[field] = tf.DeepClone(); continue; }
            conflicts.Add(new MergeConflict("field", field, "*", bf?.DeepClone(), tf?.DeepClone(), of?.DeepClone()));
            if (of is not null) properties[field] = of.DeepClone();
        }
        return properties;
    }

    /// <summary>allOf entries: conditions matched by their `if` and merged branch by branch; other entries kept or taken whole.</summary>
    private static void MergeAllOf(JsonObject b, JsonObject t, JsonObject o, JsonObject merged, IReadOnlySet<string> fields, List<MergeConflict> conflicts)
    {
        var (bs, ts, os) = (Entries(b), Entries(t), Entries(o));
        if (bs.Count == 0 && ts.Count == 0 && os.Count == 0) return;
        var result = new JsonArray();
        foreach (var ourEntry in os)
        {
            var (baseEntry, theirEntry) = (Match(bs, ourEntry), Match(ts, ourEntry));
            if (theirEntry is not null)
                result.Add(ourEntry is JsonObject ourCondition && ourCondition.ContainsKey("if")
                    ? MergeCondition(baseEntry as JsonObject, (JsonObject)theirEntry, ourCondition, fields, conflicts)
                    : ourEntry?.DeepClone());
            else if (baseEntry is null) result.Add(ourEntry?.DeepClone()); // ours added it
            else if (!JsonNode.DeepEquals(baseEntry, ourEntry))
            {
                // theirs removed (or re-conditioned) an entry ours edited: keep ours, and say so per field
                ConflictPerField(baseEntry, null, ourEntry, conflicts);
                result.Add(ourEntry?.DeepClone());
            }
        }
        foreach (var theirEntry in ts.Where(entry => Match(os, entry) is null))
        {
            var baseEntry = Match(bs, theirEntry);
            if (baseEntry is null) result.Add(theirEntry?.DeepClone()); // theirs added it
            else if (!JsonNode.DeepEquals(baseEntry, theirEntry)) ConflictPerField(baseEntry, theirEntry, null, conflicts);
        }
        if (result.Count > 0) merged["allOf"] = result;
        else merged.Remove("allOf");
    }

    /// <summary>The form's own if/then/else: branches merged when both sides keep the same `if`, else taken whole.</summary>
    private static void MergeOwnCondition(JsonObject b, JsonObject t, JsonObject o, JsonObject merged, IReadOnlySet<string> fields, List<MergeConflict> conflicts)
    {
        if (t["if"] is null && o["if"] is null && b["if"] is null) return;
        if (t["if"] is not null && JsonNode.DeepEquals(t["if"], o["if"]))
        {
            var condition = MergeCondition(JsonNode.DeepEquals(b["if"], o["if"]) ? b : null, t, o, fields, conflicts);
            foreach (var branch in Branches)
                if (condition[branch] is { } merged1) merged[branch] = merged1.DeepClone(); else merged.Remove(branch);
            return;
        }
        JsonObject Own(JsonObject schema) => new() { ["if"] = schema["if"]?.DeepClone(), ["then"] = schema["then"]?.DeepClone(), ["else"] = schema["else"]?.DeepClone() };
        var (bc, tc, oc) = (Own(b), Own(t), Own(o));
        if (JsonNode.DeepEquals(tc, bc) || JsonNode.DeepEquals(tc, oc)) return; // ours stands
        if (JsonNode.DeepEquals(oc, bc))
        {
            foreach (var keyword in new[] { "if", "then", "else" })
                if (t[keyword] is { } value) merged[keyword] = value.DeepClone(); else merged.Remove(keyword);
            return;
        }
        ConflictPerField(bc, tc, oc, conflicts);
    }

    private static JsonObject MergeCondition(JsonObject? @base, JsonObject theirs, JsonObject ours, IReadOnlySet<string> fields, List<MergeConflict> conflicts)
    {
        var merged = ours.DeepClone().AsObject();
        foreach (var branch in Branches)
        {
            if (theirs[branch] is null && ours[branch] is null) continue;
            if (theirs[branch] is null && JsonNode.DeepEquals(ours[branch], @base?[branch])) { merged.Remove(branch); continue; }
            if (ours[branch] is null && @base?[branch] is not null && JsonNode.DeepEquals(theirs[branch], @base[branch])) continue;
            merged[branch] = MergeObject(@base?[branch] as JsonObject, theirs[branch] as JsonObject, ours[branch] as JsonObject, fields, conflicts);
        }
        return merged;
    }

    private static void ConflictPerField(JsonNode? @base, JsonNode? theirs, JsonNode? ours, List<MergeConflict> conflicts)
    {
        var names = new[] { @base, theirs, ours }.OfType<JsonObject>().SelectMany(ConditionalFieldNames).Distinct().ToList();
        foreach (var name in names.DefaultIfEmpty("allOf"))
            conflicts.Add(new MergeConflict("field", name, "*", @base?.DeepClone(), theirs?.DeepClone(), ours?.DeepClone()));
    }

    private static IEnumerable<string> ConditionalFieldNames(JsonObject condition) =>
        Branches.SelectMany(branch => (condition[branch]?["properties"] as JsonObject)?.Select(p => p.Key) ?? []);

    private static JsonNode? Match(List<JsonNode?> entries, JsonNode? entry) => entries.FirstOrDefault(candidate =>
        candidate is JsonObject c && entry is JsonObject e && c.ContainsKey("if") && e.ContainsKey("if")
            ? JsonNode.DeepEquals(c["if"], e["if"])
            : JsonNode.DeepEquals(candidate, entry));

    private static List<JsonNode?> Entries(JsonObject schema) => (schema["allOf"] as JsonArray)?.ToList() ?? [];

    private sealed record FoundField(JsonObject Field, bool Required, JsonNode? Condition, string? Branch);

    private static FoundField? FindField(JsonObject schema, string name)
    {
        if (Properties(schema)[name] is JsonObject own) return new FoundField(own, Set(schema["required"]).Contains(name), null, null);
        foreach (var condition in Conditions(schema))
            foreach (var branch in Branches)
                if (condition[branch] is JsonObject holder && Properties(holder)[name] is JsonObject field)
                    return new FoundField(field, Set(holder["required"]).Contains(name), condition["if"], branch);
        return null;
    }

    private static JsonObject? FindBranch(JsonObject schema, JsonNode condition, string branch) =>
        Conditions(schema).FirstOrDefault(c => JsonNode.DeepEquals(c["if"], condition)) is { } found
            ? found[branch] as JsonObject ?? (JsonObject)(found[branch] = new JsonObject())
            : null;

    private static JsonObject AddCondition(JsonObject schema, JsonNode condition, string branch)
    {
        var allOf = schema["allOf"] as JsonArray ?? [];
        schema["allOf"] = allOf;
        var holder = new JsonObject();
        allOf.Add(new JsonObject { ["if"] = condition.DeepClone(), [branch] = holder });
        return holder;
    }

    private static IEnumerable<JsonObject> Conditions(JsonObject schema)
    {
        if (schema.ContainsKey("if")) yield return schema;
        foreach (var entry in Entries(schema).OfType<JsonObject>().Where(e => e.ContainsKey("if")))
            yield return entry;
    }

    private static IEnumerable<JsonObject> Holders(JsonObject schema) =>
        Conditions(schema).SelectMany(c => Branches.Select(b => c[b]).OfType<JsonObject>()).Prepend(schema);

    private static void RemoveField(JsonObject holder, string name)
    {
        (holder["properties"] as JsonObject)?.Remove(name);
        if (holder["required"] is JsonArray required && required.FirstOrDefault(r => r.AsString() == name) is { } entry)
            required.Remove(entry);
    }

    private static JsonObject Properties(JsonObject schema) => schema["properties"] as JsonObject ?? [];

    private static HashSet<string> Set(JsonNode? node) => (node as JsonArray)?.Select(n => n.AsString() ?? "").ToHashSet() ?? [];
}
