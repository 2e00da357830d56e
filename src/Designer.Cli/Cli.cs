using System.CommandLine;
using System.CommandLine.Invocation;
using Designer.Cli.Commands;
using Designer.Engine.Model;
using Designer.Engine.Simulation;

namespace Designer.Cli;

/// <summary>
/// The `designer` command line (System.CommandLine): validate, simulate, run, describe, diff, audit verify.
/// Exit codes: 0 fine (and every --help), 1 problems found, 2 bad input (a usage error, an unreadable file).
/// </summary>
public static class Cli
{
    public const int Ok = 0;
    public const int ProblemsFound = 1;
    public const int BadInput = 2;

    /// <summary>The command tree; every command and subcommand answers --help.</summary>
    public static RootCommand CreateRootCommand()
    {
        var root = new RootCommand("职称评审流程设计器的命令行：校验、模拟、运行、比较流程与表单，校验审计链 (the Designer command line)")
        {
            HelpName = "designer",
        };
        var projectRoot = CliContext.RootOption();
        root.Options.Add(projectRoot);
        root.Subcommands.Add(ValidateCommand.Create(projectRoot));
        root.Subcommands.Add(SimulateCommand.Create(projectRoot));
        root.Subcommands.Add(RunCommand.Create(projectRoot));
        root.Subcommands.Add(DescribeCommand.Create(projectRoot));
        root.Subcommands.Add(DiffCommand.Create(projectRoot));
        root.Subcommands.Add(AuditCommand.Create(projectRoot));
        root.SetAction(int (_) => throw new UsageException("缺少命令，可用命令见 designer --help (a command is needed: see designer --help)"));
        return root;
    }

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var parsed = CreateRootCommand().Parse(HelpWordAsOption(args));
        if (parsed.Errors.Count > 0 && parsed.Action is ParseErrorAction)
        {
            foreach (var problem in parsed.Errors) error.WriteLine($"用法错误 (usage error): {problem.Message}");
            error.WriteLine($"运行 “{CommandPath(parsed)} --help” 查看用法 (run it for usage)");
            return BadInput;
        }
        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (UsageException e) { return Fail(error, e.Message); }
        catch (DefinitionFormatException e) { return Fail(error, $"{e.Source_}: {string.Join(Environment.NewLine, e.Problems)}"); }
        catch (SimulationCaseException e) { return Fail(error, $"案例无效 (invalid case) {e.Path}: {e.Message}"); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(error, $"无法读取文件 (cannot read file): {e.Message}");
        }
    }

    /// <summary>`designer help [command...]` as before: the same as `designer [command...] --help`.</summary>
    private static string[] HelpWordAsOption(string[] args) =>
        args is ["help", .. var rest] ? [.. rest, "--help"] : args;

    private static string CommandPath(ParseResult parsed)
    {
        var names = new List<string>();
        for (var result = parsed.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
            names.Insert(0, result.Command is RootCommand ? "designer" : result.Command.Name);
        return string.Join(' ', names);
    }

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine(message);
        return BadInput;
    }
}

/// <summary>Bad input found while running a command (a missing file, a file of the wrong kind): exit 2 with its message.</summary>
public sealed class UsageException(string message) : Exception(message);
