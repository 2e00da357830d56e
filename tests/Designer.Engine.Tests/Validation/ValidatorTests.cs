using System.Text.Json.Nodes;
using Designer.Engine.Expressions;
using Designer.Engine.Runtime;
using Designer.Engine.Tests.Support;
using Designer.Engine.Validation;
using static Designer.Engine.Tests.Support.TestFlow;

namespace Designer.Engine.Tests.Validation;

public class ValidatorTests
{
    private static readonly WorkflowValidator Validator =
        new(ActivityRegistry.Default, TestEngine.Forms, new JintScriptSandbox(SandboxLimits.Default, TestEngine.Calendar), TestEngine.Vocabulary);

    private static (string Stage, string Org, string Role, string[] Actions, string Form) Review =>
        ("hr-review", "bazhou/hr", "reviewer", ["approve", "reject"], "review-opinion");

    private static TestFlow Task(TestFlow flow, string id, string stage = "hr-review", string org = "bazhou/hr", string role = "reviewer",
        string[]? actions = null, string form = "review-opinion") =>
        flow.Add(id, "Titles.Task", ("stage", Literal(stage)), ("assigneeOrg", Literal(org)), ("assigneeRole", Literal(role)),
            ("actions", Literal(actions ?? ["approve", "reject"])), ("form", Literal(form)));

    private static IReadOnlyList<ValidationProblem> Problems(TestFlow flow) => Validator.Validate(flow.Definition());

    private static ValidationProblem Single(TestFlow flow, string code) =>
        Assert.Single(Problems(flow), p => p.Code == code);

    [Fact]
    public void A_sound_definition_has_no_problems()
    {
        var flow = Task(new TestFlow("bazhou").Add("start", "Elsa.Start"), "review").Add("end", "Elsa.End")
            .Connect("start", "review").Connect("review", "end", "approve").Connect("review", "end", "reject");
        Assert.Empty(Problems(flow));
    }

    [Fact]
    public void Unknown_activity_type_names_the_activity()
    {
        var problem = Single(new TestFlow().Add("x", "Elsa.SendEmail"), ProblemCodes.UnknownType);
        Assert.Equal(("x", "$.root.activities[0].type"), (problem.ActivityId, problem.Path));
    }

    [Fact]
    public void Missing_required_input_names_the_input()
    {
        var problem = Single(new TestFlow().Add("d", "Elsa.FlowDecision").Write("t", "t").Connect("d", "t", "True").Connect("d", "t", "False"), ProblemCodes.MissingInput);
        Assert.Equal(("d", "$.root.activities[0].condition"), (problem.ActivityId, problem.Path));
    }

    [Fact]
    public void Connection_to_a_missing_activity_and_from_a_port_not_offered()
    {
        var flow = new TestFlow().Write("a", "a").Write("b", "b").Connect("a", "ghost").Connect("a", "b", "Approved");
        var problems = Problems(flow);
        Assert.Contains(problems, p => p.Code == ProblemCodes.MissingActivity && p.ActivityId == "ghost" && p.Path == "$.root.connections[0].target");
        Assert.Contains(problems, p => p.Code == ProblemCodes.UnknownPort && p.ActivityId == "a" && p.Message.Contains("Done"));
    }

    [Fact]
    public void Unreachable_activity()
    {
        var flow = new TestFlow().Add("start", "Elsa.Start").Write("a", "a").Write("island", "x").Connect("start", "a");
        Assert.Equal("island", Single(flow, ProblemCodes.Unreachable).ActivityId);
    }

    [Fact]
    public void A_loop_with_no_way_out_has_no_path_to_an_end()
    {
        var flow = new TestFlow().Add("start", "Elsa.Start").Add("a", "Elsa.FlowNode").Add("b", "Elsa.FlowNode")
            .Connect("start", "a").Connect("a", "b").Connect("b", "a");
        Assert.Contains(Problems(flow), p => p.Code == ProblemCodes.NoPathToEnd && p.ActivityId == "a");
    }

    [Fact]
    public void Expression_syntax_error_gives_line_and_column()
    {
        var flow = new TestFlow().Add("d", "Elsa.FlowDecision", ("condition", Js("application.level ==== 'x'"))).Write("t", "t")
            .Connect("d", "t", "True").Connect("d", "t", "False");
        var problem = Single(flow, ProblemCodes.ScriptSyntax);
        Assert.Equal(("d", "$.root.activities[0].condition"), (problem.ActivityId, problem.Path));
        Assert.Contains("第 1 行", problem.Message);
    }

    [Fact]
    public void Script_inside_rules_is_checked_too()
    {
        var rules = JsonNode.Parse("""[{"condition": "application.years >", "reason": "年限不足"}]""");
        var flow = new TestFlow().Add("e", "Titles.Eligibility", ("rules", rules)).Add("end", "Elsa.End").Connect("e", "end", "Eligible").Connect("e", "end", "Ineligible");
        Assert.Equal("$.root.activities[0].rules", Single(flow, ProblemCodes.ScriptSyntax).Path);
    }

    [Fact]
    public void Unsupported_expression_language()
    {
        var flow = new TestFlow().Add("w", "Elsa.WriteLine", ("text", JsonNode.Parse("""{"typeName":"String","expression":{"type":"CSharp","value":"1"}}""")));
        Assert.Equal("w", Single(flow, ProblemCodes.UnsupportedExpression).ActivityId);
    }

    [Fact]
    public void Missing_form_and_unknown_form()
    {
        var flow = Task(Task(new TestFlow("bazhou"), "a", form: ""), "b", form: "no-such-form").Connect("a", "b", "approve");
        var problems = Problems(flow).Where(p => p.Code == ProblemCodes.MissingForm).ToList();
        Assert.Equal(["a", "b"], problems.Select(p => p.ActivityId));
        Assert.Contains("no-such-form", problems[1].Message);
    }

    [Fact]
    public void Stage_organisation_role_and_action_outside_the_vocabulary()
    {
        var flow = Task(new TestFlow("bazhou"), "t", stage: "interview", org: "bazhou/police", role: "boss", actions: ["approve", "escalate"]);
        var problems = Problems(flow);
        Assert.Contains(problems, p => p.Code == ProblemCodes.UnknownStage && p.Path.EndsWith(".stage"));
        Assert.Contains(problems, p => p.Code == ProblemCodes.UnknownOrganisation && p.Message.Contains("bazhou/police"));
        Assert.Contains(problems, p => p.Code == ProblemCodes.UnknownRole);
        Assert.Contains(problems, p => p.Code == ProblemCodes.UnknownAction && p.Message.Contains("escalate"));
    }

    [Fact]
    public void A_publicity_of_zero_working_days_is_refused_before_it_can_fault_an_application()
    {
        static TestFlow Notice(int days) => new TestFlow("bazhou").Add("notice", "Titles.Publicity",
            ("stage", Literal("result-publicity")), ("org", Literal("bazhou/hr")), ("workingDays", Literal(days)));
        var problem = Single(Notice(0), ProblemCodes.InvalidInput);
        Assert.Equal(("notice", "$.root.activities[0].workingDays"), (problem.ActivityId, problem.Path));
        Assert.Contains("至少 1 个工作日", problem.Message);
        Assert.DoesNotContain(Problems(Notice(5)), p => p.Code == ProblemCodes.InvalidInput);
    }

    [Fact]
    public void Invalid_literal_value_for_the_input_type()
    {
        var flow = new TestFlow().Add("wait", "Elsa.Delay", ("timeSpan", Literal("two days")));
        Assert.Equal("$.root.activities[0].timeSpan", Single(flow, ProblemCodes.InvalidInput).Path);
    }

    [Fact]
    public void Duplicate_ids_and_unknown_locality_and_scope_codes()
    {
        var json = new TestFlow("atlantis").Write("a", "1").Write("a", "2").Json();
        json["customProperties"]!["scope"] = JsonNode.Parse("""{"levels": ["senior"]}""");
        var problems = Validator.Validate(Designer.Engine.Model.WorkflowDefinitionReader.FromJson(json));
        Assert.Contains(problems, p => p.Code == ProblemCodes.DuplicateId && p.Path == "$.root.activities[1].id");
        Assert.Contains(problems, p => p.Code == ProblemCodes.UnknownLocality);
        Assert.Contains(problems, p => p.Code == ProblemCodes.InvalidScope && p.Message.Contains("senior"));
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var flow = Task(new TestFlow("bazhou"), "t", stage: "interview", form: "nope").Add("x", "Nope.Type").Connect("t", "ghost", "approve");
        var codes = Problems(flow).Select(p => p.Code).ToHashSet();
        Assert.Superset(new HashSet<string> { ProblemCodes.UnknownStage, ProblemCodes.MissingForm, ProblemCodes.UnknownType, ProblemCodes.MissingActivity, ProblemCodes.Unreachable }, codes);
    }

    [Fact]
    public void Unparseable_json_is_a_problem_not_an_exception()
    {
        var problem = Assert.Single(Validator.Validate("{ not json", "x.json"));
        Assert.Equal(ProblemCodes.InvalidJson, problem.Code);
    }
}
