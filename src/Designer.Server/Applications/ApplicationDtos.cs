using System.Text.Json.Nodes;
using Designer.Engine.Domain;
using Designer.Engine.Runtime;
using Designer.Persistence.Entities;

namespace Designer.Server.Applications;

public static class ApplicationDtos
{
    public static object Summary(ApplicationRecord a, IEnumerable<TaskRecord>? openTasks = null) => new
    {
        id = a.Id, status = a.Status, definitionId = a.DefinitionId, definitionVersion = a.DefinitionVersion, workflowName = a.WorkflowName,
        locality = a.Locality, applicantName = a.ApplicantName, kind = a.Kind, series = a.Series, level = a.Level,
        createdAt = a.CreatedAt, updatedAt = a.UpdatedAt,
        currentStages = openTasks?.Where(t => t.ApplicationId == a.Id).Select(t => t.Stage).Distinct().ToList() ?? [],
    };

    public static object Detail(ApplicationRecord a, IEnumerable<TaskRecord> pendingForViewer)
    {
        var state = a.StateJson is null ? null : WorkflowInstanceState.FromJson(a.StateJson);
        return new
        {
            id = a.Id, status = a.Status, reason = state?.Reason, definitionId = a.DefinitionId, definitionVersion = a.DefinitionVersion,
            workflowName = a.WorkflowName, locality = a.Locality, applicantName = a.ApplicantName,
            data = JsonNode.Parse(a.DataJson),
            timeline = state is null ? [] : Timeline(state),
            pendingTasks = pendingForViewer.Select(TaskDtos.Summary).ToList(),
            waitingAt = state?.Bookmarks.Select(b => new
            {
                stage = b.Stage, stageName = StageName(b.Stage), kind = b.Kind, title = b.Payload["title"]?.ToString(), org = b.Org, role = b.Role,
                dueDate = b.Kind == BookmarkKinds.Publicity ? b.Payload["endDate"]?.ToString()
                    : b.Payload["dueDate"]?.ToString() ?? (b.DueAt is { } due ? ChinaTime.DateOf(due).ToString("yyyy-MM-dd") : null),
            }).ToList(),
            granted = state?.Granted,
            notifications = state?.Notifications,
            createdAt = a.CreatedAt, updatedAt = a.UpdatedAt,
        };
    }

    public static List<object> Timeline(WorkflowInstanceState state) => state.Journal.Select(entry => (object)new
    {
        stage = entry.Stage, stageName = StageName(entry.Stage), activityId = entry.ActivityId, title = entry.ActivityName,
        assignee = new { org = entry.Assignee.Org, role = entry.Assignee.Role, resolvedOrg = entry.Assignee.ResolvedOrg },
        action = entry.Action, actionName = Vocabulary.Actions.GetValueOrDefault(entry.Action, entry.Action),
        date = entry.Date, actor = entry.Actor, comment = entry.Comment, reasons = entry.Reasons,
    }).ToList();

    public static string? StageName(string? stage) => stage is null ? null : Vocabulary.Stages.GetValueOrDefault(stage, stage);
}

public static class TaskDtos
{
    public static object Summary(TaskRecord t) => new
    {
        id = t.Id, applicationId = t.ApplicationId, applicantName = t.ApplicantName, workflowName = t.WorkflowName, definitionId = t.DefinitionId,
        stage = t.Stage, stageName = ApplicationDtos.StageName(t.Stage), title = t.Title, org = t.Org, resolvedOrg = t.ResolvedOrg, role = t.Role,
        actions = JsonNode.Parse(t.ActionsJson), form = t.Form, dueDate = t.DueDate, createdAt = t.CreatedAt, isOpen = t.IsOpen,
        closedAction = t.ClosedAction, closedBy = t.ClosedBy, closedAt = t.ClosedAt,
    };
}
