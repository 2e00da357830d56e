using System.Text.Json.Nodes;

namespace Designer.Studio.Tests.Infrastructure;

/// <summary>Elsa 3 definition JSON for tests that set workflows up through the API or an import.</summary>
internal static class ElsaJson
{
    public static JsonObject Literal(string typeName, JsonNode value) =>
        new() { ["typeName"] = typeName, ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = value } };

    public static JsonObject Activity(string id, string type, string label, int x, int y) => new()
    {
        ["id"] = id, ["type"] = type, ["name"] = id, ["version"] = 1, ["customProperties"] = new JsonObject(),
        ["metadata"] = new JsonObject { ["designer"] = new JsonObject { ["position"] = new JsonObject { ["x"] = x, ["y"] = y } }, ["displayText"] = label },
    };

    public static JsonObject Connection(string from, string port, string to) => new()
    {
        ["source"] = new JsonObject { ["activity"] = from, ["port"] = port },
        ["target"] = new JsonObject { ["activity"] = to, ["port"] = "In" },
        ["vertices"] = new JsonArray(),
    };

    /// <summary>
    /// A Bazhou workflow of 2 × tasks + 2 activities: start, a chain of review tasks t1..tN each with its own "rejected"
    /// end r1..rN, and a final end. Laid out 20 tasks to a row.
    /// </summary>
    public static JsonObject ReviewChain(string definitionId, string name, int tasks, string assigneeOrg, string endId, JsonObject? scope = null)
    {
        var activities = new JsonArray { Activity("start", "Elsa.Start", "开始", 0, 0) };
        var connections = new JsonArray();
        var previous = ("start", "Done");
        for (var i = 1; i <= tasks; i++)
        {
            var task = Activity($"t{i}", "Titles.Task", $"第 {i} 步审核", i % 20 * 280, i / 20 * 260);
            task["stage"] = Literal("String", "hr-review");
            task["assigneeOrg"] = Literal("String", assigneeOrg);
            task["assigneeRole"] = Literal("String", "reviewer");
            task["actions"] = Literal("String[]", new JsonArray("approve", "reject"));
            activities.Add(task);
            var rejected = Activity($"r{i}", "Titles.Conclude", $"第 {i} 步未通过", i % 20 * 280, i / 20 * 260 + 130);
            rejected["result"] = Literal("String", "Rejected");
            activities.Add(rejected);
            connections.Add(Connection(previous.Item1, previous.Item2, $"t{i}"));
            connections.Add(Connection($"t{i}", "reject", $"r{i}"));
            previous = ($"t{i}", "approve");
        }
        var end = Activity(endId, "Titles.Conclude", "办结", 0, (tasks / 20 + 1) * 260);
        end["result"] = Literal("String", "Completed");
        activities.Add(end);
        connections.Add(Connection(previous.Item1, previous.Item2, endId));
        var customProperties = new JsonObject { ["locality"] = "bazhou" };
        if (scope is not null) customProperties["scope"] = scope;
        return new JsonObject
        {
            ["definitionId"] = definitionId, ["name"] = name, ["version"] = 1, ["variables"] = new JsonArray(),
            ["customProperties"] = customProperties,
            ["root"] = new JsonObject
            {
                ["type"] = "Elsa.Flowchart", ["id"] = "flowchart1", ["version"] = 1, ["customProperties"] = new JsonObject(), ["metadata"] = new JsonObject(),
                ["activities"] = activities, ["connections"] = connections,
            },
        };
    }
}
