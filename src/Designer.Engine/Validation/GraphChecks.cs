using Designer.Engine.Model;
using Designer.Engine.Runtime;

namespace Designer.Engine.Validation;

/// <summary>
/// Checks of one flowchart's connections: both ends exist here, the source port is offered, every activity can be
/// reached from the start, and from every activity some path leads to an end: by its descriptor a terminal activity
/// (IsTerminal) or a type with no ports at all (Elsa.Fault), or an activity with no connection on.
/// </summary>
internal sealed class GraphChecks(FlowchartNode flowchart, ExecutableWorkflow workflow, IReadOnlyDictionary<ActivityNode, string> paths, List<ValidationProblem> problems)
{
    public void Run()
    {
        var ids = flowchart.Activities.Select(a => a.Id).ToHashSet();
        var flowPath = paths.GetValueOrDefault(flowchart, "$.root");
        for (var i = 0; i < flowchart.Connections.Count; i++)
            CheckConnection(flowchart.Connections[i], $"{flowPath}.connections[{i}]", ids);
        if (flowchart.Activities.Count == 0) return;

        var graph = workflow.Graph(flowchart.Id);
        var reachable = Reach(graph.Start!.Id, id => graph.Outbound(id).Select(c => c.Target.Activity));
        foreach (var activity in flowchart.Activities.Where(a => !reachable.Contains(a.Id)))
            problems.Add(new(activity.Id, paths[activity], ProblemCodes.Unreachable,
                $"活动 “{activity.Label}” 从起点无法到达 (unreachable from the start activity '{graph.Start.Id}')"));

        var ends = flowchart.Activities.Where(a => IsEnd(workflow.Activity(a.Id), graph)).Select(a => a.Id).ToList();
        var leadsToEnd = ends.SelectMany(end => Reach(end, id => graph.Inbound(id).Select(c => c.Source.Activity))).ToHashSet();
        foreach (var activity in flowchart.Activities.Where(a => reachable.Contains(a.Id) && !leadsToEnd.Contains(a.Id)))
            problems.Add(new(activity.Id, paths[activity], ProblemCodes.NoPathToEnd,
                $"活动 “{activity.Label}” 之后没有通向结束的路径（死循环？）(no path from here to an end)"));
    }

    private void CheckConnection(Connection connection, string path, HashSet<string> ids)
    {
        foreach (var (end, name) in new[] { (connection.Source, "source"), (connection.Target, "target") })
            if (!ids.Contains(end.Activity))
                problems.Add(new(end.Activity, $"{path}.{name}", ProblemCodes.MissingActivity,
                    $"连线的{(name == "source" ? "起点" : "终点")}活动 “{end.Activity}” 不在此流程图中 (connection {name} activity does not exist here)"));
        if (!ids.Contains(connection.Source.Activity)) return;
        var source = workflow.Activity(connection.Source.Activity);
        if (source is UnknownActivity) return;
        var ports = source.GetPorts();
        if (!ports.Contains(connection.Source.Port))
            problems.Add(new(source.Id, $"{path}.source.port", ProblemCodes.UnknownPort,
                $"活动 “{source.Node.Label}” 没有出口 “{connection.Source.Port}”，可用出口：{(ports.Count == 0 ? "无" : string.Join("、", ports))} (port not offered)"));
    }

    private static bool IsEnd(Activity activity, FlowGraph graph)
    {
        if (graph.Outbound(activity.Id).Count == 0) return true;
        if (activity is UnknownActivity) return false;
        var type = activity.Descriptor;
        return type.IsTerminal || (type.Ports.Count == 0 && type.PortsFromInput is null);
    }

    private static HashSet<string> Reach(string from, Func<string, IEnumerable<string>> next)
    {
        var seen = new HashSet<string> { from };
        var stack = new Stack<string>([from]);
        while (stack.Count > 0)
            foreach (var id in next(stack.Pop()))
                if (seen.Add(id)) stack.Push(id);
        return seen;
    }
}
