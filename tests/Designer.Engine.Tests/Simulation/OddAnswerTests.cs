using System.Text.Json.Nodes;
using Designer.Engine.Expressions;
using Designer.Engine.Model;
using Designer.Engine.Simulation;
using Designer.Engine.Tests.Support;

namespace Designer.Engine.Tests.Simulation;

/// <summary>
/// The simulator never throws on what a case says: an answer the step refuses (a too short objection reason, an
/// unknown action, votes that are not numbers) ends the run with an error naming the step and field.
/// </summary>
public class OddAnswerTests
{
    private static readonly Simulator Simulator =
        new(TestEngine.Calendar, new JintScriptSandbox(SandboxLimits.Default, TestEngine.Calendar), TestEngine.Forms);

    private static readonly Lazy<WorkflowDefinition> XjPrefecture = new(() =>
        WorkflowDefinitionReader.Load(Path.Combine(TestEngine.Layout.Workflows, "xj-prefecture", "grassroots-directed.json")));

    private static SimulationCase Case(string answers) => SimulationCase.Parse($$"""
        {"workflow": "xj-prefecture", "startDate": "2022-11-01",
         "applicant": {"name": "阿依古丽", "county": "和静县", "unit": "和静县第一小学", "employmentType": "public-institution",
                       "workplaceLevel": "township", "series": "teacher", "level": "intermediate", "kind": "directed", "materialsDate": "2022-10-20"},
         "answers": {{answers}}}
        """);

    [Fact]
    public void A_short_objection_reason_is_reported_not_thrown()
    {
        var result = Simulator.Run(Case("""{"unit-publicity": {"action": "object", "data": {"objectorName": "张建国", "contact": "13800000000", "reason": "太短"}}}"""),
            XjPrefecture.Value);
        Assert.Equal("Waiting", result.Status);
        Assert.Contains(result.Errors, e => e.Path.EndsWith(".reason") && e.Message.Contains("异议事由"));
    }

    [Theory]
    [InlineData("""{"hr-review": {"action": "frobnicate"}}""")]
    [InlineData("""{"committee-vote": {"action": "vote", "data": {"for": "many", "against": [], "abstain": null}}}""")]
    [InlineData("""{"committee-vote": {"action": "vote", "data": {"for": -3, "against": 1e12}}}""")]
    [InlineData("""{"committee-vote": {"action": "vote", "session": [1, "x", null, {"score": "high"}]}}""")]
    [InlineData("""{"unit-publicity": {"action": "object", "data": 42}}""")]
    [InlineData("""{"unit-publicity": [{"action": "object"}, null, 7]}""")]
    [InlineData("""{"apply": {"action": "approve", "data": {"series": "astrology", "level": 3}}}""")]
    [InlineData("""{"no-such-stage": {"action": "approve"}, "hr-review": "approve"}""")]
    [InlineData("""{"hr-review": {"action": "return", "data": {"correctionItems": "everything"}}}""")]
    [InlineData("""{"hr-review": [{"action": "return", "data": {"correctionItems": null}}, {"action": "return", "data": {"correctionItems": [null, 3]}}]}""")]
    [InlineData("""{"unit-recommend": {"action": "approve", "data": {"assessmentResult": {"deep": [1]}, "democraticEvaluation": "fail"}}}""")]
    [InlineData("""{"unit-recommend": {"action": "reject", "data": {"assessmentResult": null}}}""")]
    public void Odd_answers_end_in_a_result(string answers)
    {
        var result = Simulator.Run(Case(answers), XjPrefecture.Value);
        Assert.Contains(result.Status, new[] { "Completed", "Rejected", "Withdrawn", "Faulted", "Waiting" });
        Assert.True(result.Status != "Waiting" || result.Errors.Count > 0, "a run that stops early says why");
        Assert.NotNull(JsonNode.Parse(result.ToJson()));
    }

    [Fact]
    public void Made_up_fields_are_listed_with_the_values_used()
    {
        var result = Simulator.Run(Case("{}"), XjPrefecture.Value);
        Assert.Equal("Completed", result.Status);
        Assert.DoesNotContain(result.Sampled, f => f.Stage == "apply" && f.Field == "materialsDate");
        Assert.Contains(result.Sampled, f => f.Stage == "committee-vote" || f.Stage == "unit-recommend");
        Assert.All(result.Sampled.Where(f => f.Value is JsonValue v && v.TryGetValue<string>(out var s) && s.Length == 10 && s[4] == '-'),
            f => Assert.StartsWith("2022-", f.Value!.GetValue<string>()));
        Assert.True(JsonNode.Parse(result.ToJson())!["sampled"] is JsonArray { Count: > 0 });
    }
}
