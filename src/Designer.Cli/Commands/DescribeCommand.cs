using System.CommandLine;
using Designer.Engine.Domain;
using Designer.Engine.Model;
using Designer.Engine.Runtime;

namespace Designer.Cli.Commands;

/// <summary>`designer describe`: the activity catalog the Studio's toolbox and property panel are generated from.</summary>
internal sealed class DescribeCommand(TextWriter output)
{
    public static Command Create()
    {
        var command = new Command("describe", "以 JSON 输出活动目录（类型、出口、输入、界面提示）与词表 (the activity catalog and vocabulary as JSON)");
        command.SetAction(parsed => new DescribeCommand(parsed.InvocationConfiguration.Output).Run());
        return command;
    }

    public int Run()
    {
        output.WriteLine(JsonText.Serialize(new
        {
            activities = ActivityRegistry.Default.DescribeAll(),
            vocabulary = new
            {
                Vocabulary.Localities, Vocabulary.Departments, Vocabulary.Stages, Vocabulary.Actions, Vocabulary.Roles,
                Vocabulary.PortLabels, Vocabulary.OrganisationPlaceholders,
            },
        }));
        return Cli.Ok;
    }
}
