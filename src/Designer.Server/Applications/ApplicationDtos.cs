using System.Text.Json;
using System.Text.Json.Nodes;
using Designer.Engine.Domain;
using Designer.Engine.Runtime;
using Designer.Persistence.Entities;

namespace Designer.Server.Applications;

/// <summary>An application in a list, with the stages its open tasks wait at.</summary>
public sealed record ApplicationSummary(
    string Id, string Status, string DefinitionId, int DefinitionVersion, string WorkflowName, string Locality, string ApplicantName,
    string? Kind, string? Series, string? Level, DateTime CreatedAt, DateTime UpdatedAt, IReadOnlyList<string> CurrentStages);

/// <summary>An application with its data, its timeline and where it waits.</summary>
public sealed record ApplicationDetail(
    string Id, string Status, string? Reason, string DefinitionId, int DefinitionVersion, string WorkflowName, string Locality,
    string ApplicantName, JsonNode? Data, IReadOnlyList<TimelineEntry> Timeline, IReadOnlyList<TaskSummary> PendingTasks,
    IReadOnlyList<WaitingPoint>? WaitingAt, JsonObject? Granted, IReadOnlyList<Notification>? Notifications,
    DateTime CreatedAt, DateTime UpdatedAt)
{
    /// <summary>The apply form as the application's workflow version pinned it (its data is labelled from this, not the latest form).</summary>
    public PinnedForm? ApplyForm { get; init; }
}

/// <summary>A form as a workflow version pinned it: its id, the pinned version (null when the workflow pins none) and the resolved schema.</summary>
public sealed record PinnedForm(string FormId, int? Version, JsonNode? Schema, JsonNode? UiSchema);

/// <summary>A bookmark the application waits at (a task, a publicity, a timer).</summary>
public sealed record WaitingPoint(string? Stage, string? StageName, string Kind, string? Title, string? Org, string? Role, string? DueDate);

public sealed record TimelineAssignee(string Org, string Role, string? ResolvedOrg);

/// <summary>
/// One step of the journal: who did what at which stage, and what the step's form said (Details): for the applicant the
/// opinion, the itemised correction list (一次性告知) with its deadline, and their own reply and attachments; for
/// reviewers of later steps everything the step recorded (opinions, scores, vote counts, attachments).
/// </summary>
public sealed record TimelineEntry(
    string Stage, string? StageName, string ActivityId, string? Title, TimelineAssignee Assignee, string Action, string ActionName,
    string Date, string? Actor, string? Comment, IReadOnlyList<string>? Reasons, JsonObject? Details = null)
{
    /// <summary>The actor's display name and, for staff, their organisation (Actor stays the user name).</summary>
    public string? ActorName { get; init; }
    public string? ActorOrg { get; init; }
    /// <summary>The committee session that recorded a vote, and its name: committee and date.</summary>
    public string? SessionId { get; init; }
    public string? SessionName { get; init; }
}

/// <summary>A task in an inbox or on an application.</summary>
public sealed record TaskSummary(
    string Id, string ApplicationId, string ApplicantName, string WorkflowName, string DefinitionId, string Stage, string? StageName,
    string Title, string Org, string? ResolvedOrg, string Role, IReadOnlyList<string> Actions, string? Form, string? DueDate, DateTime CreatedAt,
    bool IsOpen, string? ClosedAction, string? ClosedBy, DateTime? ClosedAt, string? AssignedUser = null, string? ClaimedBy = null, DateTime? ClaimedAt = null)
{
    /// <summary>Who closed the task, by their display name (the task page; ClosedBy stays the user name).</summary>
    public string? ClosedByName { get; init; }
}

public static class ApplicationDtos
{
    public static ApplicationSummary Summary(ApplicationRecord a, IEnumerable<TaskRecord>? openTasks = null) => new(
        a.Id, a.Status, a.DefinitionId, a.DefinitionVersion, a.WorkflowName, a.Locality, a.ApplicantName, a.Kind, a.Series, a.Level,
        a.CreatedAt, a.UpdatedAt,
        openTasks?.Where(t => t.ApplicationId == a.Id).Select(t => t.Stage).Distinct().ToList() ?? []);

    /// <summary>
    /// The application as its viewer sees it, its journal read from its rows; <paramref name="known"/>: its state as the
    /// request already holds it (not parsed again); <paramref name="forReviewer"/>: staff see all each step recorded
    /// (scores, votes), the applicant what they are told.
    /// </summary>
    public static async Task<ApplicationDetail> DetailAsync(Persistence.DesignerDbContext db, ApplicationRecord a, IEnumerable<TaskRecord> pendingForViewer,
        VocabularySet names, WorkflowInstanceState? known = null, bool forReviewer = false)
    {
        var state = known ?? (a.StateJson is null ? null : WorkflowInstanceState.FromJson(a.StateJson));
        var journal = state is null ? [] : await StoredJournal.ReadAsync(db, a.Id, state);
        return Detail(a, pendingForViewer, names, state, journal, dataFromState: known is not null, forReviewer);
    }

    /// <summary>The application with its state and whole journal as the caller read them.</summary>
    public static ApplicationDetail Detail(ApplicationRecord a, IEnumerable<TaskRecord> pendingForViewer, VocabularySet names, WorkflowInstanceState? state,
        IReadOnlyList<JournalEntry> journal, bool dataFromState = false, bool forReviewer = false) => new(
            a.Id, a.Status, state?.Reason, a.DefinitionId, a.DefinitionVersion, a.WorkflowName, a.Locality, a.ApplicantName,
            dataFromState && state is not null ? state.Application.DeepClone() : JsonNode.Parse(a.DataJson),
            Timeline(journal, names, forReviewer),
            pendingForViewer.Select(t => TaskDtos.Summary(t, names)).ToList(),
            state?.Bookmarks.Select(b => new WaitingPoint(
                b.Stage, StageName(b.Stage, names), b.Kind, StepTitles.Of(b.Payload["title"]?.ToString(), b.ActivityId, b.Stage, names), b.Org, b.Role,
                b.Kind == BookmarkKinds.Publicity ? b.Payload["endDate"]?.ToString()
                    : b.Payload["dueDate"]?.ToString() ?? (b.DueAt is { } due ? ChinaTime.DateOf(due).ToString("yyyy-MM-dd") : null))).ToList(),
            state?.Granted,
            state?.Notifications,
            a.CreatedAt, a.UpdatedAt);

    /// <summary>The first entry is the application itself (shown as the application's data), so it carries no details.</summary>
    public static List<TimelineEntry> Timeline(IReadOnlyList<JournalEntry> journal, VocabularySet names, bool forReviewer = false) => journal.Select((entry, index) => new TimelineEntry(
        entry.Stage, StageName(entry.Stage, names), entry.ActivityId, StepTitles.Of(entry.ActivityName, entry.ActivityId, entry.Stage, names),
        new TimelineAssignee(entry.Assignee.Org, entry.Assignee.Role, entry.Assignee.ResolvedOrg),
        entry.Action, names.Name("actions", entry.Action),
        entry.Date, entry.Actor, entry.Comment, entry.Reasons, index == 0 ? null : StepDetails.Of(entry.Data, forReviewer))
    {
        SessionId = (entry.Data as JsonObject)?["sessionId"]?.GetValueKind() == JsonValueKind.String ? entry.Data!["sessionId"]!.GetValue<string>() : null,
    }).ToList();

    /// <summary>The apply form of the loaded (pinned) workflow version, or null when it has none.</summary>
    public static PinnedForm? ApplyFormOf(ApplicationRunner.Loaded loaded) =>
        Forms.FormCatalogs.ApplyForm(loaded.Definition) is { } formId && loaded.Forms.Exists(formId)
            ? new PinnedForm(formId, Forms.FormCatalogs.ParsePins(loaded.Version.FormPins).TryGetValue(formId, out var version) ? version : null,
                loaded.Forms.GetSchema(formId), loaded.Forms.GetUiSchema(formId))
            : null;

    public static string? StageName(string? stage, VocabularySet names) => stage is null ? null : names.Name("stages", stage);
}

public static class TaskDtos
{
    public static TaskSummary Summary(TaskRecord t, VocabularySet names) => new(
        t.Id, t.ApplicationId, t.ApplicantName, t.WorkflowName, t.DefinitionId, t.Stage, ApplicationDtos.StageName(t.Stage, names),
        StepTitles.Of(t.Title, t.ActivityId, t.Stage, names, t.ActivityType), t.Org,
        t.ResolvedOrg, t.Role, JsonSerializer.Deserialize<List<string>>(t.ActionsJson) ?? [], t.Form, t.DueDate, t.CreatedAt, t.IsOpen, t.ClosedAction, t.ClosedBy, t.ClosedAt,
        t.AssignedUser, t.ClaimedBy, t.ClaimedAt);
}
