using System.Text.Json.Nodes;
using Designer.Engine.Runtime;
using Designer.Engine.Tests.Support;
using static Designer.Engine.Tests.Support.TestFlow;

namespace Designer.Engine.Tests.Runtime;

/// <summary>Suspending on people and timers, and resuming from serialised state in another engine (another process).</summary>
public class BookmarkTests
{
    private static TestFlow ReviewFlow(int deadlineDays = 0) => new TestFlow("bazhou")
        .Add("review", "Titles.Task",
            ("stage", Literal("hr-review")), ("assigneeOrg", Literal("{locality}/hr")), ("assigneeRole", Literal("reviewer")),
            ("actions", Literal(new[] { "approve", "reject" })), ("deadlineDays", Literal(deadlineDays)))
        .Write("approved", "approved").Write("rejected", "rejected").Write("late", "overdue")
        .Connect("review", "approved", "approve").Connect("review", "rejected", "reject").Connect("review", "late", "Overdue");

    [Fact]
    public void A_person_step_suspends_and_resumes_after_a_JSON_round_trip_in_a_new_engine()
    {
        var definition = ReviewFlow().Definition();
        var first = new TestEngine();
        var waiting = first.Start(definition, new JsonObject { ["name"] = "张三", ["unit"] = "和静县第一中学" });
        Assert.Equal(WorkflowStatus.Waiting, waiting.Status);
        var task = Assert.Single(waiting.Bookmarks);
        Assert.Equal(("hr-review", "bazhou/hr", "reviewer"), (task.Stage, task.Org, task.Role));

        var restored = WorkflowInstanceState.FromJson(waiting.ToJson());
        var second = new TestEngine();
        var done = second.Engine.Resume(definition, restored, task.Id, new ResumeInput("approve", new JsonObject(), "bazhou-reviewer-hr"));

        Assert.Equal(WorkflowStatus.Completed, done.Status);
        Assert.Equal(["approved"], second.Lines);
        var step = Assert.Single(done.Journal);
        Assert.Equal(("hr-review", "approve", "2024-09-02", "bazhou-reviewer-hr"), (step.Stage, step.Action, step.Date, step.Actor));
    }

    [Fact]
    public void An_action_the_step_does_not_offer_is_rejected_and_changes_nothing()
    {
        var engine = new TestEngine();
        var definition = ReviewFlow().Definition();
        var waiting = engine.Start(definition);
        var before = waiting.ToJson();
        var error = Assert.Throws<ResumeRejectedException>(() =>
            engine.Engine.Resume(definition, waiting, waiting.Bookmarks[0].Id, new ResumeInput("vote")));
        Assert.Contains("approve", error.Message);
        Assert.Equal(before, waiting.ToJson());
    }

    [Fact]
    public void A_bookmark_acted_on_once_cannot_be_acted_on_again()
    {
        var engine = new TestEngine();
        var definition = ReviewFlow().Definition();
        var waiting = engine.Start(definition);
        var id = waiting.Bookmarks[0].Id;
        var done = engine.Engine.Resume(definition, waiting, id, new ResumeInput("approve"));
        Assert.Throws<BookmarkNotFoundException>(() => engine.Engine.Resume(definition, done, id, new ResumeInput("approve")));
    }

    [Fact]
    public void A_deadline_in_working_days_fires_the_overdue_port_across_national_day()
    {
        var engine = new TestEngine(new DateOnly(2024, 9, 27));
        var definition = ReviewFlow(deadlineDays: 3).Definition();
        var waiting = engine.Start(definition);
        // Sep 29 (Sunday) is a make-up working day, Oct 1-7 are holidays: Sep 29, Sep 30, Oct 8.
        Assert.Equal("2024-10-08", waiting.Bookmarks[0].Payload["dueDate"]!.GetValue<string>());

        engine.Clock.AdvanceTo(new DateTimeOffset(2024, 10, 8, 12, 0, 0, ChinaTime.Offset));
        Assert.Equal(WorkflowStatus.Waiting, engine.Engine.FireDueTimers(definition, waiting).Status);

        engine.Clock.AdvanceTo(new DateTimeOffset(2024, 10, 8, 18, 0, 0, ChinaTime.Offset));
        var done = engine.Engine.FireDueTimers(definition, WorkflowInstanceState.FromJson(waiting.ToJson()));
        Assert.Equal(["overdue"], engine.Lines);
        Assert.Equal("overdue", done.Journal.Single().Action);
    }

    [Fact]
    public void A_delay_waits_on_the_clock_and_fires_exactly_once()
    {
        var definition = new TestFlow().Add("wait", "Elsa.Delay", ("timeSpan", Literal("2.00:00:00"))).Write("after", "after").Connect("wait", "after").Definition();
        var engine = new TestEngine();
        var waiting = engine.Start(definition);
        Assert.Equal(WorkflowStatus.Waiting, waiting.Status);
        engine.Clock.AdvanceTo(engine.Clock.Now.AddDays(2));
        var done = engine.Engine.FireDueTimers(definition, waiting);
        var again = engine.Engine.FireDueTimers(definition, done);
        Assert.Equal(WorkflowStatus.Completed, again.Status);
        Assert.Equal(["after"], engine.Lines);
    }

    [Fact]
    public void A_publicity_runs_its_working_days_and_routes_by_objection()
    {
        var definition = new TestFlow("bazhou")
            .Add("notice", "Titles.Publicity", ("stage", Literal("result-publicity")), ("org", Literal("bazhou/hr")), ("workingDays", Literal(5)), ("objectionForm", Literal("")))
            .Write("clear", "no objection").Write("objected", "objection")
            .Connect("notice", "clear", "no-objection").Connect("notice", "objected", "object").Definition();
        var engine = new TestEngine(new DateOnly(2024, 9, 27));
        var waiting = engine.Start(definition);
        var notice = waiting.Bookmarks.Single();
        Assert.Equal("2024-10-09", notice.Payload["endDate"]!.GetValue<string>());

        var objected = engine.Engine.Resume(definition, waiting, notice.Id, new ResumeInput("object", new JsonObject { ["reason"] = "论文抄袭" }, "public"));
        Assert.Equal(WorkflowStatus.Waiting, objected.Status);
        engine.Clock.AdvanceTo(new DateTimeOffset(2024, 10, 9, 18, 0, 0, ChinaTime.Offset));
        var done = engine.Engine.FireDueTimers(definition, objected);
        Assert.Equal(["objection"], engine.Lines);
        Assert.Equal(("result-publicity", "object", "2024-10-09"), (done.Journal[0].Stage, done.Journal[0].Action, done.Journal[0].Date));
    }
}
