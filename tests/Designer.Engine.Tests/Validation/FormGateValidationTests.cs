using System.Text.Json.Nodes;
using Designer.Engine.Expressions;
using Designer.Engine.Model;
using Designer.Engine.Runtime;
using Designer.Engine.Tests.Support;
using Designer.Engine.Validation;

namespace Designer.Engine.Tests.Validation;

/// <summary>
/// A step's formGates (a form conclusion decides which actions agree with it) must name a field of the step's form,
/// a value among its options (or blank/filled), and actions the step offers; the project's workflows configure them soundly.
/// </summary>
public class FormGateValidationTests
{
    private static readonly WorkflowValidator Validator =
        new(ActivityRegistry.Default, TestEngine.Forms, new JintScriptSandbox(SandboxLimits.Default, TestEngine.Calendar), TestEngine.Vocabulary);

    private static List<ValidationProblem> ProblemsOf(string gates)
    {
        var json = new TestFlow()
            .Add("review", "Titles.Task", ("stage", TestFlow.Literal("political-review")), ("assigneeOrg", TestFlow.Literal("unit")),
                ("assigneeRole", TestFlow.Literal("party-organisation")), ("form", TestFlow.Literal("political-review")),
                ("actions", TestFlow.Literal(new[] { "approve", "reject" })), ("formGates", new JsonObject
                {
                    ["typeName"] = "Object", ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = JsonNode.Parse(gates) },
                }))
            .Json();
        return Validator.Validate(json.ToJsonString()).Where(p => p.Path.Contains("formGates")).ToList();
    }

    [Fact]
    public void A_sound_gate_is_no_problem()
    {
        Assert.Empty(ProblemsOf("""[{"field": "/conclusion", "values": ["not-recommend"], "actions": ["reject"]}]"""));
    }

    [Fact]
    public void A_gate_over_an_unknown_field_an_unknown_option_or_an_action_not_offered_is_a_problem()
    {
        var problems = ProblemsOf("""
            [{"field": "/verdict", "values": ["no"], "actions": ["reject"]},
             {"field": "/conclusion", "values": ["maybe"], "actions": ["return"]},
             {"field": "/conclusion", "actions": ["reject"]}]
            """);
        Assert.Contains(problems, p => p.Path.EndsWith("formGates[0]") && p.Message.Contains("/verdict"));
        Assert.Contains(problems, p => p.Path.EndsWith("formGates[1]") && p.Message.Contains("\"maybe\""));
        Assert.Contains(problems, p => p.Path.EndsWith("formGates[1]") && p.Message.Contains("return"));
        Assert.Contains(problems, p => p.Path.EndsWith("formGates[2]") && p.Message.Contains("values 或 empty"));
        Assert.All(problems, p => Assert.Equal(ProblemCodes.InvalidInput, p.Code));
    }

    [Fact]
    public void The_project_workflows_gate_every_party_conclusion_language_result_and_return()
    {
        var all = WorkflowFiles.LoadAll(TestEngine.Layout.Workflows).Definitions;
        foreach (var definition in all)
            Assert.DoesNotContain(Validator.Validate(definition), p => p.Path.Contains("formGates"));
        var gated = all.SelectMany(d => d.ActivitiesById.Keys.Select(id => ExecutableWorkflow.For(d, ActivityRegistry.Default).Activity(id))
                .OfType<Activities.Titles.PersonStep>()
                .Select(s => (Definition: d.DefinitionId, Step: s, Gates: s.FormGates.LiteralOrDefault())))
            .ToList();
        foreach (var (definition, step, gates) in gated)
        {
            var form = step.Form.LiteralOrDefault();
            if (form is "political-review" or "language-test" || step.OfferedActions().Contains("return"))
                Assert.True(gates.Count > 0, $"{definition}#{step.Id} ({form}) has no form gates");
        }
    }
}
