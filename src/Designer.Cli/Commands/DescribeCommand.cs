using Designer.Engine.Domain;
using Designer.Engine.Model;
using Designer.Engine.Runtime;

namespace Designer.Cli.Commands;

/// <summary>`designer describe`: the activity catalog the Studio's toolbox and property panel are generated from.</summary>
internal sealed class DescribeCommand(TextWriter output)
{
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
