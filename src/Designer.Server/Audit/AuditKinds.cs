namespace Designer.Server.Audit;

/// <summary>What an audit entry records: "&lt;subject type&gt;.&lt;what happened&gt;".</summary>
public static class AuditKinds
{
    public const string WorkflowCreate = "workflow.create";
    public const string WorkflowImport = "workflow.import";
    public const string WorkflowClone = "workflow.clone";
    public const string WorkflowSaveDraft = "workflow.save-draft";
    public const string WorkflowPublish = "workflow.publish";
    public const string WorkflowRetract = "workflow.retract";
    public const string WorkflowRevert = "workflow.revert";
    public const string WorkflowDeleteDraft = "workflow.delete-draft";
    public const string WorkflowUpstreamMerge = "workflow.upstream-merge";

    public const string FormCreate = "form.create";
    public const string FormSaveDraft = "form.save-draft";
    public const string FormPublish = "form.publish";

    public const string ApplicationSubmit = "application.submit";
    public const string ApplicationAct = "application.act";
    public const string ApplicationCorrection = "application.correction";
    public const string ApplicationObjection = "application.objection";
    public const string ApplicationTimer = "application.timer";
    public const string ApplicationVote = "application.vote";
    public const string ApplicationCommitteeVotes = "application.committee-votes";
    public const string ApplicationCommitteeDecision = "application.committee-decision";
    public const string ApplicationRetry = "application.retry";
    public const string ApplicationMove = "application.move";
    public const string ApplicationCancel = "application.cancel";
    public const string ApplicationWithdraw = "application.withdraw";
    public const string TaskReassign = "task.reassign";
    public const string TaskClaim = "task.claim";
    public const string TaskUnclaim = "task.unclaim";

    public const string ExpertCreate = "expert.create";
    public const string ExpertUpdate = "expert.update";
    public const string CommitteeCreate = "committee.create";
    public const string CommitteeUpdate = "committee.update";
    public const string CommitteeSessionDraw = "committee-session.draw";

    public static string ExpertSubject(string id) => $"expert/{id}";
    public static string CommitteeSubject(string id) => $"committee/{id}";
    public static string CommitteeSessionSubject(string id) => $"committee-session/{id}";

    public static string WorkflowSubject(string definitionId, int? version) =>
        version is { } n ? $"workflow/{definitionId}/v{n}" : $"workflow/{definitionId}";

    public static string FormSubject(string formId, int version) => $"form/{formId}/v{version}";

    public static string ApplicationSubject(string applicationId) => $"application/{applicationId}";
}

/// <summary>Overrides what a draft save is recorded as (an upstream merge is saved as a draft), with details for its data.</summary>
public sealed record AuditNote(string Kind, System.Text.Json.Nodes.JsonObject Details);
