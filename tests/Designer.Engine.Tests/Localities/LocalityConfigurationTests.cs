using System.Text.Json.Nodes;
using Designer.Engine.Activities.Titles;
using Designer.Engine.Domain;
using Designer.Engine.Expressions;
using Designer.Engine.Model;
using Designer.Engine.Runtime;
using Designer.Engine.Tests.Support;
using Designer.Engine.Validation;

namespace Designer.Engine.Tests.Localities;

/// <summary>Checks of the shipped procedures as configuration: they validate, every way out of a step leads somewhere,
/// a locality's scopes never tie, clones name their template, and Bazhou's grassroots bonus follows 001 §四(一)4.</summary>
public class LocalityConfigurationTests
{
    private static readonly List<WorkflowDefinition> Definitions = WorkflowFiles.LoadAll(TestEngine.Layout.Workflows).Definitions;

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in WorkflowFiles.Find(TestEngine.Layout.Workflows))
            data.Add(Path.GetRelativePath(TestEngine.Layout.Workflows, file).Replace('\\', '/'));
        return data;
    }

    private static WorkflowDefinition Load(string file) => WorkflowDefinitionReader.Load(Path.Combine(TestEngine.Layout.Workflows, file));

    [Theory]
    [MemberData(nameof(Files))]
    public void Workflow_file_validates_without_problems(string file)
    {
        var validator = new WorkflowValidator(ActivityRegistry.Default, TestEngine.Forms, new JintScriptSandbox(SandboxLimits.Default, TestEngine.Calendar), TestEngine.Vocabulary);
        var problems = validator.Validate(Load(file));
        Assert.True(problems.Count == 0, string.Join("\n", problems.Select(p => p.ToString())));
    }

    /// <summary>A port left unconnected would end the flow there as "Completed" without a grant.</summary>
    [Theory]
    [MemberData(nameof(Files))]
    public void Every_port_of_every_activity_is_connected(string file)
    {
        var definition = Load(file);
        var workflow = ExecutableWorkflow.For(definition, ActivityRegistry.Default);
        var graph = workflow.Graph(definition.Root.Id);
        var loose = definition.Root.Activities
            .SelectMany(node => workflow.Activity(node.Id).GetPorts()
                .Where(port => graph.Outbound(node.Id).All(c => c.Source.Port != port))
                .Select(port => $"{node.Id}:{port}"))
            .ToList();
        Assert.True(loose.Count == 0, $"unconnected ports: {string.Join(", ", loose)}");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Layout_gives_every_activity_its_own_place(string file)
    {
        var positions = Load(file).Root.Activities
            .Select(a => (a.Id, Position: a.Metadata?["designer"]?["position"]?.ToJsonString()))
            .ToList();
        Assert.All(positions, p => Assert.NotNull(p.Position));
        var shared = positions.GroupBy(p => p.Position).Where(g => g.Count() > 1).Select(g => string.Join("/", g.Select(p => p.Id))).ToList();
        Assert.True(shared.Count == 0, $"activities on the same spot: {string.Join(", ", shared)}");
    }

    [Fact]
    public void Within_a_locality_scopes_never_tie_for_any_applicant()
    {
        foreach (var locality in Definitions.Select(d => d.Locality).Where(l => l != "templates").Distinct())
        {
            var procedures = Definitions.Where(d => d.Locality == locality).ToList();
            foreach (var kind in TestEngine.Vocabulary.ApplicationKinds.Keys)
            foreach (var series in TestEngine.Vocabulary.Series.Keys)
            foreach (var level in TestEngine.Vocabulary.Levels.Keys)
            foreach (var employment in TestEngine.Vocabulary.EmploymentTypes.Keys)
            {
                var applicant = new JsonObject { ["kind"] = kind, ["series"] = series, ["level"] = level, ["employmentType"] = employment };
                var covering = procedures.Where(d => d.Scope.Covers(applicant)).ToList();
                if (covering.Count < 2) continue;
                var best = covering.Max(d => d.Scope.Specificity);
                var winners = covering.Where(d => d.Scope.Specificity == best).Select(d => d.DefinitionId).ToList();
                Assert.True(winners.Count == 1, $"{locality}: {kind}/{series}/{level}/{employment} is covered equally by {string.Join(", ", winners)}");
            }
        }
    }

    [Fact]
    public void Clones_name_an_existing_template_version()
    {
        var templates = Definitions.Where(d => d.Locality == "templates").ToDictionary(d => d.DefinitionId, d => d.Version);
        foreach (var definition in Definitions.Where(d => d.CustomProperties["clonedFrom"] is not null))
        {
            var clonedFrom = definition.CustomProperties["clonedFrom"]!;
            var id = clonedFrom["definitionId"]!.GetValue<string>();
            Assert.True(templates.TryGetValue(id, out var version), $"{definition.DefinitionId} is cloned from unknown template {id}");
            Assert.Equal(version, clonedFrom["version"]!.GetValue<int>());
        }
    }

    [Fact]
    public void Locality_procedures_declare_locality_scope_and_source()
    {
        foreach (var definition in Definitions.Where(d => d.Locality != "templates"))
        {
            Assert.True(TestEngine.Vocabulary.IsWorkflowLocality(definition.Locality), definition.DefinitionId);
            Assert.False(definition.Scope.IsEmpty, $"{definition.DefinitionId} has no scope");
            Assert.False(string.IsNullOrWhiteSpace(definition.CustomProperties["source"]?.GetValue<string>()), $"{definition.DefinitionId} has no source");
        }
    }

    /// <summary>001 §四(一)4: county-level staff +1..+5, township staff +2..+10, scaled by years of grassroots service.</summary>
    [Theory]
    [InlineData("township", 1, 2)]
    [InlineData("township", 8, 8)]
    [InlineData("township", 15, 10)]
    [InlineData("county", 1, 1)]
    [InlineData("county", 4, 2)]
    [InlineData("county", 12, 5)]
    [InlineData("prefecture", 10, 0)]
    [InlineData("township", 0, 0)]
    public void Bazhou_grassroots_bonus_follows_the_scoring_table(string workplaceLevel, double years, double bonus)
    {
        foreach (var file in new[] { "bazhou/directed-deputy-senior.json", "bazhou/directed-full-senior.json" })
        {
            // Every series' scoring sheet (001 §四(一)4: per-series criteria) gives the same grassroots bonus.
            foreach (var scoring in Load(file).Root.Activities.Where(a => a.Type == "Titles.Scoring"))
            {
                var rules = JsonText.Deserialize<Dictionary<string, GrassrootsBonusRule>>(scoring.Json["grassrootsBonus"]!["expression"]!["value"])!;
                Assert.Equal(bonus, Scoring.Bonus(rules, workplaceLevel, years));
            }
        }
    }
}
