using System.Text.Json.Nodes;
using Designer.Engine.Expressions;
using Designer.Engine.Model;
using Designer.Engine.Runtime;
using Designer.Engine.Tests.Support;
using Designer.Engine.Validation;
using static Designer.Engine.Tests.Support.TestFlow;

namespace Designer.Engine.Tests.Runtime;

/// <summary>
/// Elsa 3 exports a FlowNode that carries a nested flowchart in `body` (its explicit-join scenario "join-all-2"):
/// the body runs, then the flow goes on from the FlowNode, so Start, Line 1, Line 2, End print in that order.
/// </summary>
public class FlowNodeBodyTests
{
    private static JsonObject JoinAllWithBody()
    {
        var body = new TestFlow().Write("line2", "Line 2").AsNestedFlowchart("body-chart");
        var flow = new TestFlow().Write("start", "Start").Add("node", "Elsa.FlowNode").Write("line1", "Line 1")
            .Add("join", "Elsa.FlowJoin", ("mode", Literal("WaitAll"))).Write("end", "End")
            .Connect("start", "line1").Connect("start", "node").Connect("line1", "join").Connect("node", "join").Connect("join", "end");
        var json = flow.Json();
        var node = json["root"]!["activities"]!.AsArray().Single(a => a!["id"]!.GetValue<string>() == "node")!.AsObject();
        node["body"] = body;
        return json;
    }

    [Fact]
    public void A_FlowNode_runs_its_body_before_going_on()
    {
        var engine = new TestEngine();
        var state = engine.Start(WorkflowDefinitionReader.FromJson(JoinAllWithBody()));
        Assert.Equal(["Start", "Line 1", "Line 2", "End"], engine.Lines);
        Assert.Equal(WorkflowStatus.Completed, state.Status);
    }

    [Fact]
    public void The_body_survives_a_round_trip_and_its_activities_are_validated_where_they_stand()
    {
        var json = JoinAllWithBody();
        var definition = WorkflowDefinitionReader.FromJson(json);
        Assert.Equal("line2", Assert.Single(definition.Root.Descendants(), a => a.Id == "line2").Id);
        Assert.True(JsonNode.DeepEquals(json["root"], definition.Json["root"]));

        var body = json["root"]!["activities"]!.AsArray().Single(a => a!["id"]!.GetValue<string>() == "node")!["body"]!["activities"]!.AsArray();
        body[0]!["type"] = "Elsa.NoSuchThing";
        var validator = new WorkflowValidator(ActivityRegistry.Default, TestEngine.Forms, new JintScriptSandbox(SandboxLimits.Default, TestEngine.Calendar), TestEngine.Vocabulary);
        var problems = validator.Validate(json.ToJsonString());
        Assert.Contains(problems, p => p.ActivityId == "line2" && p.Path == "$.root.activities[1].body.activities[0].type");
    }
}
