using System.Text.Json.Nodes;
using Designer.Engine.Calendar;
using Designer.Engine.Expressions;
using Designer.Engine.Runtime;
using Designer.Engine.Tests.Support;
using static Designer.Engine.Tests.Support.TestFlow;

namespace Designer.Engine.Tests.Runtime;

/// <summary>
/// A host may store the journal apart (the server appends each change's entries as rows): the state then resumes
/// without its journal, on the index it keeps (issue 14, state by parts).
/// </summary>
public class JournalIndexTests
{
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd");

    /// <summary>As the server stores a state: its new entries taken out, the rest written and read back.</summary>
    private static (WorkflowInstanceState State, List<JournalEntry> Taken) StoredApart(WorkflowInstanceState state)
    {
        var taken = state.TakeNewJournalEntries();
        return (WorkflowInstanceState.FromJson(state.ToJson()), taken);
    }

    [Fact]
    public void A_deadline_counted_from_an_earlier_stage_holds_when_the_journal_is_stored_apart()
    {
        var flow = new TestFlow("sample-city")
            .Add("vote", "Titles.Task", ("stage", Literal("committee-vote")), ("assigneeOrg", Literal("sample-city/hr")), ("actions", Literal(new[] { "approve" })))
            .Add("publicity", "Titles.Publicity", ("stage", Literal("result-publicity")), ("org", Literal("sample-city/hr")), ("workingDays", Literal(5)))
            .Add("filing", "Titles.Task", ("stage", Literal("filing")), ("assigneeOrg", Literal("sample-city/hr")), ("actions", Literal(new[] { "approve" })),
                ("deadlineDays", Literal(10)), ("deadlineFrom", Literal("committee-vote")))
            .Add("done", "Titles.Conclude").Add("late", "Titles.Conclude", ("result", Literal("Rejected")))
            .Connect("vote", "publicity", "approve").Connect("publicity", "filing", "no-objection").Connect("publicity", "filing", "object")
            .Connect("filing", "done", "approve").Connect("filing", "late", "Overdue");
        var clock = ManualClock.StartingOn(D("2021-11-01"));
        var calendar = TestEngine.CalendarInForce;
        var engine = new WorkflowEngine(new EngineServices
        {
            Clock = clock, Calendar = calendar.National, CalendarInForce = calendar, Scripts = new JintScriptSandbox(SandboxLimits.Default, calendar.National),
        });
        var definition = flow.Definition();
        var state = engine.Start(definition, new StartRequest("t", []));
        state = engine.Resume(definition, state, state.Bookmarks.Single().Id, new ResumeInput("approve"));   // the vote, Mon 1 Nov 2021
        (state, var taken) = StoredApart(state);
        Assert.Equal(["committee-vote"], taken.Select(e => e.Stage));
        Assert.Empty(state.Journal);
        Assert.Equal(1, state.JournalIndex.Stored);

        clock.AdvanceTo(state.Bookmarks.Single().DueAt!.Value);
        state = engine.FireDueTimers(definition, state);                                                    // the publicity ends Fri 5 Nov
        Assert.Equal("2021-11-15", state.Bookmarks.Single().Payload["dueDate"]!.GetValue<string>());     // 10 working days after 1 Nov, as with the whole journal
        // The next entries are numbered on from those stored.
        Assert.Equal(["result-publicity"], state.Journal.Select(e => e.Stage));
        Assert.Equal(1, state.JournalIndex.Stored);
    }

    [Fact]
    public void A_state_written_before_the_index_existed_gets_it_from_its_journal()
    {
        var state = new WorkflowInstanceState
        {
            Journal =
            [
                new JournalEntry { Stage = "apply", Action = "submit", Date = "2024-03-01" },
                new JournalEntry { Stage = "eligibility", Action = "fail", Date = "2024-03-02" },
                new JournalEntry { Stage = "apply", Action = "submit", Date = "2024-03-05" },
                new JournalEntry { Stage = "review", Action = "approve", Date = "2024-03-08" },
            ],
        };
        var legacy = JsonNode.Parse(state.ToJson())!.AsObject();
        legacy.Remove("journalIndex");

        var read = WorkflowInstanceState.FromJson(legacy.ToJsonString());

        Assert.Equal(0, read.JournalIndex.Stored);
        Assert.Equal(4, read.Journal.Count);
        Assert.Equal("2024-03-05", read.JournalIndex.LastDateByStage["apply"]);
        Assert.Equal("review", read.JournalIndex.LastStage);
        Assert.Equal("eligibility", read.JournalIndex.LastRejectedStage);
        // Taking the entries stores all four, numbered from 0.
        Assert.Equal(4, read.TakeNewJournalEntries().Count);
        Assert.Equal(4, read.JournalIndex.Stored);
    }
}
