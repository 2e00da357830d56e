namespace Designer.Server.Operations;

/// <summary>Where an application waits: a task (with whom it is assigned to), a publicity or a timer.</summary>
public sealed record OperationsStep(
    string? TaskId, string ActivityId, string Kind, string? Stage, string? StageName, string? Title, string? Org, string? Role, string? RoleName,
    string? AssignedUser, string? ClaimedBy, string? DueDate);

/// <summary>
/// An application as the operations console shows it. Health: "ok", "faulted", "stuck" (nobody can move it on) or
/// "ended"; Why says in Chinese what is wrong with a faulted or stuck one.
/// </summary>
public sealed record OperationsInstance(
    string Id, string ApplicantName, string WorkflowName, string DefinitionId, int DefinitionVersion, string Locality, string Status,
    string Health, IReadOnlyList<OperationsStep> CurrentSteps, DateTime WaitingSince, int WaitingDays, string? Why, string? FaultedActivityId,
    DateTime UpdatedAt);

/// <summary>Every operator action states why (kept in the audit trail).</summary>
public sealed record ReasonRequest(string? Reason);

public sealed record MoveRequest(string? ToActivityId, string? Reason);

/// <summary>Any of org, role and userName: a person (userName) takes the task alone; org and role change whose inbox it is in.</summary>
public sealed record ReassignRequest(string? Org, string? Role, string? UserName, string? Reason);
