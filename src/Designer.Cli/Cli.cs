using Designer.Cli.Commands;
using Designer.Engine.Model;
using Designer.Engine.Simulation;

namespace Designer.Cli;

/// <summary>The `designer` command line: validate, simulate, run, describe. Exit codes: 0 fine, 1 problems found, 2 bad input.</summary>
public static class Cli
{
    public const int Ok = 0;
    public const int ProblemsFound = 1;
    public const int BadInput = 2;

    public const string Usage = """
        用法 (usage): designer <command> [options]
          validate [paths...]        校验流程定义与表单（默认 workflows 与 schemas），列出全部问题；有问题时退出码为 1
          simulate --case FILE       按 contract.md 运行模拟案例，结果 JSON 输出到标准输出
          run FILE                   运行无需人工的流程，逐行输出 WriteLine 的文本
          describe                   以 JSON 输出活动目录（类型、出口、输入、界面提示）与词表
          diff OLD NEW [--json true]  比较两个流程版本（或两个表单 *.schema.json）；除布局外有变化时退出码为 1
          audit verify FILE          校验导出的审计链，指出第一条被修改、调换或删除的记录；损坏时退出码为 1
          audit verify --db PATH     直接校验服务器数据库（如 data/designer.db）中的审计表，结果同上
        选项 (options): --root DIR   项目根目录（含 workflows/ 与 schemas/），默认从当前目录向上查找
        """;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        try
        {
            var arguments = new Arguments(args);
            if (arguments.Command is null or "help" or "--help" or "-h")
            {
                output.WriteLine(Usage);
                return arguments.Command is null ? BadInput : Ok;
            }
            var context = new CliContext(arguments.Option("--root"), error);
            return arguments.Command switch
            {
                "validate" => new ValidateCommand(context, output).Run(arguments.Positional),
                "simulate" => new SimulateCommand(context, output).Run(arguments.Option("--case") ?? throw new UsageException("simulate 需要 --case FILE (simulate needs --case FILE)")),
                "run" => new RunCommand(context, output).Run(arguments.Positional.FirstOrDefault() ?? throw new UsageException("run 需要一个流程文件 (run needs a workflow file)")),
                "describe" => new DescribeCommand(output).Run(),
                "diff" => new DiffCommand(context, output).Run(arguments.Positional, arguments.Option("--json") is "true" or "1"),
                "audit" => new AuditCommand(context, output).Run(arguments.Positional, arguments.Option("--db")),
                _ => throw new UsageException($"未知命令 “{arguments.Command}” (unknown command)"),
            };
        }
        catch (UsageException e) { return Fail(error, e.Message + Environment.NewLine + Usage); }
        catch (DefinitionFormatException e) { return Fail(error, $"{e.Source_}: {string.Join(Environment.NewLine, e.Problems)}"); }
        catch (SimulationCaseException e) { return Fail(error, $"案例无效 (invalid case) {e.Path}: {e.Message}"); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(error, $"无法读取文件 (cannot read file): {e.Message}");
        }
    }

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine(message);
        return BadInput;
    }
}

public sealed class UsageException(string message) : Exception(message);

internal sealed class Arguments
{
    private readonly Dictionary<string, string> _options = new();

    public Arguments(string[] args)
    {
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--") && args[i] is not "--help")
            {
                if (i + 1 >= args.Length) throw new UsageException($"选项 {args[i]} 缺少值 (option {args[i]} needs a value)");
                _options[args[i]] = args[++i];
            }
            else rest.Add(args[i]);
        }
        Command = rest.FirstOrDefault();
        Positional = rest.Skip(1).ToList();
    }

    public string? Command { get; }
    public IReadOnlyList<string> Positional { get; }
    public string? Option(string name) => _options.GetValueOrDefault(name);
}
