using System.Text.Json.Nodes;
using Designer.Cli;
using Designer.Engine.Tests.Support;

namespace Designer.Engine.Tests.Cli;

/// <summary>The `designer` command as a user runs it: output, errors and exit codes.</summary>
public class CliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("designer-cli-").FullName;
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    private int Run(params string[] args) =>
        Designer.Cli.Cli.Run([.. args, "--root", TestEngine.Layout.Root], _out, _err);

    private string File(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Run_prints_what_WriteLine_writes_one_per_line()
    {
        var flow = new TestFlow().Write("a", "你好").Add("wait", "Elsa.Delay", ("timeSpan", TestFlow.Literal("1.00:00:00"))).Write("b", "世界")
            .Connect("a", "wait").Connect("wait", "b");
        Assert.Equal(0, Run("run", File("hello.json", flow.Json().ToJsonString())));
        Assert.Equal($"你好{Environment.NewLine}世界{Environment.NewLine}", _out.ToString());
    }

    [Fact]
    public void Validate_lists_every_problem_and_exits_1()
    {
        var broken = new TestFlow().Add("x", "Elsa.Nope").Write("y", "y").Connect("y", "ghost");
        Assert.Equal(1, Run("validate", File("broken.json", broken.Json().ToJsonString())));
        var text = _out.ToString();
        Assert.Contains("[x]", text);
        Assert.Contains("ghost", text);
        Assert.Contains("3 problems", text); // x: unknown type; ghost: missing; y: unreachable (x, with no inbound connection, is the start)
    }

    [Fact]
    public void Validate_of_a_sound_file_exits_0()
    {
        Assert.Equal(0, Run("validate", File("ok.json", new TestFlow().Write("a", "a").Json().ToJsonString())));
        Assert.Contains("0 problems", _out.ToString());
    }

    [Fact]
    public void Describe_gives_the_catalog_as_json()
    {
        Assert.Equal(0, Run("describe"));
        var catalog = JsonNode.Parse(_out.ToString())!;
        var task = catalog["activities"]!.AsArray().Single(a => a!["typeName"]!.GetValue<string>() == "Titles.Task")!;
        Assert.Equal("actions", task["portsFromInput"]!.GetValue<string>());
        Assert.Contains(task["inputs"]!.AsArray(), i => i!["uiHint"]!.GetValue<string>() == "stage-picker");
        Assert.Equal("个人申报", catalog["vocabulary"]!["stages"]!["apply"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("simulate")]
    [InlineData("frobnicate")]
    [InlineData("run", "/no/such/file.json")]
    public void Bad_input_gives_a_message_and_exit_2_without_a_stack_trace(params string[] args)
    {
        Assert.Equal(2, Run(args));
        Assert.NotEmpty(_err.ToString());
        Assert.DoesNotContain("   at ", _err.ToString());
    }

    [Fact]
    public void Simulate_rejects_a_case_with_a_bad_date_naming_the_field()
    {
        Assert.Equal(2, Run("simulate", "--case", File("case.json", """{"workflow":"bazhou","startDate":"2024/09/02","applicant":{}}""")));
        Assert.Contains("startDate", _err.ToString());
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}

public class CliDiffAndAuditTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("designer-cli-").FullName;
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    private int Run(params string[] args) => Designer.Cli.Cli.Run([.. args, "--root", TestEngine.Layout.Root], _out, _err);

    private string Save(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static TestFlow Flow(double x, string condition) => new TestFlow()
        .Add("check", "Elsa.FlowDecision", ("condition", TestFlow.Js(condition))).Write("yes", "yes")
        .Connect("check", "yes", "True").Connect("check", "yes", "False");

    private string Moved(double x)
    {
        var json = Flow(x, "1 > 0").Json();
        json["root"]!["activities"]![0]!["metadata"] = JsonNode.Parse("{\"designer\":{\"position\":{\"x\":" + x + ",\"y\":0}}}");
        return json.ToJsonString();
    }

    [Fact]
    public void Diff_exits_0_when_only_layout_changed()
    {
        Assert.Equal(0, Run("diff", Save("a.json", Moved(0)), Save("b.json", Moved(200))));
        Assert.Contains("仅布局变化", _out.ToString());
    }

    [Fact]
    public void Diff_exits_1_and_shows_an_expression_edit()
    {
        Assert.Equal(1, Run("diff", Save("a.json", Flow(0, "1 > 0").Json().ToJsonString()), Save("b.json", Flow(0, "2 > 0").Json().ToJsonString())));
        Assert.Contains("condition: JavaScript: 1 > 0 → JavaScript: 2 > 0", _out.ToString());
    }

    [Fact]
    public void Audit_verify_names_the_first_broken_entry()
    {
        var entries = new List<Designer.Engine.Audit.AuditEntry>();
        for (var i = 0; i < 3; i++)
            entries.Add(Designer.Engine.Audit.AuditChain.Append(entries.LastOrDefault(), DateTimeOffset.UnixEpoch.AddDays(i), "admin", "workflow.publish", "wf", $"v{i}", null));
        Assert.Equal(0, Run("audit", "verify", Save("ok.json", Designer.Engine.Model.JsonText.Serialize(entries))));
        entries[1] = entries[1] with { Actor = "intruder" };
        Assert.Equal(1, Run("audit", "verify", Save("bad.json", Designer.Engine.Model.JsonText.Serialize(entries))));
        Assert.Contains("entry 2 was edited", _out.ToString());
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
