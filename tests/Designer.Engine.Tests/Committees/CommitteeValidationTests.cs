using Designer.Engine.Committees;
using Designer.Engine.Expressions;
using Designer.Engine.Model;
using Designer.Engine.Runtime;
using Designer.Engine.Tests.Support;
using Designer.Engine.Validation;

namespace Designer.Engine.Tests.Committees;

/// <summary>A committee-vote step names a filed committee of the workflow's series and levels (the world file's committees).</summary>
public class CommitteeValidationTests
{
    private static readonly IReadOnlyList<CommitteeInfo> World = CommitteeFile.Load(Path.Combine(TestEngine.Layout.Workflows, "world", "committees.json"));

    private static IReadOnlyList<ValidationProblem> Validate(string file, IEnumerable<CommitteeInfo> committees) =>
        new WorkflowValidator(ActivityRegistry.Default, TestEngine.Forms, new JintScriptSandbox(SandboxLimits.Default, TestEngine.Calendar), TestEngine.Vocabulary, new CommitteeCatalog(committees))
            .Validate(WorkflowDefinitionReader.Load(Path.Combine(TestEngine.Layout.Workflows, file)));

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in WorkflowFiles.Find(TestEngine.Layout.Workflows))
            data.Add(Path.GetRelativePath(TestEngine.Layout.Workflows, file).Replace('\\', '/'));
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Shipped_workflows_validate_against_the_shipped_committees(string file) =>
        Assert.Empty(Validate(file, World).Select(p => p.ToString()));

    [Fact]
    public void Every_shipped_committee_evaluates_one_series()
    {
        Assert.NotEmpty(World);
        Assert.All(World, c => Assert.Single(c.Series));
    }

    [Fact]
    public void A_missing_committee_is_named_with_the_series_it_was_needed_for()
    {
        var problems = Validate("bazhou/directed-deputy-senior.json", World.Where(c => c.Id != "bazhou/committee/health-deputy-senior"));
        var problem = Assert.Single(problems);
        Assert.Equal(("committee-vote", ProblemCodes.UnknownCommittee), (problem.ActivityId, problem.Code));
        Assert.EndsWith(".committee", problem.Path);
        Assert.Contains("bazhou/committee/health-deputy-senior", problem.Message);
        Assert.Contains("health 系列", problem.Message);
    }

    [Fact]
    public void A_committee_that_is_not_filed_may_not_evaluate()
    {
        var committees = World.Select(c => c.Id == "bazhou/committee/teacher-full-senior" ? c with { Status = CommitteeStatuses.Approved } : c);
        var problem = Assert.Single(Validate("bazhou/directed-full-senior.json", committees));
        Assert.Contains("尚未核准备案", problem.Message);
    }

    [Fact]
    public void A_committee_of_other_levels_does_not_cover_the_workflow()
    {
        var committees = World.Select(c => c.Id == "bazhou/committee/water-deputy-senior" ? c with { Levels = ["intermediate"] } : c);
        var problem = Assert.Single(Validate("bazhou/directed-deputy-senior.json", committees));
        Assert.Equal(ProblemCodes.CommitteeScope, problem.Code);
        Assert.Contains("deputy-senior", problem.Message);
    }

    [Fact]
    public void A_scope_open_to_levels_the_committee_does_not_cover_is_refused_naming_the_step_the_committee_and_the_levels()
    {
        // Before: the through-train vote named "sample-city/committee/{series}" for every series, so a career farmer at
        // deputy-senior published cleanly and faulted at the vote (the city's committee is filed up to intermediate).
        var document = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(TestEngine.Layout.Workflows, "sample-city/direct-evaluation.json")))!;
        document["customProperties"]!["scope"]!["series"] = new System.Text.Json.Nodes.JsonArray();
        var problems = new WorkflowValidator(ActivityRegistry.Default, TestEngine.Forms, new JintScriptSandbox(SandboxLimits.Default, TestEngine.Calendar),
            TestEngine.Vocabulary, new CommitteeCatalog(World)).Validate(document.ToJsonString());

        var uncovered = Assert.Single(problems, p => p.Code == ProblemCodes.CommitteeScope);
        Assert.Equal("committee-vote", uncovered.ActivityId);
        Assert.StartsWith("“评委会评审（“直通车”）”", uncovered.Message);
        Assert.Contains("示例市职业农民专业职称评审委员会", uncovered.Message);
        Assert.Contains("副高级、正高级", uncovered.Message);
        // The city has no committee of its own for these series: one problem names each.
        var missing = Assert.Single(problems, p => p.Code == ProblemCodes.UnknownCommittee);
        Assert.StartsWith("“评委会评审（“直通车”）”", missing.Message);
        foreach (var series in new[] { "archives", "digital-economy", "mass-culture", "secondary-vocational-teacher", "tech-broker" })
            Assert.Contains($"“sample-city/committee/{series}”", missing.Message);
        Assert.Equal(2, problems.Count);
    }
}
