using System.CommandLine;
using Designer.Engine.Domain;
using Designer.Engine.Model;
using Designer.Engine.Simulation;

namespace Designer.Cli.Commands;

/// <summary>
/// `designer simulate --case FILE`: contract.md's simulation, the result JSON on standard output.
/// Exit 0 when it ran to an end (whatever the outcome), 1 when it could not (errors in the result).
/// </summary>
internal sealed class SimulateCommand(CliContext context, TextWriter output)
{
    public static Command Create(Option<string?> root)
    {
        var caseFile = new Option<string>("--case")
        {
            Description = "模拟案例文件（contract.md 的格式）(the simulation case file)", HelpName = "FILE", Required = true,
        };
        var command = new Command("simulate", "按 contract.md 运行模拟案例，结果 JSON 输出到标准输出 (run a simulation case; JSON result on stdout)")
        {
            caseFile,
        };
        command.SetAction(parsed =>
        {
            var context = CliContext.From(parsed, root);
            return new SimulateCommand(context, context.Output).Run(parsed.GetRequiredValue(caseFile));
        });
        return command;
    }

    public int Run(string caseFile)
    {
        var path = context.Resolve(caseFile);
        var @case = SimulationCase.Parse(File.ReadAllText(path));
        var definition = ResolveWorkflow(@case, Path.GetDirectoryName(Path.GetFullPath(path))!);
        var result = new Simulator(context.Calendar, context.Scripts, context.Forms) { CalendarInForce = context.CalendarInForce, Committees = context.Committees }.Run(@case, definition);
        output.WriteLine(result.ToJson());
        return result.Errors.Count == 0 ? Cli.Ok : Cli.ProblemsFound;
    }

    private WorkflowDefinition ResolveWorkflow(SimulationCase @case, string caseDirectory)
    {
        var text = @case.WorkflowText ?? throw new SimulationCaseException("$.workflow", "命令行只接受文件路径或地区代码 (the CLI takes a file path or a locality code)");
        if (context.Vocabulary.IsWorkflowLocality(text))
        {
            var root = context.Layout?.Workflows ?? throw new SimulationCaseException("$.workflow", "找不到 workflows/ 目录 (no workflows folder)");
            return WorkflowSelector.Choose(WorkflowFiles.LoadAll(root).Definitions, text, @case.Applicant);
        }
        foreach (var candidate in Candidates(text, caseDirectory))
            if (File.Exists(candidate)) return WorkflowDefinitionReader.Load(candidate);
        throw new SimulationCaseException("$.workflow", $"找不到流程文件，也不是地区代码：{text} (no such workflow file or locality code)");
    }

    private IEnumerable<string> Candidates(string text, string caseDirectory)
    {
        yield return context.Resolve(text);
        for (var dir = new DirectoryInfo(caseDirectory); dir is not null; dir = dir.Parent)
            yield return Path.Combine(dir.FullName, text);
    }
}
