using Designer.Engine.Expressions;
using Designer.Engine.Model;

namespace Designer.Engine.Runtime;

/// <summary>
/// One run of an instance: takes work items from the FIFO queue, executes them, and decides after each completion
/// which connections were followed and which targets may run, Elsa 3's way (visit counting, dead-path skipping,
/// loop back edges).
/// </summary>
internal sealed class WorkflowExecution(ExecutableWorkflow workflow, WorkflowInstanceState state, EngineServices services)
{
    private readonly bool _endedBefore = state.Status.IsFinal();

    public ExecutableWorkflow Workflow { get; } = workflow;
    public WorkflowInstanceState State { get; } = state;
    public EngineServices Services { get; } = services;

    public void Begin()
    {
        State.Queue.Add(new WorkItem(Workflow.Root.Id));
        RunQueue();
    }

    public void Resume(Bookmark bookmark, ResumeInput input)
    {
        var activity = Workflow.Activity(bookmark.ActivityId);
        var context = new ActivityContext(this, activity);
        var statusBefore = State.Status;
        State.Status = WorkflowStatus.Running;
        try { Guard(activity, () => activity.Resume(context, bookmark, input)); }
        catch (ResumeRejectedException)
        {
            // Refused before the activity changed anything (WorkflowEngine.Resume): the state is as it was.
            State.Status = statusBefore;
            throw;
        }
        AfterActivity(activity, context, viaBackward: false);
        RunQueue();
    }

    public void RunFrom(string activityId)
    {
        State.Queue.Add(new WorkItem(activityId));
        RunQueue();
    }

    public void Stop(WorkflowStatus status, string reason)
    {
        if (_endedBefore) return;
        EndWorkflow(status, reason);
        NotifyEnded();
        State.UpdatedAt = Services.Clock.Now;
    }

    private void RunQueue()
    {
        var steps = 0;
        while (State.Queue.Count > 0 && !State.Status.IsFinal())
        {
            if (++steps > Services.MaxStepsPerRun)
            {
                Fault(State.Queue[0].ActivityId, $"执行步数超过 {Services.MaxStepsPerRun}，可能存在没有等待点的死循环 (more than {Services.MaxStepsPerRun} steps without waiting: an endless loop?)");
                break;
            }
            var item = State.Queue[0];
            State.Queue.RemoveAt(0);
            var activity = Workflow.Activity(item.ActivityId);
            var context = new ActivityContext(this, activity);
            if (activity.Node is FlowchartNode) StartFlowchart(activity, context);
            else Guard(activity, () => activity.Execute(context));
            AfterActivity(activity, context, item.ViaBackward);
        }
        if (!State.Status.IsFinal())
            State.Status = State.Bookmarks.Count > 0 ? WorkflowStatus.Waiting : WorkflowStatus.Completed;
        if (State.Status.IsFinal() && !_endedBefore) NotifyEnded();
        State.UpdatedAt = Services.Clock.Now;
    }

    /// <summary>The instance has just ended: each activity that asked to know (IWorkflowEndHook) is told.</summary>
    private void NotifyEnded()
    {
        var context = new WorkflowEndContext(State, Services);
        foreach (var hook in Workflow.EndHooks) hook.WorkflowEnded(context);
    }

    private void StartFlowchart(Activity flowchart, ActivityContext context)
    {
        State.FlowScopes[flowchart.Id] = new FlowScopeState();
        var start = Workflow.Graph(flowchart.Id).Start;
        if (start is null) context.Complete("Done");
        else State.Queue.Add(new WorkItem(start.Id));
    }

    private void Guard(Activity activity, Action action)
    {
        try { action(); }
        catch (Exception e) when (e is ActivityFaultException or ScriptFaultException or FormatException)
        {
            Fault(activity.Id, e.Message);
        }
    }

    private void AfterActivity(Activity activity, ActivityContext context, bool viaBackward)
    {
        if (State.Status.IsFinal() || context.Outcomes is null) return;
        Completed(activity, context.Outcomes, viaBackward);
    }

    private void Completed(Activity activity, IReadOnlyList<string> outcomes, bool viaBackward)
    {
        State.Bookmarks.RemoveAll(b => b.ActivityId == activity.Id);
        var parent = activity.Node.Parent;
        if (parent is null)
        {
            if (!State.Status.IsFinal()) State.Status = WorkflowStatus.Completed;
            return;
        }
        var scope = Scope(parent.Id);
        ScheduleOutbound(parent.Id, scope, activity.Id, outcomes, viaBackward);
        if (!HasPendingWork(parent.Id)) CompleteFlowchart(parent.Id);
    }

    private void CompleteFlowchart(string flowchartId)
    {
        DropWorkInside(flowchartId);
        var flowchart = Workflow.Activity(flowchartId);
        Completed(flowchart, ["Done"], viaBackward: false);
    }

    public void EndFlowchartOf(string activityId)
    {
        var parent = Workflow.ParentOf(activityId);
        if (parent is not null) CompleteFlowchart(parent.Id);
    }

    public void EndWorkflow(WorkflowStatus status, string? reason)
    {
        State.Status = status;
        State.Reason = reason;
        State.Queue.Clear();
        State.Bookmarks.Clear();
    }

    private void Fault(string activityId, string message)
    {
        var label = Workflow.Contains(activityId) ? Workflow.Activity(activityId).Label : activityId;
        State.Fault = new FaultInfo { ActivityId = activityId, Message = $"活动 “{label}” ({activityId}): {message}" };
        EndWorkflow(WorkflowStatus.Faulted, State.Fault.Message);
    }

    private FlowScopeState Scope(string flowchartId)
    {
        if (!State.FlowScopes.TryGetValue(flowchartId, out var scope)) State.FlowScopes[flowchartId] = scope = new FlowScopeState();
        return scope;
    }

    private void ScheduleOutbound(string flowchartId, FlowScopeState scope, string activityId, IReadOnlyList<string> outcomes, bool viaBackward)
    {
        var graph = Workflow.Graph(flowchartId);
        if (!viaBackward) scope.ActivityVisits[activityId] = scope.ActivityVisits.GetValueOrDefault(activityId) + 1;
        foreach (var connection in graph.Outbound(activityId))
        {
            var followed = outcomes.Contains(connection.Source.Port);
            var visit = scope.ConnectionVisits.TryGetValue(connection.Key, out var v) ? v : scope.ConnectionVisits[connection.Key] = new ConnectionVisit();
            visit.Visits++;
            visit.LastFollowed = followed;
            if (graph.IsBackward(connection))
            {
                if (followed) Enqueue(connection.Target.Activity, viaBackward: true);
                continue;
            }
            MaybeSchedule(flowchartId, scope, graph, connection, followed, visit.Visits - 1);
        }
    }

    private void MaybeSchedule(string flowchartId, FlowScopeState scope, FlowGraph graph, Connection arrival, bool followed, int round)
    {
        var target = arrival.Target.Activity;
        var visits = scope.ActivityVisits.GetValueOrDefault(target);
        var mode = Workflow.JoinMode(target);
        // A connection is decided once visited more often than its target ran, taken when decided and last followed.
        var (allDecided, anyTaken, allTaken) = Tally(scope, graph.ForwardInbound(target), visits);

        switch (mode)
        {
            case JoinMode.Stream:
                if (allDecided) { if (anyTaken) Enqueue(target); else Skip(flowchartId, scope, target); }
                break;
            case JoinMode.WaitAll:
                if (allDecided) { if (allTaken) Enqueue(target); else Skip(flowchartId, scope, target); }
                break;
            case JoinMode.Merge:
                if (allTaken) Enqueue(target);
                break;
            case JoinMode.Converge:
                if (Tally(scope, graph.Inbound(target), visits).AllTaken) Enqueue(target);
                break;
            case JoinMode.Cascade:
                if (followed) Enqueue(target);
                else if (allDecided && !anyTaken) Skip(flowchartId, scope, target);
                break;
            case JoinMode.Race or JoinMode.WaitAny:
                if (round < visits || scope.FiredJoins.Contains($"{target}#{round}")) break;
                if (followed)
                {
                    scope.FiredJoins.Add($"{target}#{round}");
                    if (mode == JoinMode.WaitAny) CancelBranchesInto(flowchartId, graph, target);
                    Enqueue(target);
                }
                else if (allDecided && !anyTaken) Skip(flowchartId, scope, target);
                break;
        }
    }

    private static (bool AllDecided, bool AnyTaken, bool AllTaken) Tally(FlowScopeState scope, IReadOnlyList<Connection> inbound, int visits)
    {
        bool allDecided = true, anyTaken = false, allTaken = true;
        foreach (var connection in inbound)
        {
            var decided = scope.ConnectionVisits.TryGetValue(connection.Key, out var visit) && visit.Visits > visits;
            var taken = decided && visit!.LastFollowed;
            allDecided &= decided;
            anyTaken |= taken;
            allTaken &= taken;
        }
        return (allDecided, anyTaken, allTaken);
    }

    /// <summary>A target none of whose inbound connections was taken: mark it and its outbound paths dead.</summary>
    private void Skip(string flowchartId, FlowScopeState scope, string activityId) =>
        ScheduleOutbound(flowchartId, scope, activityId, [], viaBackward: false);

    /// <summary>WaitAny: the first branch wins; work still queued or waiting (tasks, timers) on the other branches is cancelled.</summary>
    private void CancelBranchesInto(string flowchartId, FlowGraph graph, string joinId)
    {
        var ancestors = graph.ForwardAncestors(joinId);
        bool OnABranch(string activityId) => ancestors.Contains(activityId) || ancestors.Any(a => Workflow.IsInside(activityId, a));
        State.Bookmarks.RemoveAll(b => OnABranch(b.ActivityId));
        State.Queue.RemoveAll(w => OnABranch(w.ActivityId));
    }

    private void Enqueue(string activityId, bool viaBackward = false) => State.Queue.Add(new WorkItem(activityId, viaBackward));

    private bool HasPendingWork(string flowchartId) =>
        State.Queue.Any(w => Workflow.IsInside(w.ActivityId, flowchartId)) ||
        State.Bookmarks.Any(b => Workflow.IsInside(b.ActivityId, flowchartId));

    private void DropWorkInside(string flowchartId)
    {
        State.Queue.RemoveAll(w => Workflow.IsInside(w.ActivityId, flowchartId));
        State.Bookmarks.RemoveAll(b => Workflow.IsInside(b.ActivityId, flowchartId));
    }
}
