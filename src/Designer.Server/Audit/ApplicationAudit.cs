using System.Text.Json.Nodes;
using Designer.Engine.Audit;
using Designer.Engine.Domain;
using Designer.Engine.Runtime;
using Designer.Persistence;
using Designer.Persistence.Entities;
using Designer.Server.Applications;
using Designer.Server.Auth;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.Audit;

/// <summary>
/// Audit entries for what happens to an application: submitted, a step acted on (by a reviewer, the applicant's
/// correction, an objection from the public), timers fired, committee votes and decisions. The data is
/// {stage, action, dataHash, comment}: the step, what was done, a hash of the data given, the comment.
/// </summary>
public sealed class ApplicationAudit(DesignerDbContext db, AuditLog log, World.WorldVocabulary world)
{
    /// <summary>Called when an application's new state is about to be saved (after its task rows are brought up to date).</summary>
    public void Changed(ApplicationRecord application, WorkflowInstanceState state, string? actor, string? actedBookmarkId, string? action,
        JsonObject? details = null)
    {
        var rows = db.Tasks.Local.Where(t => t.ApplicationId == application.Id).ToList();
        var acted = rows.FirstOrDefault(t => t.BookmarkId == actedBookmarkId);
        var kind = KindOf(action, actor, acted);
        var steps = kind switch
        {
            AuditKinds.ApplicationSubmit => state.Journal.Where(j => j.Actor == actor).Take(1).Select(StepOf).ToList(),
            AuditKinds.ApplicationTimer => rows.Where(t => !t.IsOpen && db.Entry(t).State == EntityState.Modified)
                .Select(t => state.Journal.LastOrDefault(j => j.ActivityId == t.ActivityId) is { } j ? StepOf(j) : new Step(t.Stage, t.ClosedAction ?? "timer", null, null, t.ActivityId))
                .ToList(),
            AuditKinds.ApplicationObjection => [new Step(acted?.Stage, "object", LastObjection(state, actedBookmarkId), null, acted?.ActivityId)],
            _ => state.Journal.Where(j => acted is null ? j.Actor == actor : j.ActivityId == acted.ActivityId).TakeLast(1).Select(StepOf).ToList(),
        };
        var step = steps.LastOrDefault() ?? new Step(acted?.Stage, action ?? "submit", null, null, acted?.ActivityId);
        var data = new JsonObject
        {
            ["stage"] = steps.Count > 1 ? string.Join(",", steps.Select(s => s.Stage)) : step.Stage,
            ["action"] = steps.Count > 1 ? string.Join(",", steps.Select(s => s.Action)) : step.Action,
            ["dataHash"] = AuditChain.HashData(step.Data),
            ["comment"] = step.Comment,
            ["activityId"] = step.ActivityId,
            ["status"] = application.Status,
            ["definitionId"] = application.DefinitionId,
            ["definitionVersion"] = application.DefinitionVersion,
        };
        foreach (var (key, value) in details ?? []) data[key] = value?.DeepClone();
        var who = actor ?? "system";
        var summary = $"{who} {Verb(kind)}申报 {application.Id}（{application.ApplicantName}）" +
                      (step.Stage is null ? "" : $"：{ApplicationDtos.StageName(step.Stage, world.Current)} · {world.Current.Name("actions", step.Action)}") +
                      $"，状态 {Documents.DocumentWords.Status(application.Status)}";
        log.Record(who, kind, AuditKinds.ApplicationSubject(application.Id), application.Locality, summary, data);
    }

    /// <summary>An operator acted on the application from the operations console (or the applicant withdrew it): the reason is kept.</summary>
    public void Operated(ApplicationRecord application, string actor, string kind, string reason, string summary, JsonObject details)
    {
        var data = new JsonObject
        {
            ["reason"] = reason, ["status"] = application.Status,
            ["definitionId"] = application.DefinitionId, ["definitionVersion"] = application.DefinitionVersion,
        };
        foreach (var (key, value) in details) data[key] = value?.DeepClone();
        log.Record(actor, kind, AuditKinds.ApplicationSubject(application.Id), application.Locality,
            $"{actor} {summary}：申报 {application.Id}（{application.ApplicantName}），原因：{reason}，状态 {Documents.DocumentWords.Status(application.Status)}", data);
    }

    /// <summary>A task was claimed, released or reassigned.</summary>
    public void TaskChanged(ApplicationRecord application, TaskRecord task, string actor, string kind, string what, string? reason, JsonObject? details = null)
    {
        var data = new JsonObject
        {
            ["taskId"] = task.Id, ["stage"] = task.Stage, ["activityId"] = task.ActivityId, ["reason"] = reason,
            ["org"] = task.Org, ["role"] = task.Role, ["assignedUser"] = task.AssignedUser, ["claimedBy"] = task.ClaimedBy,
        };
        foreach (var (key, value) in details ?? []) data[key] = value?.DeepClone();
        log.Record(actor, kind, AuditKinds.ApplicationSubject(application.Id), application.Locality,
            $"{actor} {what}：申报 {application.Id}（{application.ApplicantName}）{ApplicationDtos.StageName(task.Stage, world.Current)}" + (reason is null ? "" : $"，原因：{reason}"), data);
    }

    private sealed record Step(string? Stage, string Action, JsonNode? Data, string? Comment, string? ActivityId);

    private static Step StepOf(JournalEntry entry) => new(entry.Stage, entry.Action, entry.Data, entry.Comment, entry.ActivityId);

    private static string KindOf(string? action, string? actor, TaskRecord? acted) =>
        action is null or "submit" ? AuditKinds.ApplicationSubmit
        : action == "timer" ? AuditKinds.ApplicationTimer
        : actor?.StartsWith("public:") == true || action == "object" ? AuditKinds.ApplicationObjection
        : acted is { } row && (row.Org == "applicant" || row.Role == "applicant") ? AuditKinds.ApplicationCorrection
        : action == "vote" ? AuditKinds.ApplicationVote
        : AuditKinds.ApplicationAct;

    /// <summary>A publicity keeps its objections on its bookmark until it ends.</summary>
    private static JsonNode? LastObjection(WorkflowInstanceState state, string? bookmarkId) =>
        (state.Bookmarks.FirstOrDefault(b => b.Id == bookmarkId)?.Payload["objections"] as JsonArray)?.LastOrDefault()?["data"];

    /// <summary>A committee session recorded the votes on one candidate.</summary>
    public void VotesRecorded(CurrentUser user, CommitteeSessionRecord session, CommitteeCandidateRecord candidate)
    {
        var votes = new JsonObject { ["for"] = candidate.For, ["against"] = candidate.Against, ["abstain"] = candidate.Abstain };
        var data = Committee("votes", votes, session);
        log.Record(user.UserName, AuditKinds.ApplicationCommitteeVotes, AuditKinds.ApplicationSubject(candidate.ApplicationId), session.Locality,
            $"{user.UserName} 在评审会 {session.Id} 记录申报 {candidate.ApplicationId}（{candidate.ApplicantName}）的表决票：赞成 {candidate.For}，反对 {candidate.Against}，弃权 {candidate.Abstain}",
            data);
    }

    /// <summary>A committee session closed: each candidate's rank and decision.</summary>
    public void SessionClosed(CurrentUser user, CommitteeSessionRecord session)
    {
        foreach (var candidate in session.Candidates)
        {
            var decision = new JsonObject
            {
                ["for"] = candidate.For, ["against"] = candidate.Against, ["abstain"] = candidate.Abstain,
                ["rank"] = candidate.Rank, ["decision"] = candidate.Decision, ["reason"] = candidate.Reason,
            };
            var data = Committee(candidate.Decision ?? "decided", decision, session);
            data["rank"] = candidate.Rank;
            data["reason"] = candidate.Reason;
            log.Record(user.UserName, AuditKinds.ApplicationCommitteeDecision, AuditKinds.ApplicationSubject(candidate.ApplicationId), session.Locality,
                $"{user.UserName} 结束评审会 {session.Id}：申报 {candidate.ApplicationId}（{candidate.ApplicantName}）{candidate.Decision}，排名 {candidate.Rank}",
                data);
        }
    }

    private static JsonObject Committee(string action, JsonObject given, CommitteeSessionRecord session) => new()
    {
        ["stage"] = "committee-vote", ["action"] = action, ["dataHash"] = AuditChain.HashData(given), ["comment"] = $"评审会 {session.Id}",
        ["sessionId"] = session.Id, ["org"] = session.Org, ["votes"] = given,
    };

    private static string Verb(string kind) => kind switch
    {
        AuditKinds.ApplicationSubmit => "提交",
        AuditKinds.ApplicationTimer => "到期处理",
        AuditKinds.ApplicationObjection => "对公示提出异议，",
        AuditKinds.ApplicationCorrection => "补正",
        AuditKinds.ApplicationVote => "表决",
        _ => "办理",
    };
}
