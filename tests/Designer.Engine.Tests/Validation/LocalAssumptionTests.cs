using System.Text.Json.Nodes;
using Designer.Engine.Expressions;
using Designer.Engine.Model;
using Designer.Engine.Runtime;
using Designer.Engine.Tests.Support;
using Designer.Engine.Validation;

namespace Designer.Engine.Tests.Validation;

/// <summary>
/// Values the documents leave open ("x", "一定比例") are marked on the activity as local assumptions to confirm:
/// listed as notes (never a reason to refuse publishing), checked to name a real input, printed by `designer validate`.
/// </summary>
public class LocalAssumptionTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("designer-assumptions-").FullName;

    private static readonly WorkflowValidator Validator =
        new(ActivityRegistry.Default, TestEngine.Forms, new JintScriptSandbox(SandboxLimits.Default, TestEngine.Calendar), TestEngine.Vocabulary);

    private static JsonObject FlowAssuming(JsonNode assumptions)
    {
        var json = new TestFlow().Add("notice", "Elsa.Delay", ("timeSpan", TestFlow.Literal("5.00:00:00"))).Json();
        json["root"]!["activities"]![0]!["customProperties"] = new JsonObject { ["assumptions"] = assumptions };
        return json;
    }

    [Fact]
    public void Assumptions_are_listed_with_their_path_and_do_not_block_publishing()
    {
        var json = FlowAssuming(JsonNode.Parse("""[{"input": "timeSpan", "value": "5.00:00:00", "note": "文件写“x个工作日”"}]""")!);
        var assumption = Assert.Single(LocalAssumptions.Of(WorkflowDefinitionReader.FromJson(json)));
        Assert.Equal(("notice", "timeSpan", "5.00:00:00"), (assumption.ActivityId, assumption.Input, assumption.Value));
        Assert.Equal("$.root.activities[0].customProperties.assumptions[0]", assumption.Path);
        Assert.DoesNotContain(Validator.Validate(json.ToJsonString()), p => p.Code == ProblemCodes.InvalidAssumption);
    }

    [Fact]
    public void An_assumption_naming_no_input_or_without_a_note_is_a_problem()
    {
        var json = FlowAssuming(JsonNode.Parse("""[{"input": "timeSpam", "value": "5.00:00:00", "note": "x"}, {"input": "timeSpan", "value": "5.00:00:00"}]""")!);
        var problems = Validator.Validate(json.ToJsonString()).Where(p => p.Code == ProblemCodes.InvalidAssumption).ToList();
        Assert.Contains(problems, p => p.Path.EndsWith("assumptions[0].input") && p.Message.Contains("timeSpam"));
        Assert.Contains(problems, p => p.Path.EndsWith("assumptions[1].note"));
    }

    [Fact]
    public void Every_assumption_in_the_project_workflows_is_sound_and_the_open_numbers_are_marked()
    {
        var all = WorkflowFiles.LoadAll(TestEngine.Layout.Workflows).Definitions;
        foreach (var definition in all)
            Assert.DoesNotContain(Validator.Validate(definition), p => p.Code == ProblemCodes.InvalidAssumption);
        var marked = all.SelectMany(d => LocalAssumptions.Of(d).Select(a => $"{d.DefinitionId}#{a.ActivityId}.{a.Input}")).ToList();
        Assert.Contains("kashgar-directed#committee-vote.bottomEliminationRatio", marked);
        Assert.Contains("sample-city-evaluation-2021#senior-vote.passRateCap", marked);
        Assert.Contains(marked, m => m.StartsWith("xj-prefecture-grassroots-directed#") && m.EndsWith(".deadlineDays"));
    }

    [Fact]
    public void Designer_validate_prints_assumptions_as_notes_and_still_exits_0()
    {
        var file = Path.Combine(_dir, "assumed.json");
        File.WriteAllText(file, FlowAssuming(JsonNode.Parse("""[{"input": "timeSpan", "value": "5.00:00:00", "note": "文件写“x个工作日”"}]""")!).ToJsonString());
        var output = new StringWriter();
        Assert.Equal(0, Designer.Cli.Cli.Run(["validate", file, "--root", TestEngine.Layout.Root], output, new StringWriter()));
        Assert.Contains("ℹ", output.ToString());
        Assert.Contains("本地假设（请确认）timeSpan = 5.00:00:00：文件写“x个工作日”", output.ToString());
        Assert.Contains("0 problems", output.ToString());
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
