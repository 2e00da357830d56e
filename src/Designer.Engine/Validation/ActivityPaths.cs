using Designer.Engine.Model;

namespace Designer.Engine.Validation;

/// <summary>The JSON path of every activity in its definition, e.g. $.root.activities[3].</summary>
public static class ActivityPaths
{
    public static IReadOnlyDictionary<ActivityNode, string> Of(WorkflowDefinition definition)
    {
        var paths = new Dictionary<ActivityNode, string>(ReferenceEqualityComparer.Instance) { [definition.Root] = "$.root" };
        Walk(definition.Root, "$.root", paths);
        return paths;
    }

    private static void Walk(FlowchartNode flowchart, string path, Dictionary<ActivityNode, string> paths)
    {
        for (var i = 0; i < flowchart.Activities.Count; i++)
        {
            var child = flowchart.Activities[i];
            var childPath = $"{path}.activities[{i}]";
            paths[child] = childPath;
            if (child is FlowchartNode nested) Walk(nested, nested.BodyProperty is { } body ? $"{childPath}.{body}" : childPath, paths);
        }
    }
}
