using System.Text.Json.Nodes;
using Designer.Engine.Committees;
using Designer.Engine.Expressions;
using Designer.Engine.Model;
using Designer.Engine.Runtime;
using Designer.Engine.Simulation;
using Designer.Engine.Tests.Localities;
using Designer.Engine.Tests.Support;
using Designer.Engine.Validation;

namespace Designer.Engine.Tests.Committees;

/// <summary>
/// Titles.Entrustment (委托评审): the application goes to another locality's committee, waits at that committee's
/// organiser office and continues on the result it returns; the entrustment letter must exist; publishing checks the
/// receiving committee.
/// </summary>
public class EntrustmentTests
{
    private const string Workflow = "qiaocheng/junior-evaluation.json";
    private static readonly IReadOnlyList<CommitteeInfo> World = CommitteeFile.Load(Path.Combine(TestEngine.Layout.World, "committees.json"));

    private static JsonObject Document() => JsonNode.Parse(File.ReadAllText(Path.Combine(TestEngine.Layout.Workflows, Workflow)))!.AsObject();

    private static JsonObject Step(JsonObject document, string id) =>
        document["root"]!["activities"]!.AsArray().Select(a => a!.AsObject()).Single(a => a["id"]!.GetValue<string>() == id);

    private static void SetLiteral(JsonObject document, string id, string input, JsonNode value) =>
        Step(document, id)[input]!["expression"]!["value"] = value;

    private static IReadOnlyList<ValidationProblem> Validate(JsonObject document, IEnumerable<CommitteeInfo>? committees) =>
        new WorkflowValidator(ActivityRegistry.Default, TestEngine.Forms, new JintScriptSandbox(SandboxLimits.Default, TestEngine.Calendar), TestEngine.Vocabulary,
            committees is null ? null : new CommitteeCatalog(committees)).Validate(WorkflowDefinitionReader.Parse(document.ToJsonString()));

    private static SimulationResult Run(JsonObject document, IEnumerable<CommitteeInfo> committees, string caseFile = "qiaocheng/22-entrusted-evaluation-passes.json")
    {
        var simulation = SimulationCase.From(JsonNode.Parse(File.ReadAllText(Path.Combine(LocalityCaseTests.CasesRoot, caseFile)))!.AsObject());
        var simulator = new Simulator(TestEngine.Calendar, new JintScriptSandbox(SandboxLimits.Default, TestEngine.Calendar), TestEngine.Forms)
            { CalendarInForce = TestEngine.CalendarInForce, Committees = new CommitteeCatalog(committees) };
        return simulator.Run(simulation, WorkflowDefinitionReader.Parse(document.ToJsonString()));
    }

    [Fact]
    public void The_task_waits_at_the_receiving_committees_organiser_and_the_certificate_comes_from_it()
    {
        var committees = World.Select(c => c.Id == "bozhou/committee/tech-broker-junior" ? c with { Organiser = "bozhou/evaluation-center" } : c);
        var result = Run(Document(), committees);
        Assert.Equal("Completed", result.Status);
        var entrusted = Assert.Single(result.Path, s => s.Stage == "entrusted-evaluation");
        Assert.Equal(("bozhou/evaluation-center", "pass"), (entrusted.Assignee.Org, entrusted.Action));
        Assert.Equal("bozhou/evaluation-center", result.Path.Single(s => s.Stage == "certificate").Assignee.Org);
    }

    [Fact]
    public void Without_the_entrustment_letter_the_application_is_not_handed_over()
    {
        var document = Document();
        SetLiteral(document, "entrusted-evaluation", "letterField", "/noSuchField");
        var result = Run(document, World);
        Assert.Equal("Faulted", result.Status);
        Assert.Contains("没有委托评审函", result.Reason);
        Assert.DoesNotContain(result.Path, s => s.Stage == "entrusted-evaluation");
    }

    [Fact]
    public void A_receiving_committee_that_is_not_filed_cannot_evaluate()
    {
        var committees = World.Select(c => c.Id == "bozhou/committee/tech-broker-junior" ? c with { Status = CommitteeStatuses.Approved } : c);
        var result = Run(Document(), committees);
        Assert.Equal("Faulted", result.Status);
        Assert.Contains("尚未核准备案", result.Reason);
    }

    [Fact]
    public void A_failed_result_ends_the_application_with_the_committee_and_reason()
    {
        var result = Run(Document(), World, "qiaocheng/23-entrusted-evaluation-fails.json");
        Assert.Equal("Rejected", result.Status);
        var reasons = result.Path.Single(s => s.Stage == "entrusted-evaluation").Reasons!;
        Assert.Contains(reasons, r => r.Contains("bozhou/committee/digital-economy-junior") && r.Contains("业绩成果未达到评价标准"));
        Assert.Null(result.Granted);
    }

    [Fact]
    public void Publishing_names_a_missing_receiving_committee_for_each_entrusted_series()
    {
        var problems = Validate(Document(), World.Where(c => c.Id != "bozhou/committee/tech-broker-junior"));
        // One committee is missing, whatever the level: it is named once, with the series and the step.
        var problem = Assert.Single(problems);
        Assert.Equal(("entrusted-evaluation", ProblemCodes.UnknownCommittee), (problem.ActivityId, problem.Code));
        Assert.Contains("bozhou/committee/tech-broker-junior", problem.Message);
        Assert.Contains("tech-broker 系列", problem.Message);
        Assert.StartsWith("“委托亳州市评委会评审”", problem.Message);
    }

    [Fact]
    public void An_entrustment_to_the_workflows_own_locality_is_refused_even_without_a_committee_catalog()
    {
        var document = Document();
        SetLiteral(document, "entrusted-evaluation", "committee", "qiaocheng/committee/{series}-junior");
        var problem = Assert.Single(Validate(document, committees: null));
        Assert.Equal(("entrusted-evaluation", ProblemCodes.EntrustmentOwnLocality), (problem.ActivityId, problem.Code));
    }

    [Fact]
    public void The_district_vote_is_checked_only_for_the_series_it_evaluates()
    {
        // The district has committees for engineering and agriculture only; the other series are entrusted.
        Assert.Empty(Validate(Document(), World));
        var document = Document();
        Step(document, "district-vote").Remove("series");
        Assert.Contains(Validate(document, World), p => p.ActivityId == "district-vote" && p.Message.Contains("qiaocheng/committee/tech-broker-junior"));
    }
}
