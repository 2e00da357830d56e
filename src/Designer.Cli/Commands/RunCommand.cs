using System.CommandLine;
using Designer.Engine.Model;
using Designer.Engine.Runtime;

namespace Designer.Cli.Commands;

/// <summary>
/// `designer run FILE`: runs a workflow that needs no person, printing what its WriteLine activities write.
/// Delays pass on a simulated clock, without waiting.
/// </summary>
internal sealed class RunCommand(CliContext context, TextWriter output)
{
    public static Command Create(Option<string?> root)
    {
        var file = new Argument<string>("FILE") { Description = "流程定义文件 (the workflow file)" };
        var command = new Command("run", "运行无需人工的流程，逐行输出 WriteLine 的文本 (run a workflow without people; prints its WriteLine output)")
        {
            file,
        };
        command.SetAction(parsed =>
        {
            var context = CliContext.From(parsed, root);
            return new RunCommand(context, context.Output).Run(parsed.GetRequiredValue(file));
        });
        return command;
    }

    public int Run(string file)
    {
        var definition = WorkflowDefinitionReader.Load(context.Resolve(file));
        var clock = new ManualClock(new DateTimeOffset(2024, 1, 2, 9, 0, 0, ChinaTime.Offset));
        var engine = new WorkflowEngine(new EngineServices
        {
            Clock = clock, Calendar = context.Calendar, Scripts = context.Scripts, Forms = context.Forms, Output = output,
        });
        var state = engine.Start(definition, new StartRequest("run"));
        while (state.Status == WorkflowStatus.Waiting)
        {
            if (state.Bookmarks.FirstOrDefault(b => b.Kind != BookmarkKinds.Timer) is { } waiting)
            {
                context.Error.WriteLine($"流程在 “{waiting.Payload["title"].AsString() ?? waiting.ActivityId}” ({waiting.ActivityId}) 等待人工办理；run 只运行无需人工的流程，请用 simulate (the workflow waits for a person)");
                return Cli.ProblemsFound;
            }
            clock.AdvanceTo(WorkflowEngine.NextDueTimer(state)!.DueAt!.Value);
            state = engine.FireDueTimers(definition, state);
        }
        if (state.Status != WorkflowStatus.Faulted) return Cli.Ok;
        context.Error.WriteLine($"流程故障 (faulted): {state.Fault?.Message}");
        return Cli.ProblemsFound;
    }
}
