namespace Designer.Engine.Runtime;

/// <summary>Running: work queued. Waiting: suspended on bookmarks. The others are final.</summary>
public enum WorkflowStatus { Running, Waiting, Completed, Rejected, Withdrawn, Faulted, Cancelled }

public static class WorkflowStatusExtensions
{
    public static bool IsFinal(this WorkflowStatus status) => status is not (WorkflowStatus.Running or WorkflowStatus.Waiting);
}
