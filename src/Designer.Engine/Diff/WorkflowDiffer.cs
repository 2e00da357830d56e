using System.Text.Json.Nodes;
using Designer.Engine.Model;

namespace Designer.Engine.Diff;

/// <summary>
/// Compares two versions of a workflow semantically: activities by id (each property before and after, layout kept
/// apart), connections by their source port (added, removed, rewired), variables by name, definition properties.
/// </summary>
public static class WorkflowDiffer
{
    /// <summary>Definition-level properties that change with every save and say nothing about the policy.</summary>
    private static readonly HashSet<string> Bookkeeping =
        ["id", "version", "isLatest", "isPublished", "createdAt", "updatedAt", "publishedAt", "root", "variables", "$schema", "toolVersion"];

    public static WorkflowDiff Compare(WorkflowDefinition from, WorkflowDefinition to, IReadOnlyList<FormDiff>? forms = null) => new(
        CompareProperties(from.Json, to.Json, Bookkeeping),
        CompareActivities(from, to),
        CompareConnections(from, to),
        CompareVariables(from, to),
        forms ?? []);

    private static List<ActivityChange> CompareActivities(WorkflowDefinition from, WorkflowDefinition to)
    {
        var changes = new List<ActivityChange>();
        foreach (var (id, old) in from.ActivitiesById.Where(a => a.Value != from.Root))
        {
            if (!to.ActivitiesById.TryGetValue(id, out var current))
            {
                changes.Add(new ActivityChange(id, ChangeKinds.Removed, old.Type, old.Label, []) { From = PositionOf(old) });
                continue;
            }
            var properties = CompareProperties(WithoutLayout(old.Json), WithoutLayout(current.Json), ["activities", "connections"]);
            var (oldPosition, newPosition) = (PositionOf(old), PositionOf(current));
            var moved = oldPosition != newPosition || !JsonNode.DeepEquals(old.Metadata?["designer"]?["size"], current.Metadata?["designer"]?["size"]);
            if (properties.Count == 0 && !moved) continue;
            changes.Add(new ActivityChange(id, properties.Count > 0 ? ChangeKinds.Changed : ChangeKinds.Moved, current.Type, current.Label, properties)
            {
                Moved = moved, From = oldPosition, To = newPosition,
            });
        }
        foreach (var (id, added) in to.ActivitiesById.Where(a => a.Value != to.Root && !from.ActivitiesById.ContainsKey(a.Key)))
            changes.Add(new ActivityChange(id, ChangeKinds.Added, added.Type, added.Label, []) { To = PositionOf(added) });
        return changes;
    }

    private static List<ConnectionChange> CompareConnections(WorkflowDefinition from, WorkflowDefinition to)
    {
        var changes = new List<ConnectionChange>();
        var oldBySource = ConnectionsBySource(from);
        var newBySource = ConnectionsBySource(to);
        foreach (var key in oldBySource.Keys.Union(newBySource.Keys).OrderBy(k => k.Flowchart, StringComparer.Ordinal).ThenBy(k => k.Source.Activity, StringComparer.Ordinal).ThenBy(k => k.Source.Port, StringComparer.Ordinal))
        {
            var oldTargets = oldBySource.GetValueOrDefault(key) ?? [];
            var newTargets = newBySource.GetValueOrDefault(key) ?? [];
            var removed = oldTargets.Except(newTargets).ToList();
            var added = newTargets.Except(oldTargets).ToList();
            var (flowchart, source) = key;
            if (removed.Count == 1 && added.Count == 1)
            {
                changes.Add(new ConnectionChange(ChangeKinds.Rewired, flowchart, source, removed[0], added[0]));
                continue;
            }
            changes.AddRange(removed.Select(t => new ConnectionChange(ChangeKinds.Removed, flowchart, source, t, null)));
            changes.AddRange(added.Select(t => new ConnectionChange(ChangeKinds.Added, flowchart, source, null, t)));
        }
        return changes;
    }

    private static Dictionary<(string Flowchart, ConnectionEnd Source), List<ConnectionEnd>> ConnectionsBySource(WorkflowDefinition definition) =>
        definition.Root.Descendants().OfType<FlowchartNode>().Prepend(definition.Root)
            .SelectMany(f => f.Connections.Select(c => (Flowchart: f.Id, Connection: c)))
            .GroupBy(x => (x.Flowchart, new ConnectionEnd(x.Connection.Source.Activity, x.Connection.Source.Port)))
            .ToDictionary(g => g.Key, g => g.Select(x => new ConnectionEnd(x.Connection.Target.Activity, x.Connection.Target.Port)).ToList());

    private static List<VariableChange> CompareVariables(WorkflowDefinition from, WorkflowDefinition to)
    {
        var before = from.Variables.ToDictionary(v => v.Name);
        var after = to.Variables.ToDictionary(v => v.Name);
        var changes = new List<VariableChange>();
        foreach (var (name, old) in before)
        {
            if (!after.TryGetValue(name, out var current)) changes.Add(new(name, ChangeKinds.Removed, Describe(old), null));
            else if (old.TypeName != current.TypeName || !JsonNode.DeepEquals(old.Value, current.Value))
                changes.Add(new(name, ChangeKinds.Changed, Describe(old), Describe(current)));
        }
        changes.AddRange(after.Where(a => !before.ContainsKey(a.Key)).Select(a => new VariableChange(a.Key, ChangeKinds.Added, null, Describe(a.Value))));
        return changes;
    }

    /// <summary>Top-level properties that differ; an input's wrapper is compared by its expression.</summary>
    public static List<PropertyChange> CompareProperties(JsonObject from, JsonObject to, ICollection<string> ignore)
    {
        var changes = new List<PropertyChange>();
        foreach (var key in from.Select(p => p.Key).Union(to.Select(p => p.Key)).Where(k => !ignore.Contains(k)))
        {
            var (old, current) = (from[key], to[key]);
            if (JsonNode.DeepEquals(Normalise(old), Normalise(current))) continue;
            if (old is JsonObject oldObject && current is JsonObject newObject && key is "customProperties" or "metadata")
                changes.AddRange(CompareProperties(oldObject, newObject, []).Select(c => c with { Name = $"{key}.{c.Name}" }));
            else changes.Add(new PropertyChange(key, Normalise(old)?.DeepClone(), Normalise(current)?.DeepClone()));
        }
        return changes;
    }

    /// <summary>An input wrapper {typeName, expression} is compared (and shown) as its expression.</summary>
    private static JsonNode? Normalise(JsonNode? node) =>
        node is JsonObject wrapper && wrapper["expression"] is JsonObject expression ? expression : node;

    private static JsonObject WithoutLayout(JsonObject activity)
    {
        var copy = activity.DeepClone().AsObject();
        if (copy["metadata"] is JsonObject metadata)
        {
            metadata.Remove("designer");
            if (metadata.Count == 0) copy.Remove("metadata");
        }
        return copy;
    }

    private static Position? PositionOf(ActivityNode node) =>
        node.Metadata?["designer"]?["position"] is JsonObject p && p["x"] is JsonValue x && p["y"] is JsonValue y
            ? new Position(x.GetValue<double>(), y.GetValue<double>())
            : null;

    private static JsonObject Describe(VariableDefinition variable) => new() { ["typeName"] = variable.TypeName, ["value"] = variable.Value?.DeepClone() };
}
