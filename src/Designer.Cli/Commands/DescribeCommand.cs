using System.CommandLine;
using Designer.Engine.Domain;
using Designer.Engine.Model;
using Designer.Engine.Runtime;

namespace Designer.Cli.Commands;

/// <summary>`designer describe`: the activity catalog the Studio's toolbox and property panel are generated from.</summary>
internal sealed class DescribeCommand(CliContext context)
{
    public static Command Create(Option<string?> root)
    {
        var command = new Command("describe", "以 JSON 输出活动目录（类型、出口、输入、界面提示）与词表 (the activity catalog and vocabulary as JSON)");
        command.SetAction(parsed => new DescribeCommand(CliContext.From(parsed, root)).Run());
        return command;
    }

    public int Run()
    {
        context.Output.WriteLine(JsonText.Serialize(new
        {
            activities = ActivityRegistry.Default.DescribeAll(context.Vocabulary),
            vocabulary = VocabularyLists.From(context.Vocabulary),
        }));
        return Cli.Ok;
    }
}
