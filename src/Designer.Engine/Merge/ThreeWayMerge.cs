using System.Text.Json.Nodes;
using Designer.Engine.Model;

namespace Designer.Engine.Merge;

/// <summary>Where the template (theirs) and the clone (ours) both changed the same thing differently since the base.</summary>
public sealed record MergeConflict(string Kind, string Id, string Property, JsonNode? Base, JsonNode? Theirs, JsonNode? Ours)
{
    /// <summary>Stable key the Studio sends back with a resolution: "activity:review-1:assigneeOrg".</summary>
    public string Key => $"{Kind}:{Id}:{Property}";
}

public sealed record MergeResult(JsonObject Merged, IReadOnlyList<MergeConflict> Conflicts)
{
    public bool IsClean => Conflicts.Count == 0;
}

/// <summary>
/// Brings a template's changes (base → theirs) onto a clone (ours), property by property. A property only one side
/// changed takes that side; both sides changing it alike is no conflict; otherwise the clone's value is kept and a
/// conflict is listed. Connections merge as sets; layout (metadata.designer) follows the clone silently.
/// </summary>
public static class ThreeWayMerge
{
    public static MergeResult Merge(WorkflowDefinition @base, WorkflowDefinition theirs, WorkflowDefinition ours)
    {
        var conflicts = new List<MergeConflict>();
        var merged = ours.Json.DeepClone().AsObject();
        var activities = MergeActivities(@base.Root, theirs.Root, ours.Root, conflicts);
        var root = merged["root"]!.AsObject();
        root["activities"] = activities;
        var ids = activities.OfType<JsonObject>().Select(a => a["id"].AsString()).ToHashSet();
        root["connections"] = MergeConnections(@base.Root, theirs.Root, ours.Root, ids);
        merged["variables"] = MergeById(Array(@base.Json["variables"]), Array(theirs.Json["variables"]), Array(ours.Json["variables"]), "name", "variable", conflicts);
        return new MergeResult(merged, conflicts);
    }

    /// <summary>Applies the Studio's choices: for each conflict key, "theirs" or "ours" (the default already in Merged).</summary>
    public static JsonObject Resolve(MergeResult result, IReadOnlyDictionary<string, string> choices)
    {
        var merged = result.Merged.DeepClone().AsObject();
        var activities = merged["root"]!["activities"]!.AsArray();
        foreach (var conflict in result.Conflicts.Where(c => choices.GetValueOrDefault(c.Key) == "theirs"))
        {
            var target = conflict.Kind == "variable"
                ? Array(merged["variables"]).OfType<JsonObject>().FirstOrDefault(v => v["name"].AsString() == conflict.Id)
                : activities.OfType<JsonObject>().FirstOrDefault(a => a["id"].AsString() == conflict.Id);
            if (conflict.Property == "*")
            {
                if (target is not null && conflict.Theirs is null) activities.Remove(target);
                else if (target is null && conflict.Theirs is JsonObject restored) activities.Add(restored.DeepClone());
                continue;
            }
            if (target is null) continue;
            if (conflict.Property.StartsWith("metadata.", StringComparison.Ordinal)) SetMetadata(target, conflict.Property["metadata.".Length..], conflict.Theirs);
            else if (conflict.Theirs is null) target.Remove(conflict.Property);
            else target[conflict.Property] = conflict.Theirs.DeepClone();
        }
        return merged;
    }

    private static JsonArray MergeActivities(FlowchartNode @base, FlowchartNode theirs, FlowchartNode ours, List<MergeConflict> conflicts) =>
        MergeById(Array(@base.Json["activities"]), Array(theirs.Json["activities"]), Array(ours.Json["activities"]), "id", "activity", conflicts);

    private static JsonArray MergeById(JsonArray @base, JsonArray theirs, JsonArray ours, string key, string kind, List<MergeConflict> conflicts)
    {
        var b = Index(@base, key);
        var t = Index(theirs, key);
        var result = new JsonArray();
        foreach (var item in ours.OfType<JsonObject>())
        {
            var id = item[key].AsString() ?? "";
            var inBase = b.TryGetValue(id, out var baseItem);
            var inTheirs = t.TryGetValue(id, out var theirItem);
            if (inBase && !inTheirs)
            {
                if (JsonNode.DeepEquals(baseItem, item)) continue;
                conflicts.Add(new MergeConflict(kind, id, "*", baseItem!.DeepClone(), null, item.DeepClone()));
            }
            else if (inTheirs) { result.Add(MergeObject(kind, id, inBase ? baseItem! : [], theirItem!, item, conflicts)); continue; }
            result.Add(item.DeepClone());
        }
        var oursIds = ours.OfType<JsonObject>().Select(o => o[key].AsString()).ToHashSet();
        foreach (var (id, theirItem) in t.Where(p => !oursIds.Contains(p.Key)))
        {
            if (!b.TryGetValue(id, out var baseItem)) result.Add(theirItem.DeepClone());
            else if (!JsonNode.DeepEquals(baseItem, theirItem))
                conflicts.Add(new MergeConflict(kind, id, "*", baseItem.DeepClone(), theirItem.DeepClone(), null));
        }
        return result;
    }

    private static JsonObject MergeObject(string kind, string id, JsonObject @base, JsonObject theirs, JsonObject ours, List<MergeConflict> conflicts)
    {
        var merged = ours.DeepClone().AsObject();
        foreach (var property in @base.Select(p => p.Key).Union(theirs.Select(p => p.Key)).Union(ours.Select(p => p.Key)).ToList())
        {
            var (b, t, o) = (@base[property], theirs[property], ours[property]);
            if (property == "metadata")
            {
                MergeMetadata(kind, id, b as JsonObject ?? [], t as JsonObject ?? [], o as JsonObject ?? [], merged, conflicts);
                continue;
            }
            if (JsonNode.DeepEquals(t, b) || JsonNode.DeepEquals(t, o)) continue;
            if (JsonNode.DeepEquals(o, b) || IsLayout(property))
            {
                if (IsLayout(property) && !JsonNode.DeepEquals(o, b)) continue;
                if (t is null) merged.Remove(property); else merged[property] = t.DeepClone();
                continue;
            }
            conflicts.Add(new MergeConflict(kind, id, property, b?.DeepClone(), t?.DeepClone(), o?.DeepClone()));
        }
        return merged;
    }

    private static bool IsLayout(string property) => property == "metadata" || property == "metadata.designer";

    /// <summary>
    /// An activity's metadata key by key: its layout (designer: position, size) follows ours silently; what people
    /// read (displayText, description) merges like any property, as "metadata.displayText".
    /// </summary>
    private static void MergeMetadata(string kind, string id, JsonObject @base, JsonObject theirs, JsonObject ours, JsonObject merged, List<MergeConflict> conflicts)
    {
        foreach (var key in @base.Select(p => p.Key).Union(theirs.Select(p => p.Key)).Union(ours.Select(p => p.Key)).ToList())
        {
            var (b, t, o) = (@base[key], theirs[key], ours[key]);
            if (JsonNode.DeepEquals(t, b) || JsonNode.DeepEquals(t, o)) continue;
            if (IsLayout($"metadata.{key}") && !JsonNode.DeepEquals(o, b)) continue;
            if (JsonNode.DeepEquals(o, b) || IsLayout($"metadata.{key}")) SetMetadata(merged, key, t);
            else conflicts.Add(new MergeConflict(kind, id, $"metadata.{key}", b?.DeepClone(), t?.DeepClone(), o?.DeepClone()));
        }
    }

    private static void SetMetadata(JsonObject activity, string key, JsonNode? value)
    {
        var metadata = activity["metadata"] as JsonObject ?? (JsonObject)(activity["metadata"] = new JsonObject());
        if (value is null) metadata.Remove(key);
        else metadata[key] = value.DeepClone();
    }

    private static JsonArray MergeConnections(FlowchartNode @base, FlowchartNode theirs, FlowchartNode ours, HashSet<string?> activityIds)
    {
        var b = @base.Connections.Select(c => c.Key).ToHashSet();
        var t = theirs.Connections.ToDictionary(c => c.Key);
        var removedByTemplate = b.Except(t.Keys).ToHashSet();
        var kept = ours.Connections.Where(c => !removedByTemplate.Contains(c.Key)).ToList();
        var keys = kept.Select(c => c.Key).ToHashSet();
        kept.AddRange(t.Values.Where(c => !b.Contains(c.Key) && !keys.Contains(c.Key)));
        return new JsonArray([.. kept
            .Where(c => activityIds.Contains(c.Source.Activity) && activityIds.Contains(c.Target.Activity))
            .Select(c => (JsonNode)new JsonObject
            {
                ["source"] = new JsonObject { ["activity"] = c.Source.Activity, ["port"] = c.Source.Port },
                ["target"] = new JsonObject { ["activity"] = c.Target.Activity, ["port"] = c.Target.Port },
                ["vertices"] = new JsonArray(),
            })]);
    }

    private static Dictionary<string, JsonObject> Index(JsonArray items, string key) =>
        items.OfType<JsonObject>().Where(i => i[key].AsString() is not null).GroupBy(i => i[key].AsString()!).ToDictionary(g => g.Key, g => g.First());

    private static JsonArray Array(JsonNode? node) => node as JsonArray ?? [];
}
