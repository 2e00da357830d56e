using Designer.Engine.Model;

namespace Designer.Engine.Runtime;

/// <summary>
/// The connection structure of one flowchart: outbound and inbound connections, its start activity, and which
/// connections are loop back edges (found by a depth-first walk from the start, in connection order).
/// </summary>
public sealed class FlowGraph
{
    private readonly Dictionary<string, List<Connection>> _outbound = new();
    private readonly Dictionary<string, List<Connection>> _inbound = new();
    private readonly HashSet<Connection> _backward = [];
    /// <summary>The graph's own connections, and its back edges, by reference: the runtime asks about them at every step.</summary>
    private readonly HashSet<Connection> _own = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<Connection> _backwardInstances = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, List<Connection>> _forwardInbound = new();

    public FlowGraph(FlowchartNode flowchart)
    {
        Flowchart = flowchart;
        var ids = flowchart.Activities.Select(a => a.Id).ToHashSet();
        foreach (var connection in flowchart.Connections.Where(c => ids.Contains(c.Source.Activity) && ids.Contains(c.Target.Activity)))
        {
            Add(_outbound, connection.Source.Activity, connection);
            Add(_inbound, connection.Target.Activity, connection);
        }
        Start = FindStart(flowchart);
        if (Start is not null) FindBackEdges(Start.Id, [], []);
        foreach (var (target, inbound) in _inbound) _forwardInbound[target] = inbound.Where(c => !_backward.Contains(c)).ToList();
        foreach (var outbound in _outbound.Values) _own.UnionWith(outbound);
        _backwardInstances.UnionWith(_own.Where(_backward.Contains));
    }

    public FlowchartNode Flowchart { get; }
    public ActivityNode? Start { get; }

    public IReadOnlyList<Connection> Outbound(string activityId) => _outbound.GetValueOrDefault(activityId) ?? [];
    public IReadOnlyList<Connection> Inbound(string activityId) => _inbound.GetValueOrDefault(activityId) ?? [];
    public IReadOnlyList<Connection> ForwardInbound(string activityId) => _forwardInbound.GetValueOrDefault(activityId) ?? [];
    public bool IsBackward(Connection connection) =>
        _own.Contains(connection) ? _backwardInstances.Contains(connection) : _backward.Contains(connection);

    /// <summary>Activities from which <paramref name="activityId"/> can be reached along forward connections.</summary>
    public HashSet<string> ForwardAncestors(string activityId)
    {
        var seen = new HashSet<string>();
        var stack = new Stack<string>([activityId]);
        while (stack.Count > 0)
            foreach (var connection in ForwardInbound(stack.Pop()))
                if (seen.Add(connection.Source.Activity)) stack.Push(connection.Source.Activity);
        return seen;
    }

    // Elsa's order: an Elsa.Start, then an activity marked canStartWorkflow, then the first without inbound connections.
    private ActivityNode? FindStart(FlowchartNode flowchart) =>
        flowchart.Activities.FirstOrDefault(a => a.Type == "Elsa.Start")
        ?? flowchart.Activities.FirstOrDefault(a => a.CustomProperties?["canStartWorkflow"]?.ToString() == "true")
        ?? flowchart.Activities.FirstOrDefault(a => Inbound(a.Id).Count == 0)
        ?? flowchart.Activities.FirstOrDefault();

    private void FindBackEdges(string activityId, HashSet<string> onPath, HashSet<string> done)
    {
        onPath.Add(activityId);
        foreach (var connection in Outbound(activityId))
        {
            var target = connection.Target.Activity;
            if (onPath.Contains(target)) _backward.Add(connection);
            else if (!done.Contains(target)) FindBackEdges(target, onPath, done);
        }
        onPath.Remove(activityId);
        done.Add(activityId);
    }

    private static void Add(Dictionary<string, List<Connection>> map, string key, Connection connection)
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        list.Add(connection);
    }
}
