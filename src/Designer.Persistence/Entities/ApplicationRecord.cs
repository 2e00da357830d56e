namespace Designer.Persistence.Entities;

/// <summary>
/// An application and its running workflow instance. StateJson is the engine's WorkflowInstanceState; the other
/// columns are copies of what queries filter on. Revision guards every write (optimistic concurrency).
/// </summary>
public sealed class ApplicationRecord
{
    public string Id { get; set; } = "";
    public string ApplicantUserId { get; set; } = "";
    public string ApplicantName { get; set; } = "";
    public string Locality { get; set; } = "";
    public string DefinitionId { get; set; } = "";
    public int DefinitionVersion { get; set; }
    public string WorkflowName { get; set; } = "";
    /// <summary>"Draft" or the engine's status (Waiting, Completed, Rejected, Withdrawn, Faulted, Cancelled).</summary>
    public string Status { get; set; } = "";
    public string DataJson { get; set; } = "{}";
    public string? StateJson { get; set; }
    public int Year { get; set; }
    public string? Kind { get; set; }
    public string? Series { get; set; }
    public string? Level { get; set; }
    /// <summary>When the earliest timer of the instance falls due (UTC); null when none waits.</summary>
    public DateTime? NextDueAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public long Revision { get; set; }
}

/// <summary>
/// One bookmark of an application (task, publicity or timer), kept in step with StateJson so inboxes and the public
/// notice board are plain queries. A bookmark that is gone stays as a closed row: acting on it again answers 409.
/// </summary>
public sealed class TaskRecord
{
    /// <summary>"&lt;applicationId&gt;-&lt;bookmarkId&gt;".</summary>
    public string Id { get; set; } = "";
    public string ApplicationId { get; set; } = "";
    public string DefinitionId { get; set; } = "";
    public string BookmarkId { get; set; } = "";
    public string ActivityId { get; set; } = "";
    public string ActivityType { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Locality { get; set; } = "";
    public string Stage { get; set; } = "";
    public string Title { get; set; } = "";
    public string Org { get; set; } = "";
    public string? ResolvedOrg { get; set; }
    public string Role { get; set; } = "";
    /// <summary>The committee a committee-vote task goes to (its organiser is Org).</summary>
    public string? Committee { get; set; }
    public string ActionsJson { get; set; } = "[]";
    public string? Form { get; set; }
    /// <summary>yyyy-MM-dd, sortable; the end date for a publicity.</summary>
    public string? DueDate { get; set; }
    public string? StartDate { get; set; }
    public string? Subject { get; set; }
    public string ApplicantUserId { get; set; } = "";
    public string ApplicantName { get; set; } = "";
    public string WorkflowName { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    /// <summary>Set when an operator reassigned the task to one person: only they act on it.</summary>
    public string? AssignedUser { get; set; }
    /// <summary>Who took the task off a shared role's list (claim); others cannot act until it is unclaimed or reassigned.</summary>
    public string? ClaimedBy { get; set; }
    public DateTime? ClaimedAt { get; set; }
    public bool IsOpen { get; set; } = true;
    public DateTime? ClosedAt { get; set; }
    public string? ClosedBy { get; set; }
    public string? ClosedAction { get; set; }
}
