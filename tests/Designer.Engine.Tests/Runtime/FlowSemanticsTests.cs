using Designer.Engine.Runtime;
using Designer.Engine.Tests.Support;
using static Designer.Engine.Tests.Support.TestFlow;

namespace Designer.Engine.Tests.Runtime;

/// <summary>Elsa 3's flowchart semantics: what a workflow of flow activities prints through WriteLine.</summary>
public class FlowSemanticsTests
{
    [Fact]
    public void Sequence_prints_in_order_and_completes()
    {
        var flow = new TestFlow().Add("start", "Elsa.Start").Write("a", "Hello").Write("b", "World")
            .Connect("start", "a").Connect("a", "b");
        Assert.Equal(["Hello", "World"], TestEngine.Print(flow));
    }

    [Fact]
    public void Without_a_start_activity_the_one_without_inbound_connections_starts()
    {
        var flow = new TestFlow().Write("b", "second").Write("a", "first").Connect("a", "b");
        Assert.Equal(["first", "second"], TestEngine.Print(flow));
    }

    [Theory]
    [InlineData(5, "big")]
    [InlineData(1, "small")]
    public void Decision_follows_true_or_false(int x, string expected)
    {
        var flow = new TestFlow().Variable("x", "Int32", x.ToString())
            .Add("decide", "Elsa.FlowDecision", ("condition", Js("x > 3")))
            .Write("big", "big").Write("small", "small")
            .Connect("decide", "big", "True").Connect("decide", "small", "False");
        Assert.Equal([expected], TestEngine.Print(flow));
    }

    [Fact]
    public void Decision_accepts_Elsa_function_body_form()
    {
        var flow = new TestFlow().Add("decide", "Elsa.FlowDecision", ("condition", Js("return 2 > 1;")))
            .Write("yes", "yes").Write("no", "no").Connect("decide", "yes", "True").Connect("decide", "no", "False");
        Assert.Equal(["yes"], TestEngine.Print(flow));
    }

    [Theory]
    [InlineData("MatchFirst", new[] { "A" })]
    [InlineData("MatchAny", new[] { "A", "B" })]
    public void Switch_matches_first_or_any(string mode, string[] expected)
    {
        var cases = System.Text.Json.Nodes.JsonNode.Parse("""
            [{"label":"A","condition":{"type":"JavaScript","value":"1 < 2"}},
             {"label":"B","condition":{"type":"JavaScript","value":"2 < 3"}},
             {"label":"C","condition":{"type":"JavaScript","value":"false"}}]
            """);
        var flow = new TestFlow().Add("switch", "Elsa.FlowSwitch", ("cases", cases), ("mode", Literal(mode)))
            .Write("a", "A").Write("b", "B").Write("c", "C").Write("d", "Default")
            .Connect("switch", "a", "A").Connect("switch", "b", "B").Connect("switch", "c", "C").Connect("switch", "d", "Default");
        Assert.Equal(expected, TestEngine.Print(flow));
    }

    [Fact]
    public void Switch_without_a_match_takes_default()
    {
        var cases = System.Text.Json.Nodes.JsonNode.Parse("""[{"label":"A","condition":{"type":"JavaScript","value":"false"}}]""");
        var flow = new TestFlow().Add("switch", "Elsa.FlowSwitch", ("cases", cases))
            .Write("a", "A").Write("d", "Default").Connect("switch", "a", "A").Connect("switch", "d", "Default");
        Assert.Equal(["Default"], TestEngine.Print(flow));
    }

    [Fact]
    public void Fork_runs_branches_breadth_first_and_WaitAll_join_runs_once_after_both()
    {
        var flow = ForkInto("join").Add("join", "Elsa.FlowJoin", ("mode", Literal("WaitAll"))).Write("after", "Joined").Connect("join", "after");
        Assert.Equal(["A1", "B1", "A2", "Joined"], TestEngine.Print(flow));
    }

    [Fact]
    public void WaitAny_join_runs_on_first_branch_and_cancels_the_waiting_one()
    {
        var flow = new TestFlow().Add("start", "Elsa.Start").Add("fork", "Elsa.FlowFork", ("branches", Literal("Fast,Slow")))
            .Write("fast", "fast").Add("slow", "Elsa.Delay", ("timeSpan", Literal("1.00:00:00"))).Write("slowDone", "slow")
            .Add("join", "Elsa.FlowJoin", ("mode", Literal("WaitAny"))).Write("after", "Joined")
            .Connect("start", "fork").Connect("fork", "fast", "Fast").Connect("fork", "slow", "Slow")
            .Connect("fast", "join").Connect("slow", "slowDone").Connect("slowDone", "join").Connect("join", "after");
        var engine = new TestEngine();
        var state = engine.Start(flow.Definition());
        Assert.Equal(["fast", "Joined"], engine.Lines);
        Assert.Equal(WorkflowStatus.Completed, state.Status);
        Assert.Empty(state.Bookmarks);
    }

    [Fact]
    public void Implicit_join_after_a_decision_runs_once_on_the_taken_path_only()
    {
        var flow = new TestFlow().Add("decide", "Elsa.FlowDecision", ("condition", Js("true")))
            .Write("yes", "yes").Write("no", "no").Write("merge", "merged")
            .Connect("decide", "yes", "True").Connect("decide", "no", "False").Connect("yes", "merge").Connect("no", "merge");
        Assert.Equal(["yes", "merged"], TestEngine.Print(flow));
    }

    [Fact]
    public void Stream_merge_after_a_fork_waits_for_both_branches()
    {
        var flow = ForkInto("merge").Write("merge", "merged");
        Assert.Equal(["A1", "B1", "A2", "merged"], TestEngine.Print(flow));
    }

    [Fact]
    public void Merge_mode_blocks_on_a_dead_path()
    {
        var flow = new TestFlow().Add("decide", "Elsa.FlowDecision", ("condition", Js("true")))
            .Write("yes", "yes").Write("no", "no").Write("merge", "merged").WithMergeMode("merge", "Merge")
            .Connect("decide", "yes", "True").Connect("decide", "no", "False").Connect("yes", "merge").Connect("no", "merge");
        Assert.Equal(["yes"], TestEngine.Print(flow));
    }

    [Fact]
    public void Merge_mode_runs_once_when_every_branch_arrives()
    {
        var flow = ForkInto("merge").Write("merge", "merged").WithMergeMode("merge", "Merge");
        Assert.Equal(["A1", "B1", "A2", "merged"], TestEngine.Print(flow));
    }

    [Fact]
    public void Converge_mode_waits_for_every_inbound_connection()
    {
        var flow = ForkInto("merge").Write("merge", "merged").WithMergeMode("merge", "Converge");
        Assert.Equal(["A1", "B1", "A2", "merged"], TestEngine.Print(flow));
    }

    [Fact]
    public void Cascade_mode_runs_once_per_arriving_branch()
    {
        var flow = ForkInto("merge").Write("merge", "merged").WithMergeMode("merge", "Cascade");
        Assert.Equal(["A1", "B1", "A2", "merged", "merged"], TestEngine.Print(flow));
    }

    [Fact]
    public void Loop_through_a_back_edge_repeats_until_the_condition_fails()
    {
        var flow = new TestFlow().Variable("i", "Int32", "0").Add("start", "Elsa.Start")
            .Add("check", "Elsa.FlowDecision", ("condition", Js("i < 3")))
            .Add("print", "Elsa.WriteLine", ("text", Js("'i=' + i")))
            .Add("inc", "Elsa.SetVariable", ("variable", System.Text.Json.Nodes.JsonNode.Parse("""{"id":"i","name":"i"}""")), ("value", Js("i + 1")))
            .Write("done", "done").Add("end", "Elsa.End")
            .Connect("start", "check").Connect("check", "print", "True").Connect("print", "inc").Connect("inc", "check")
            .Connect("check", "done", "False").Connect("done", "end");
        Assert.Equal(["i=0", "i=1", "i=2", "done"], TestEngine.Print(flow));
    }

    [Fact]
    public void Nested_flowchart_completes_before_the_outer_flow_continues()
    {
        var inner = new TestFlow().Write("in1", "inner 1").Write("in2", "inner 2").Connect("in1", "in2").AsNestedFlowchart("nested");
        var flow = new TestFlow().Write("before", "before").Add("nested", "Elsa.Flowchart").Write("after", "after")
            .Connect("before", "nested").Connect("nested", "after");
        var json = flow.Json();
        var activities = json["root"]!["activities"]!.AsArray();
        activities[1] = inner;
        var engine = new TestEngine();
        engine.Start(Designer.Engine.Model.WorkflowDefinitionReader.FromJson(json));
        Assert.Equal(["before", "inner 1", "inner 2", "after"], engine.Lines);
    }

    [Fact]
    public void End_completes_the_flowchart_and_drops_the_other_branch()
    {
        var flow = new TestFlow().Add("fork", "Elsa.FlowFork", ("branches", Literal("A,B")))
            .Add("wait", "Elsa.Delay", ("timeSpan", Literal("01:00:00"))).Write("late", "late").Add("end", "Elsa.End")
            .Connect("fork", "end", "A").Connect("fork", "wait", "B").Connect("wait", "late");
        var engine = new TestEngine();
        var state = engine.Start(flow.Definition());
        Assert.Equal(WorkflowStatus.Completed, state.Status);
        Assert.Empty(state.Bookmarks);
        Assert.Empty(engine.Lines);
    }

    [Fact]
    public void Fault_activity_faults_the_instance_naming_the_activity()
    {
        var flow = new TestFlow().Add("boom", "Elsa.Fault", ("message", Literal("材料缺失")));
        var state = new TestEngine().Start(flow.Definition());
        Assert.Equal(WorkflowStatus.Faulted, state.Status);
        Assert.Equal("boom", state.Fault!.ActivityId);
        Assert.Contains("材料缺失", state.Fault.Message);
    }

    [Fact]
    public void Runaway_script_faults_the_instance_with_a_clear_message()
    {
        var flow = new TestFlow().Add("spin", "Elsa.WriteLine", ("text", Js("while (true) {}")));
        var state = new TestEngine().Start(flow.Definition());
        Assert.Equal(WorkflowStatus.Faulted, state.Status);
        Assert.Contains("spin", state.Fault!.Message);
    }

    [Fact]
    public void Loop_that_never_waits_faults_instead_of_hanging()
    {
        var flow = new TestFlow().Add("a", "Elsa.FlowNode").Add("b", "Elsa.FlowNode").Connect("a", "b").Connect("b", "a");
        var state = new TestEngine().Start(flow.Definition());
        Assert.Equal(WorkflowStatus.Faulted, state.Status);
        Assert.Contains("死循环", state.Fault!.Message);
    }

    private static TestFlow ForkInto(string target) => new TestFlow()
        .Add("start", "Elsa.Start").Add("fork", "Elsa.FlowFork", ("branches", Literal(new[] { "A", "B" })))
        .Write("a1", "A1").Write("a2", "A2").Write("b1", "B1")
        .Connect("start", "fork").Connect("fork", "a1", "A").Connect("a1", "a2").Connect("fork", "b1", "B")
        .Connect("a2", target).Connect("b1", target);
}
