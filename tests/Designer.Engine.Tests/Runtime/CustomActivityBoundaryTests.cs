using System.Text.Json.Nodes;
using Designer.Engine.Descriptors;
using Designer.Engine.Expressions;
using Designer.Engine.Runtime;
using Designer.Engine.Tests.Support;
using Designer.Engine.Validation;
using static Designer.Engine.Tests.Support.TestFlow;

namespace Designer.Engine.Tests.Runtime;

/// <summary>
/// Activity types the runtime and the validator have never heard of, defined here: a join of their own, a terminal
/// step, an activity that wants to know when the workflow ends. The engine honours them through IJoinActivity, the
/// descriptor's IsTerminal and IWorkflowEndHook, exactly as it honours Elsa.FlowJoin, Titles.Conclude and Titles.Quota.
/// </summary>
public class CustomActivityBoundaryTests
{
    private static readonly ActivityRegistry Registry =
        ActivityRegistry.FromAssemblies(typeof(ActivityRegistry).Assembly, typeof(CustomActivityBoundaryTests).Assembly);

    private readonly StringWriter _output = new();
    private readonly ManualClock _clock = ManualClock.StartingOn(new DateOnly(2024, 9, 2));

    private WorkflowEngine Engine() => new(new EngineServices
    {
        Clock = _clock, Calendar = TestEngine.Calendar, Scripts = new JintScriptSandbox(SandboxLimits.Default, TestEngine.Calendar),
        Output = _output, Registry = Registry,
    });

    private IReadOnlyList<string> Lines => _output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();

    /// <summary>fork → a1 → gate; fork → b1 → b2 → gate; gate → joined.</summary>
    private static TestFlow ForkInto(string gateType, params (string Name, JsonNode? Value)[] gateInputs) => new TestFlow()
        .Add("fork", "Elsa.FlowFork", ("branches", Literal(new[] { "a", "b" })))
        .Write("a1", "A1").Write("b1", "B1").Write("b2", "B2")
        .Add("gate", gateType, gateInputs)
        .Write("joined", "Joined")
        .Connect("fork", "a1", "a").Connect("fork", "b1", "b").Connect("b1", "b2")
        .Connect("a1", "gate").Connect("b2", "gate").Connect("gate", "joined");

    [Fact]
    public void A_custom_join_that_waits_for_the_first_branch_runs_once_and_cancels_the_rest()
    {
        var state = Engine().Start(ForkInto("Tests.Gate", ("wait", Literal("first"))).Definition(), new StartRequest("i-1"));
        Assert.Equal(WorkflowStatus.Completed, state.Status);
        Assert.Equal(["A1", "Joined"], Lines); // b1, still queued on the other branch, is cancelled
    }

    [Theory]
    [InlineData("first", "WaitAny")]
    [InlineData("all", "WaitAll")]
    public void A_custom_join_behaves_as_Elsa_FlowJoin_in_the_same_mode(string wait, string mode)
    {
        Engine().Start(ForkInto("Tests.Gate", ("wait", Literal(wait))).Definition(), new StartRequest("i-1"));
        Assert.Equal(TestEngine.Print(ForkInto("Elsa.FlowJoin", ("mode", Literal(mode)))), Lines);
    }

    [Fact]
    public void A_custom_join_that_waits_for_all_runs_once_after_every_branch()
    {
        Engine().Start(ForkInto("Tests.Gate", ("wait", Literal("all"))).Definition(), new StartRequest("i-1"));
        Assert.Equal(["A1", "B1", "B2", "Joined"], Lines);
    }

    [Fact]
    public void A_custom_join_decides_its_mode_over_the_merge_mode_a_plain_activity_would_take()
    {
        var flow = ForkInto("Tests.Gate", ("wait", Literal("first"))).WithMergeMode("gate", "Stream");
        Engine().Start(flow.Definition(), new StartRequest("i-1"));
        Assert.Equal(["A1", "Joined"], Lines);
    }

    [Fact]
    public void The_same_shape_with_a_plain_activity_streams_both_branches_in()
    {
        Engine().Start(ForkInto("Tests.Plain").Definition(), new StartRequest("i-1"));
        Assert.Equal(["A1", "B1", "B2", "Joined"], Lines);
    }

    [Fact]
    public void A_custom_join_waiting_for_all_is_skipped_when_a_branch_is_dead()
    {
        var flow = new TestFlow()
            .Add("check", "Elsa.FlowDecision", ("condition", Js("1 > 0")))
            .Write("yes", "yes").Write("no", "no")
            .Add("gate", "Tests.Gate", ("wait", Literal("all"))).Write("after", "after")
            .Connect("check", "yes", "True").Connect("check", "no", "False")
            .Connect("yes", "gate").Connect("no", "gate").Connect("gate", "after");
        Engine().Start(flow.Definition(), new StartRequest("i-1"));
        Assert.Equal(["yes"], Lines);
    }

    /// <summary>review loops on "again"; the custom terminal step "stop" has a port of its own that leads back.</summary>
    private static TestFlow LoopThrough(string stopType) => new TestFlow("bazhou")
        .Add("review", "Titles.Task", ("stage", Literal("hr-review")), ("assigneeOrg", Literal("bazhou/hr")),
            ("actions", Literal(new[] { "again", "stop" })), ("form", Literal("review-opinion")))
        .Add("stop", stopType)
        .Connect("review", "review", "again").Connect("review", "stop", "stop").Connect("stop", "review", "Appeal");

    [Fact]
    public void The_validator_takes_a_custom_terminal_step_as_an_end_from_its_descriptor()
    {
        var validator = new WorkflowValidator(Registry, TestEngine.Forms, new JintScriptSandbox(SandboxLimits.Default, TestEngine.Calendar), TestEngine.Vocabulary);
        Assert.True(Registry.Describe("Tests.Stop")!.IsTerminal);
        Assert.DoesNotContain(validator.Validate(LoopThrough("Tests.Stop").Definition()), p => p.Code == ProblemCodes.NoPathToEnd);

        var withoutAnEnd = validator.Validate(LoopThrough("Tests.Detour").Definition());
        Assert.Contains(withoutAnEnd, p => p.Code == ProblemCodes.NoPathToEnd && p.ActivityId == "stop");
        Assert.Contains(withoutAnEnd, p => p.Code == ProblemCodes.NoPathToEnd && p.ActivityId == "review");
    }

    [Fact]
    public void A_custom_terminal_step_ends_the_instance_when_reached()
    {
        var definition = LoopThrough("Tests.Stop").Definition();
        var engine = Engine();
        var state = engine.Start(definition, new StartRequest("i-1"));
        state = engine.Resume(definition, state, state.Bookmarks[0].Id, new ResumeInput("stop", new JsonObject { ["opinion"] = "不予受理" }));
        Assert.Equal((WorkflowStatus.Rejected, "停止"), (state.Status, state.Reason));
        Assert.Empty(state.Bookmarks);
    }

    private static TestFlow Watched(string result) => new TestFlow()
        .Add("watch", "Tests.Watcher").Add("wait", "Elsa.Delay", ("timeSpan", Literal("1.00:00:00")))
        .Add("end", "Titles.Conclude", ("result", Literal(result)))
        .Connect("watch", "wait").Connect("wait", "end");

    [Theory]
    [InlineData("Completed")]
    [InlineData("Rejected")]
    [InlineData("Withdrawn")]
    public void An_end_hook_is_told_once_when_the_instance_ends_with_its_status(string result)
    {
        var definition = Watched(result).Definition();
        var engine = Engine();
        var state = engine.Start(definition, new StartRequest("i-1"));
        Assert.Equal(WorkflowStatus.Waiting, state.Status);
        Assert.Empty(Lines);
        _clock.AdvanceTo(WorkflowEngine.NextDueTimer(state)!.DueAt!.Value);
        state = engine.FireDueTimers(definition, state);
        Assert.Equal(result, state.Status.ToString());
        Assert.Equal([$"watch: ended {result}"], Lines);
        engine.FireDueTimers(definition, state);
        Assert.Single(Lines);
    }

    [Fact]
    public void An_end_hook_is_told_when_a_flowchart_simply_runs_out_of_work()
    {
        var flow = new TestFlow().Add("watch", "Tests.Watcher").Write("a", "A").Connect("watch", "a");
        Assert.Equal(WorkflowStatus.Completed, Engine().Start(flow.Definition(), new StartRequest("i-1")).Status);
        Assert.Equal(["A", "watch: ended Completed"], Lines);
    }

    [Fact]
    public void An_end_hook_is_told_when_the_instance_faults()
    {
        var flow = new TestFlow().Add("watch", "Tests.Watcher").Add("boom", "Elsa.Fault", ("message", Literal("坏了"))).Connect("watch", "boom");
        Assert.Equal(WorkflowStatus.Faulted, Engine().Start(flow.Definition(), new StartRequest("i-1")).Status);
        Assert.Equal(["watch: ended Faulted"], Lines);
    }

    [Fact]
    public void A_quota_held_when_the_instance_faults_goes_back_and_one_kept_when_it_completes_stays()
    {
        static TestFlow QuotaThen(string next, params (string, JsonNode?)[] inputs) =>
            new TestFlow().Add("quota", "Titles.Quota").Add("next", next, inputs).Connect("quota", "next", "Reserved");
        var application = new JsonObject { ["unit"] = "一中", ["kind"] = "general", ["level"] = "senior" };

        var faulting = new CountingLedger();
        var state = EngineWith(faulting).Start(QuotaThen("Elsa.Fault", ("message", Literal("坏了"))).Definition(), new StartRequest("q-1", application));
        Assert.Equal((WorkflowStatus.Faulted, 0), (state.Status, faulting.Held));
        Assert.False(state.Variables.ContainsKey("quotaReservation"));

        var completing = new CountingLedger();
        state = EngineWith(completing).Start(QuotaThen("Titles.Conclude").Definition(), new StartRequest("q-2", application));
        Assert.Equal((WorkflowStatus.Completed, 1), (state.Status, completing.Held));
    }

    private WorkflowEngine EngineWith(IQuotaLedger ledger) => new(new EngineServices
    {
        Clock = _clock, Calendar = TestEngine.Calendar, Scripts = new JintScriptSandbox(SandboxLimits.Default, TestEngine.Calendar), Quotas = ledger,
    });

    private sealed class CountingLedger : IQuotaLedger
    {
        public int Held { get; private set; }
        public bool TryReserve(string unit, string postKind, string level, string instanceId) { Held++; return true; }
        public void Release(string unit, string postKind, string level, string instanceId) => Held--;
    }
}

[Activity("Tests.Gate", "测试汇合")]
public sealed class TestGate : Activity, IJoinActivity
{
    [Input("等待", SupportsExpressions = false)]
    public Input<string> Wait { get; } = new("all");

    public JoinMode JoinMode => Wait.LiteralOrDefault() == "first" ? JoinMode.WaitAny : JoinMode.WaitAll;

    public override void Execute(ActivityContext context) => context.Complete("Done");
}

[Activity("Tests.Plain", "测试普通活动")]
public sealed class TestPlain : Activity
{
    public override void Execute(ActivityContext context) => context.Complete("Done");
}

[Activity("Tests.Stop", "测试终止", Ports = ["Appeal"], IsTerminal = true)]
public sealed class TestStop : Activity
{
    public override void Execute(ActivityContext context) => context.EndWorkflow(WorkflowStatus.Rejected, "停止");
}

[Activity("Tests.Detour", "测试绕行", Ports = ["Appeal"])]
public sealed class TestDetour : Activity
{
    public override void Execute(ActivityContext context) => context.Complete("Appeal");
}

[Activity("Tests.Watcher", "测试结束钩子")]
public sealed class TestWatcher : Activity, IWorkflowEndHook
{
    public override void Execute(ActivityContext context) => context.Complete("Done");

    public void WorkflowEnded(WorkflowEndContext context) => context.Services.Output.WriteLine($"{Id}: ended {context.Status}");
}
