using System.Text.Json.Nodes;
using Designer.Engine.Model;

namespace Designer.Benchmarks;

/// <summary>The flows the engine-only measurements run: the load driver's review loop and the 10-step flow of the peer comparison.</summary>
internal static class LoopFlows
{
    private static JsonObject Literal(JsonNode value) => new() { ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = value } };

    private static JsonObject Connect(string from, string port, string to) => new()
    {
        ["source"] = new JsonObject { ["activity"] = from, ["port"] = port }, ["target"] = new JsonObject { ["activity"] = to, ["port"] = "In" },
    };

    private static JsonObject Step(string id, string stage, string org, string role, JsonArray actions, string? form) => new()
    {
        ["id"] = id, ["type"] = "Titles.Task", ["stage"] = Literal(stage), ["assigneeOrg"] = Literal(org), ["assigneeRole"] = Literal(role),
        ["actions"] = Literal(actions), ["form"] = Literal(form ?? ""),
    };

    private static WorkflowDefinition Flowchart(string definitionId, JsonArray activities, JsonArray connections) => WorkflowDefinitionReader.Parse(new JsonObject
    {
        ["definitionId"] = definitionId, ["name"] = definitionId, ["customProperties"] = new JsonObject { ["locality"] = "bench" },
        ["root"] = new JsonObject { ["type"] = "Elsa.Flowchart", ["id"] = "root", ["activities"] = activities, ["connections"] = connections },
    }.ToJsonString());

    /// <summary>apply → review; approve loops back to review (as the server's load driver): every resume is one review transition.</summary>
    public static WorkflowDefinition ReviewLoop() => Flowchart("bench-review-loop",
        [
            new JsonObject { ["id"] = "start", ["type"] = "Elsa.Start" },
            Step("apply", "apply", "applicant", "applicant", ["approve"], "apply"),
            Step("review", "hr-review", "bench/hr", "reviewer", ["approve", "reject"], "review-opinion"),
            new JsonObject { ["id"] = "end", ["type"] = "Titles.Conclude", ["result"] = Literal("Rejected") },
        ],
        [Connect("start", "Done", "apply"), Connect("apply", "approve", "review"), Connect("review", "approve", "review"), Connect("review", "reject", "end")]);

    /// <summary>Start, ten person steps in a row (no forms), end: the flow bpmn-engine runs as ten user tasks (benchmarks/peer).</summary>
    public static WorkflowDefinition TenSteps()
    {
        var activities = new JsonArray { new JsonObject { ["id"] = "start", ["type"] = "Elsa.Start" } };
        var connections = new JsonArray();
        var previous = "start";
        var port = "Done";
        for (var i = 1; i <= 10; i++)
        {
            activities.Add(Step($"step{i}", $"step{i}", "bench/hr", "reviewer", ["approve"], null));
            connections.Add(Connect(previous, port, $"step{i}"));
            (previous, port) = ($"step{i}", "approve");
        }
        return Flowchart("bench-ten-steps", activities, connections);
    }
}
