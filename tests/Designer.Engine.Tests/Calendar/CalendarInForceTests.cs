using System.Text.Json.Nodes;
using Designer.Engine.Calendar;
using Designer.Engine.Expressions;
using Designer.Engine.Model;
using Designer.Engine.Runtime;
using Designer.Engine.Tests.Support;
using Designer.Engine.Validation;
using static Designer.Engine.Tests.Support.TestFlow;

namespace Designer.Engine.Tests.Calendar;

/// <summary>The calendar in force: Xinjiang's holiday overlays, application windows, and deadlines counted on them.</summary>
public class CalendarInForceTests
{
    private static readonly CalendarInForce Project = TestEngine.CalendarInForce;

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd");

    private static JsonObject Applicant(string kind, string series, string level) => new() { ["kind"] = kind, ["series"] = series, ["level"] = level };

    [Fact]
    public void Gurban_festival_2024_moves_a_five_day_publicity_in_bazhou_but_not_in_Anhui()
    {
        // 12 Jun (Wed) 13, 14, then 16–18 Jun 古尔邦节 (Sun–Tue), 19, 20.
        Assert.Equal(D("2024-06-20"), Project.WorkingDaysOf("bazhou").EndOfPeriod(D("2024-06-12"), 5));
        Assert.Equal(D("2024-06-18"), Project.National.EndOfPeriod(D("2024-06-12"), 5));
        Assert.Equal(D("2024-06-18"), Project.WorkingDaysOf("qiaocheng").EndOfPeriod(D("2024-06-12"), 5));
        // Kashgar and the autonomous prefecture keep the region's holidays too (region → prefecture).
        Assert.False(Project.WorkingDaysOf("kashgar").IsWorkingDay(D("2024-06-17")));
        Assert.False(Project.WorkingDaysOf("xj-prefecture").IsWorkingDay(D("2024-06-18")));
    }

    [Fact]
    public void Every_overlay_entry_names_its_source_document()
    {
        Assert.NotEmpty(Project.Holidays);
        Assert.All(Project.Holidays, h => Assert.False(string.IsNullOrWhiteSpace(h.Source), $"{h.Id} has no source"));
        Assert.Contains(Project.Holidays, h => h.Name == "肉孜节");
        Assert.Contains(Project.Holidays, h => h.Name == "古尔邦节");
    }

    [Fact]
    public void A_publicity_step_of_a_bazhou_workflow_ends_after_the_regional_holiday()
    {
        var flow = new TestFlow("bazhou")
            .Add("publicity", "Titles.Publicity", ("stage", Literal("unit-publicity")), ("org", Literal("unit")), ("workingDays", Literal(5)))
            .Add("done", "Titles.Conclude").Add("objected", "Titles.Conclude", ("result", Literal("Rejected")))
            .Connect("publicity", "done", "no-objection").Connect("publicity", "objected", "object");
        var engine = Engine(D("2024-06-12"), Project);
        var state = engine.Start(flow.Definition(), new StartRequest("t", new JsonObject { ["unit"] = "和静县第一中学" }));
        Assert.Equal("2024-06-20", state.Bookmarks.Single().Payload["endDate"]!.GetValue<string>());
        Assert.Equal(ChinaTime.EndOf(D("2024-06-20")), state.Bookmarks.Single().DueAt);
    }

    [Fact]
    public void A_scripts_working_days_are_its_localitys()
    {
        static TestFlow Print(string locality) => new TestFlow(locality)
            .Add("print", "Elsa.WriteLine", ("text", Js("'' + workingDaysBetween('2024-06-14', '2024-06-19')"))).Add("end", "Elsa.End").Connect("print", "end");
        string Run(string locality)
        {
            var output = new StringWriter();
            var engine = new WorkflowEngine(new EngineServices
            {
                Clock = ManualClock.StartingOn(D("2024-06-12")), Calendar = Project.National, CalendarInForce = Project,
                Scripts = new JintScriptSandbox(SandboxLimits.Default, Project.National), Output = output,
            });
            engine.Start(Print(locality).Definition(), new StartRequest("t", []));
            return output.ToString().Trim();
        }
        Assert.Equal("1", Run("bazhou"));      // 17 and 18 June are 古尔邦节: only the 19th counts
        Assert.Equal("3", Run("qiaocheng"));   // Anhui: 17, 18, 19
    }

    [Theory]
    [InlineData("teacher", "intermediate", "2020-09-01", true)]       // county evaluation, open until 30 Nov
    [InlineData("agriculture", "intermediate", "2020-09-01", false)]  // prefecture evaluation closed on 30 Jun
    [InlineData("agriculture", "deputy-senior", "2020-06-30", true)]
    [InlineData("agriculture", "junior", "2020-12-01", false)]
    public void Kashgar_windows_keep_what_the_eligibility_rule_checked(string series, string level, string date, bool open)
    {
        var verdict = Project.Check("kashgar", Applicant("directed", series, level), D(date));
        Assert.Equal(open, verdict.Open);
        if (!open) Assert.Contains(verdict.Window!.Dates, verdict.Message);
    }

    [Fact]
    public void A_locality_without_windows_is_open_and_a_draft_window_governs_nothing()
    {
        Assert.True(Project.Check("bazhou", Applicant("directed", "teacher", "deputy-senior"), D("2031-01-01")).Open);
        var draft = new ApplicationWindow("w", "bazhou", ["directed"], [], [], [], D("2024-09-01"), D("2024-09-30")) { Published = false };
        Assert.True(Project.With(windows: [draft]).Check("bazhou", Applicant("directed", "teacher", "deputy-senior"), D("2024-10-08")).Open);
    }

    [Fact]
    public void A_window_for_one_kind_closes_the_procedures_of_that_kind_not_one_that_also_handles_others()
    {
        var units = new ApplicationWindow("units", "sample-city", ["autonomous-evaluation"], [], [], [], D("2021-03-01"), D("2021-06-30"));
        var calendar = Project.With(windows: [units]);
        static WorkflowScope Scope(params string[] kinds) => new(kinds, [], [], []);
        // The units' own procedure is closed after its window; a procedure of every kind stays open for the others.
        Assert.False(calendar.CheckProcedure("sample-city", Scope("autonomous-evaluation"), D("2026-12-01")).Open);
        Assert.True(calendar.CheckProcedure("sample-city", Scope(), D("2026-12-01")).Open);
        Assert.True(calendar.CheckProcedure("sample-city", Scope("general", "autonomous-evaluation"), D("2026-12-01")).Open);
        // As the server's check of an application: the general one may be submitted, the unit's may not.
        Assert.True(calendar.Check("sample-city", Applicant("general", "teacher", "intermediate"), D("2026-12-01")).Open);
        Assert.False(calendar.Check("sample-city", Applicant("autonomous-evaluation", "teacher", "intermediate"), D("2026-12-01")).Open);
        // A window with no kinds governs every application of the locality: then the all-kinds procedure closes too.
        var all = new ApplicationWindow("all", "sample-city", [], [], [], [], D("2021-03-01"), D("2021-06-30"));
        Assert.False(Project.With(windows: [units, all]).CheckProcedure("sample-city", Scope(), D("2026-12-01")).Open);
    }

    [Fact]
    public void A_deadline_given_as_a_date_falls_due_at_the_end_of_that_day()
    {
        var flow = new TestFlow("xj-prefecture")
            .Add("approval", "Titles.Task", ("stage", Literal("approval")), ("assigneeOrg", Literal("xj-prefecture/hr")),
                ("actions", Literal(new[] { "approve" })), ("deadlineDate", Literal("2022-12-15")))
            .Add("done", "Titles.Conclude").Add("late", "Titles.Conclude", ("result", Literal("Rejected")))
            .Connect("approval", "done", "approve").Connect("approval", "late", "Overdue");
        var engine = Engine(D("2022-11-20"), Project);
        var definition = flow.Definition();
        var state = engine.Start(definition, new StartRequest("t", []));
        Assert.Equal(ChinaTime.EndOf(D("2022-12-15")), state.Bookmarks.Single().DueAt);
        Assert.Equal("2022-12-15", state.Bookmarks.Single().Payload["dueDate"]!.GetValue<string>());
    }

    [Fact]
    public void Filing_within_ten_working_days_of_the_vote_counts_from_the_vote_not_from_the_publicity()
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
        var engine = Engine(clock, Project);
        var definition = flow.Definition();
        var state = engine.Start(definition, new StartRequest("t", []));
        state = engine.Resume(definition, state, state.Bookmarks.Single().Id, new ResumeInput("approve"));   // the vote, Mon 1 Nov 2021
        clock.AdvanceTo(state.Bookmarks.Single().DueAt!.Value);
        state = engine.FireDueTimers(definition, state);                                                    // the publicity ends Fri 5 Nov
        var filing = state.Bookmarks.Single();
        Assert.Equal("filing", filing.Stage);
        Assert.Equal("2021-11-15", filing.Payload["dueDate"]!.GetValue<string>());                         // 10 working days after 1 Nov
    }

    [Fact]
    public void The_validator_names_the_activity_of_an_unknown_deadline_event_and_refuses_zero_day_periods()
    {
        var flow = new TestFlow("sample-city")
            .Add("filing", "Titles.Task", ("stage", Literal("filing")), ("assigneeOrg", Literal("sample-city/hr")), ("actions", Literal(new[] { "approve" })),
                ("form", Literal("review-opinion")), ("deadlineDays", Literal(10)), ("deadlineFrom", Literal("committee-vote")))
            .Add("publicity", "Titles.Publicity", ("stage", Literal("result-publicity")), ("org", Literal("sample-city/hr")), ("workingDays", Literal(0)))
            .Add("check", "Titles.Task", ("stage", Literal("hr-review")), ("assigneeOrg", Literal("sample-city/hr")), ("actions", Literal(new[] { "approve" })),
                ("form", Literal("review-opinion")), ("deadlineFrom", Literal("filing")))
            .Add("done", "Titles.Conclude")
            .Connect("filing", "publicity", "approve").Connect("filing", "done", "Overdue").Connect("publicity", "check", "no-objection")
            .Connect("publicity", "check", "object").Connect("check", "done", "approve");
        var validator = new WorkflowValidator(ActivityRegistry.Default, TestEngine.Forms, new JintScriptSandbox(SandboxLimits.Default, TestEngine.Calendar), TestEngine.Vocabulary);
        var problems = validator.Validate(flow.Definition()).Where(p => p.Code == ProblemCodes.InvalidDeadline).ToList();
        Assert.Contains(problems, p => p.ActivityId == "filing" && p.Path.EndsWith(".deadlineFrom") && p.Message.Contains("committee-vote"));
        Assert.Contains(problems, p => p.ActivityId == "publicity" && p.Path.EndsWith(".workingDays"));
        Assert.Contains(problems, p => p.ActivityId == "check" && p.Path.EndsWith(".deadlineDays"));
        Assert.Equal(3, problems.Count);
    }

    [Fact]
    public void The_validator_refuses_an_overdue_port_that_leads_back_to_its_own_passed_deadline()
    {
        // Sample city's filing once went Overdue → remind the office → back to the filing step, whose fixed date had
        // passed: the simulator fired Overdue for ever. A late step without the date ends the loop.
        var looping = new TestFlow("sample-city")
            .Add("filing", "Titles.Task", ("stage", Literal("filing")), ("assigneeOrg", Literal("sample-city/hr")), ("actions", Literal(new[] { "approve" })),
                ("form", Literal("review-opinion")), ("deadlineDate", Literal("2021-12-15")))
            .Add("remind", "Titles.Notify", ("to", Literal("sample-city/hr")), ("message", Literal("备案逾期")))
            .Add("counted", "Titles.Task", ("stage", Literal("approval")), ("assigneeOrg", Literal("sample-city/hr")), ("actions", Literal(new[] { "approve" })),
                ("form", Literal("review-opinion")), ("deadlineDays", Literal(5)), ("deadlineFrom", Literal("filing")))
            .Add("done", "Titles.Conclude")
            .Connect("filing", "counted", "approve").Connect("filing", "remind", "Overdue").Connect("remind", "filing", "Done")
            .Connect("counted", "done", "approve").Connect("counted", "counted", "Overdue");
        var problems = Validator().Validate(looping.Definition()).Where(p => p.Code == ProblemCodes.InvalidDeadline).ToList();
        Assert.Contains(problems, p => p.ActivityId == "filing" && p.Path.EndsWith(".deadlineDate") && p.Message.Contains("无休止地再次逾期"));
        Assert.Contains(problems, p => p.ActivityId == "counted" && p.Path.EndsWith(".deadlineFrom") && p.Message.Contains("直接"));
        Assert.Equal(2, problems.Count);

        var lateStep = new TestFlow("sample-city")
            .Add("filing", "Titles.Task", ("stage", Literal("filing")), ("assigneeOrg", Literal("sample-city/hr")), ("actions", Literal(new[] { "approve" })),
                ("form", Literal("review-opinion")), ("deadlineDate", Literal("2021-12-15")))
            .Add("remind", "Titles.Notify", ("to", Literal("sample-city/hr")), ("message", Literal("备案逾期")))
            .Add("late-filing", "Titles.Task", ("stage", Literal("filing")), ("assigneeOrg", Literal("sample-city/hr")), ("actions", Literal(new[] { "approve" })),
                ("form", Literal("review-opinion")))
            .Add("relative", "Titles.Task", ("stage", Literal("approval")), ("assigneeOrg", Literal("sample-city/hr")), ("actions", Literal(new[] { "approve" })),
                ("form", Literal("review-opinion")), ("deadlineDays", Literal(5)))
            .Add("done", "Titles.Conclude")
            .Connect("filing", "relative", "approve").Connect("filing", "remind", "Overdue").Connect("remind", "late-filing", "Done")
            .Connect("late-filing", "relative", "approve").Connect("relative", "done", "approve").Connect("relative", "relative", "Overdue");
        Assert.DoesNotContain(Validator().Validate(lateStep.Definition()), p => p.Code == ProblemCodes.InvalidDeadline);
    }

    private static WorkflowValidator Validator() =>
        new(ActivityRegistry.Default, TestEngine.Forms, new JintScriptSandbox(SandboxLimits.Default, TestEngine.Calendar), TestEngine.Vocabulary);

    private static WorkflowEngine Engine(DateOnly start, CalendarInForce calendar) => Engine(ManualClock.StartingOn(start), calendar);

    private static WorkflowEngine Engine(ManualClock clock, CalendarInForce calendar) => new(new EngineServices
    {
        Clock = clock, Calendar = calendar.National, CalendarInForce = calendar,
        Scripts = new JintScriptSandbox(SandboxLimits.Default, calendar.National),
    });
}
