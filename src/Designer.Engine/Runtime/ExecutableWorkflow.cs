using System.Runtime.CompilerServices;
using Designer.Engine.Model;

namespace Designer.Engine.Runtime;

/// <summary>A definition made ready to run: one activity instance per activity, and a flow graph per flowchart.</summary>
public sealed class ExecutableWorkflow
{
    private static readonly ConditionalWeakTable<WorkflowDefinition, ExecutableWorkflow> Cache = new();

    private readonly Dictionary<string, Activity> _activities = new();
    private readonly Dictionary<string, FlowGraph> _graphs = new();
    private readonly Dictionary<string, JoinMode> _joinModes = new();

    private ExecutableWorkflow(WorkflowDefinition definition, ActivityRegistry registry)
    {
        Definition = definition;
        foreach (var node in definition.ActivitiesById.Values)
        {
            _activities[node.Id] = registry.Create(node) ?? new UnknownActivity(node);
            if (node is FlowchartNode flowchart) _graphs[node.Id] = new FlowGraph(flowchart);
        }
        EndHooks = _activities.Values.OfType<IWorkflowEndHook>().ToList();
        foreach (var (id, activity) in _activities) _joinModes[id] = JoinModeOf(activity);
    }

    public static ExecutableWorkflow For(WorkflowDefinition definition, ActivityRegistry registry) =>
        registry == ActivityRegistry.Default
            ? Cache.GetValue(definition, d => new ExecutableWorkflow(d, registry))
            : new ExecutableWorkflow(definition, registry);

    public WorkflowDefinition Definition { get; }
    public FlowchartNode Root => Definition.Root;

    /// <summary>The activities to tell when an instance ends, in document order.</summary>
    public IReadOnlyList<IWorkflowEndHook> EndHooks { get; }

    public Activity Activity(string id) =>
        _activities.TryGetValue(id, out var activity) ? activity
            : throw new ActivityFaultException($"定义中没有活动 {id} (no activity '{id}' in this definition version)");

    public bool Contains(string id) => _activities.ContainsKey(id);

    public FlowGraph Graph(string flowchartId) => _graphs[flowchartId];

    /// <summary>How the activity waits for its inbound connections (decided once per definition).</summary>
    public JoinMode JoinMode(string activityId) => _joinModes.TryGetValue(activityId, out var mode) ? mode : Runtime.JoinMode.Stream;

    // A join activity decides its own mode; any other takes customProperties.mergeMode (WaitAll and WaitAny are the joins').
    private static JoinMode JoinModeOf(Activity activity)
    {
        if (activity is IJoinActivity join) return join.JoinMode;
        var mergeMode = activity.Node.GetCustomProperty("mergeMode");
        return Enum.TryParse<JoinMode>(mergeMode, ignoreCase: true, out var mode) && mode is not (Runtime.JoinMode.WaitAll or Runtime.JoinMode.WaitAny)
            ? mode : Runtime.JoinMode.Stream;
    }

    public FlowchartNode? ParentOf(string activityId) => Activity(activityId).Node.Parent;

    public bool IsInside(string activityId, string flowchartId)
    {
        for (var parent = ParentOf(activityId); parent is not null; parent = parent.Parent)
            if (parent.Id == flowchartId) return true;
        return false;
    }
}

/// <summary>Stands in for an activity type the registry does not know: faults when reached.</summary>
internal sealed class UnknownActivity : Activity
{
    public UnknownActivity(ActivityNode node)
    {
        Node = node;
        Descriptor = new Descriptors.ActivityDescriptor(node.Type, node.Type, "", "", [], null, [], false, false);
    }

    public override void Execute(ActivityContext context) =>
        throw new ActivityFaultException($"未知的活动类型 {Node.Type} (unknown activity type '{Node.Type}')");

    public override IReadOnlyList<string> GetPorts() => [];
}
