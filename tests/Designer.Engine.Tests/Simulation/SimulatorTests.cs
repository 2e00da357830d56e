using System.Text.Json.Nodes;
using Designer.Engine.Expressions;
using Designer.Engine.Runtime;
using Designer.Engine.Simulation;
using Designer.Engine.Tests.Support;
using static Designer.Engine.Tests.Support.TestFlow;

namespace Designer.Engine.Tests.Simulation;

public class SimulatorTests
{
    private static readonly Simulator Simulator =
        new(TestEngine.Calendar, new JintScriptSandbox(SandboxLimits.Default, TestEngine.Calendar), TestEngine.Forms);

    private static SimulationCase Case(string answers = "{}", string quotas = "[]") => SimulationCase.Parse($$"""
        {"workflow": "inline", "startDate": "2024-09-02",
         "applicant": {"name": "张三", "unit": "和静县第一中学", "county": "和静县", "kind": "directed", "level": "deputy-senior"},
         "answers": {{answers}}, "quotas": {{quotas}}}
        """);

    /// <summary>quota → review (return → correction with a deadline → back to review) → conclude.</summary>
    private static TestFlow Flow() => new TestFlow("bazhou")
        .Add("quota", "Titles.Quota")
        .Add("review", "Titles.Task", ("stage", Literal("hr-review")), ("assigneeOrg", Literal("bazhou/hr")),
            ("actions", Literal(new[] { "approve", "reject", "return" })), ("form", Literal("review-opinion")))
        .Add("correction", "Titles.Task", ("stage", Literal("correction")), ("assigneeOrg", Literal("applicant")), ("assigneeRole", Literal("applicant")),
            ("actions", Literal(new[] { "approve" })), ("form", Literal("correction")), ("deadlineDays", Literal(5)))
        .Add("granted", "Titles.Certificate").Add("done", "Titles.Conclude")
        .Add("rejected", "Titles.Conclude", ("result", Literal("Rejected")))
        .Add("withdrawn", "Titles.Conclude", ("result", Literal("Withdrawn")))
        .Add("noPost", "Titles.Conclude", ("result", Literal("Rejected")), ("reason", Literal("岗位职数已满")))
        .Connect("quota", "review", "Reserved").Connect("quota", "noPost", "Exhausted")
        .Connect("review", "granted", "approve").Connect("granted", "done").Connect("review", "rejected", "reject")
        .Connect("review", "correction", "return").Connect("correction", "review", "approve").Connect("correction", "withdrawn", "Overdue");

    [Fact]
    public void Granted_is_written_as_null_when_nothing_was_granted()
    {
        var result = Simulator.Run(Case("""{"hr-review": {"action": "reject"}}"""), Flow().Definition());
        Assert.Equal("Rejected", result.Status);
        Assert.True(JsonNode.Parse(result.ToJson())!.AsObject().ContainsKey("granted"));
    }

    [Fact]
    public void An_overdue_answer_in_a_list_is_used_once_then_the_next_answer_applies()
    {
        var answers = """{"hr-review": [{"action": "return"}, {"action": "return"}, {"action": "approve"}], "correction": [{"action": "approve"}, {"action": "overdue"}]}""";
        var result = Simulator.Run(Case(answers), Flow().Definition());
        Assert.Equal("Withdrawn", result.Status);
        Assert.Equal(["hr-review", "correction", "hr-review", "correction"], result.Path.Select(p => p.Stage));
        Assert.Equal("overdue", result.Path[^1].Action);
        Assert.Equal("2024-09-09", result.Path[^1].Date);
    }

    [Fact]
    public void A_case_can_run_a_unit_out_of_posts()
    {
        var result = Simulator.Run(Case(quotas: """[{"unit": "和静县第一中学", "postKind": "directed", "level": "deputy-senior", "posts": 0}]"""), Flow().Definition());
        Assert.Equal(("Rejected", "岗位职数已满"), (result.Status, result.Reason));
    }

    [Fact]
    public void A_post_taken_is_given_back_when_the_application_is_rejected()
    {
        var ledger = new CountingLedger();
        var engine = new WorkflowEngine(new EngineServices
        {
            Clock = ManualClock.StartingOn(new DateOnly(2024, 9, 2)), Calendar = TestEngine.Calendar,
            Scripts = new JintScriptSandbox(SandboxLimits.Default, TestEngine.Calendar), Quotas = ledger,
        });
        var definition = Flow().Definition();
        var state = engine.Start(definition, new StartRequest("a-1", new JsonObject { ["unit"] = "一中", ["kind"] = "directed", ["level"] = "deputy-senior" }));
        Assert.Equal(1, ledger.Held);
        engine.Resume(definition, state, state.Bookmarks[0].Id, new ResumeInput("reject", new JsonObject { ["opinion"] = "不符合条件" }));
        Assert.Equal(0, ledger.Held);
    }

    private sealed class CountingLedger : IQuotaLedger
    {
        public int Held { get; private set; }
        public bool TryReserve(string unit, string postKind, string level, string instanceId) { Held++; return true; }
        public void Release(string unit, string postKind, string level, string instanceId) => Held--;
    }
}

public class CodeBuiltNumbersTests
{
    [Fact]
    public void Votes_built_in_code_count_like_votes_parsed_from_text()
    {
        var fromCode = new JsonObject { ["for"] = 6, ["against"] = 1, ["abstain"] = 0 };
        var fromText = JsonNode.Parse("""{"for": 6, "against": 1, "abstain": 0}""");
        Assert.Equal(Designer.Engine.Activities.Titles.VoteTally.From(fromText), Designer.Engine.Activities.Titles.VoteTally.From(fromCode));
        Assert.Equal(7, Designer.Engine.Activities.Titles.VoteTally.From(fromCode).Present);
    }
}
