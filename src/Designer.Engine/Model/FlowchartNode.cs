using System.Text.Json.Nodes;

namespace Designer.Engine.Model;

/// <summary>
/// An Elsa.Flowchart: its activities and the connections between them. May be nested as an activity, or be the
/// `body` of another activity (Elsa's FlowNode with a nested flowchart runs that body, then goes on from its own ports).
/// </summary>
public sealed class FlowchartNode : ActivityNode
{
    public const string TypeName = "Elsa.Flowchart";

    public FlowchartNode(JsonObject json, List<string> problems) : this(json, json, null, problems) { }

    private FlowchartNode(JsonObject json, JsonObject contents, string? bodyProperty, List<string> problems) : base(json)
    {
        BodyProperty = bodyProperty;
        foreach (var item in contents["activities"] as JsonArray ?? [])
        {
            if (item is not JsonObject activityJson)
            {
                problems.Add($"flowchart '{Id}': an entry of activities[] is not an object");
                continue;
            }
            ActivityNode child = activityJson["type"].AsString() == TypeName ? new FlowchartNode(activityJson, problems)
                : activityJson["body"] is JsonObject body && body["type"].AsString() == TypeName ? new FlowchartNode(activityJson, body, "body", problems)
                : new ActivityNode(activityJson);
            child.Parent = this;
            Activities.Add(child);
        }
        var index = 0;
        foreach (var item in contents["connections"] as JsonArray ?? [])
        {
            var connection = ConnectionReader.Read(item);
            if (connection is null) problems.Add($"flowchart '{Id}': connections[{index}] has no source or target activity");
            else Connections.Add(connection);
            index++;
        }
    }

    /// <summary>"body" when this is the nested flowchart of another activity (the JSON holds it there); null for a flowchart.</summary>
    public string? BodyProperty { get; }

    public List<ActivityNode> Activities { get; } = [];
    public List<Connection> Connections { get; } = [];

    /// <summary>Every activity below this flowchart, nested flowcharts' activities included (depth first).</summary>
    public IEnumerable<ActivityNode> Descendants()
    {
        foreach (var activity in Activities)
        {
            yield return activity;
            if (activity is FlowchartNode nested)
                foreach (var inner in nested.Descendants()) yield return inner;
        }
    }
}
