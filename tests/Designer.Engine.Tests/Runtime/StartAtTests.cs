using Designer.Engine.Runtime;
using Designer.Engine.Tests.Support;
using static Designer.Engine.Tests.Support.TestFlow;

namespace Designer.Engine.Tests.Runtime;

/// <summary>Elsa.StartAt inside a flow: the vote waits for the committee's session date.</summary>
public class StartAtTests
{
    private static Model.WorkflowDefinition Flow(string when) =>
        new TestFlow().Add("session", "Elsa.StartAt", ("dateTime", Literal(when))).Write("vote", "vote").Connect("session", "vote").Definition();

    [Fact]
    public void It_waits_until_the_date_and_fires_once()
    {
        var engine = new TestEngine(new DateOnly(2020, 6, 1));
        var definition = Flow("2020-07-01");
        var waiting = engine.Start(definition);
        Assert.Equal(WorkflowStatus.Waiting, waiting.Status);
        Assert.Equal(ChinaTime.StartOf(new DateOnly(2020, 7, 1)), Assert.Single(waiting.Bookmarks).DueAt);

        engine.Clock.AdvanceTo(new DateTimeOffset(2020, 6, 30, 18, 0, 0, ChinaTime.Offset));
        var early = engine.Engine.FireDueTimers(definition, waiting);
        Assert.Equal(WorkflowStatus.Waiting, early.Status);
        Assert.Empty(engine.Lines);

        engine.Clock.AdvanceTo(ChinaTime.StartOf(new DateOnly(2020, 7, 1)));
        var done = engine.Engine.FireDueTimers(definition, early);
        var again = engine.Engine.FireDueTimers(definition, done);
        Assert.Equal(WorkflowStatus.Completed, again.Status);
        Assert.Equal(["vote"], engine.Lines);
    }

    [Fact]
    public void A_date_already_past_continues_at_once()
    {
        var engine = new TestEngine(new DateOnly(2020, 8, 3));
        var done = engine.Start(Flow("2020-07-01T10:00:00+08:00"));
        Assert.Equal(WorkflowStatus.Completed, done.Status);
        Assert.Equal(["vote"], engine.Lines);
    }

    [Fact]
    public void A_date_that_is_not_a_date_faults_naming_the_value()
    {
        var engine = new TestEngine(new DateOnly(2020, 6, 1));
        var faulted = engine.Start(Flow("7月中旬"));
        Assert.Equal(WorkflowStatus.Faulted, faulted.Status);
        Assert.Contains("7月中旬", faulted.Fault!.Message);
    }
}
