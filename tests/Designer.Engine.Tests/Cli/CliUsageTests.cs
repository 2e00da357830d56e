using System.CommandLine;
using System.Diagnostics;
using Designer.Engine.Tests.Support;

namespace Designer.Engine.Tests.Cli;

/// <summary>`designer --help` for every command, and what a mistyped command line gets: exit 2 and a message.</summary>
public class CliUsageTests
{
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    private int Run(params string[] args) => Designer.Cli.Cli.Run(args, _out, _err);

    /// <summary>Every command path of the tree (the root, each command, each subcommand), walked rather than listed.</summary>
    public static TheoryData<string> CommandPaths()
    {
        var paths = new TheoryData<string>();
        void Walk(Command command, string path)
        {
            paths.Add(path);
            foreach (var sub in command.Subcommands) Walk(sub, (path + " " + sub.Name).Trim());
        }
        Walk(Designer.Cli.Cli.CreateRootCommand(), "");
        return paths;
    }

    [Fact]
    public void The_command_tree_has_every_command_the_readme_names()
    {
        var paths = ((IEnumerable<object[]>)CommandPaths()).Select(row => (string)row[0]).ToList();
        Assert.Equal(["", "validate", "simulate", "run", "describe", "diff", "audit", "audit verify"], paths);
    }

    [Theory]
    [MemberData(nameof(CommandPaths))]
    public void Help_of_every_command_exits_0_and_names_its_arguments_and_options(string path)
    {
        var words = path.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(0, Run([.. words, "--help"]));
        Assert.Empty(_err.ToString());
        var help = _out.ToString();
        Assert.Contains(string.Join(' ', ["designer", .. words]), help);
        var command = words.Aggregate((Command)Designer.Cli.Cli.CreateRootCommand(), (parent, name) => parent.Subcommands.Single(c => c.Name == name));
        Assert.Contains(command.Description!, help);
        foreach (var argument in command.Arguments) Assert.Contains($"<{argument.Name}>", help);
        foreach (var option in command.Options) Assert.Contains(option.Name, help);
        foreach (var sub in command.Subcommands) Assert.Contains(sub.Description!, help);
    }

    [Theory]
    [InlineData("-h")]
    [InlineData("-?")]
    [InlineData("help")]
    public void Help_spelled_otherwise_exits_0(string word)
    {
        Assert.Equal(0, Run(word, "audit"));
        Assert.Contains("designer audit", _out.ToString());
        Assert.Contains("verify", _out.ToString());
    }

    [Theory]
    [InlineData("frobnicate", "frobnicate")]
    [InlineData("", "designer --help")]
    [InlineData("audit", "audit verify")]
    [InlineData("audit frobnicate", "frobnicate")]
    [InlineData("audit verify", "--db")]
    [InlineData("audit verify trail.json --db designer.db", "--db")]
    [InlineData("simulate", "--case")]
    [InlineData("simulate --case", "--case")]
    [InlineData("run", "FILE")]
    [InlineData("diff only-one.json", "NEW")]
    [InlineData("diff a.json b.json c.json", "c.json")]
    [InlineData("describe --frobnicate", "--frobnicate")]
    [InlineData("validate --root", "--root")]
    public void A_usage_error_exits_2_with_a_message_naming_what_is_wrong(string commandLine, string named)
    {
        Assert.Equal(2, Run(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        Assert.Empty(_out.ToString());
        var error = _err.ToString();
        Assert.Contains(named, error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public void A_usage_error_points_to_the_help_of_the_command_it_is_in()
    {
        Assert.Equal(2, Run("diff", "only-one.json"));
        Assert.Contains("用法错误 (usage error)", _err.ToString());
        Assert.Contains("designer diff --help", _err.ToString());
    }

    [Fact]
    public void The_root_option_may_come_before_the_command()
    {
        Assert.Equal(0, Run("--root", TestEngine.Layout.Root, "describe"));
        Assert.StartsWith("{", _out.ToString().TrimStart());
    }

    /// <summary>The built `designer` program returns what Cli.Run returns: the exit code a shell sees.</summary>
    [Theory]
    [InlineData(0, "audit", "verify", "--help")]
    [InlineData(0, "--help")]
    [InlineData(2, "audit")]
    [InlineData(2, "frobnicate")]
    public async Task The_designer_program_exits_with_the_code(int expected, params string[] args)
    {
        var program = Path.Combine(AppContext.BaseDirectory, "designer.dll");
        Assert.True(File.Exists(program), $"{program} is built next to the tests");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var word in (string[])[program, .. args]) start.ArgumentList.Add(word);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(expected, process.ExitCode);
        Assert.NotEmpty(expected == 0 ? await output : await error);
    }
}
