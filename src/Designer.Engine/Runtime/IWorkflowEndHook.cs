namespace Designer.Engine.Runtime;

/// <summary>
/// An activity that acts when its workflow instance ends, whichever way (completed, rejected, withdrawn, faulted):
/// e.g. Titles.Quota gives back a post the instance still holds. The runtime calls it once per run that ends the
/// instance, for each activity of the definition that implements it, in document order. It must not throw.
/// </summary>
public interface IWorkflowEndHook
{
    void WorkflowEnded(WorkflowEndContext context);
}

/// <summary>The ended instance (its status is final) and the services it ran with.</summary>
public sealed record WorkflowEndContext(WorkflowInstanceState State, EngineServices Services)
{
    public WorkflowStatus Status => State.Status;
}
