using System.Text.Json.Nodes;
using Designer.Engine.Model;
using Designer.Engine.Runtime;
using Designer.Persistence.Entities;

namespace Designer.Server.Applications;

public static class TaskRows
{
    public static string IdOf(string applicationId, string bookmarkId) => $"{applicationId}-{bookmarkId}";

    public static TaskRecord From(ApplicationRecord application, Bookmark bookmark, DateTime now, string activityType)
    {
        var payload = bookmark.Payload;
        return new TaskRecord
        {
            Id = IdOf(application.Id, bookmark.Id), ApplicationId = application.Id, DefinitionId = application.DefinitionId, BookmarkId = bookmark.Id,
            ActivityId = bookmark.ActivityId, ActivityType = activityType, Kind = bookmark.Kind, Locality = application.Locality,
            Stage = bookmark.Stage ?? "", Title = payload["title"].AsString() ?? bookmark.ActivityId, Org = bookmark.Org ?? "",
            ResolvedOrg = payload["resolvedOrg"].AsString(), Role = bookmark.Role ?? "", Committee = NullIfEmpty(payload["committee"].AsString()),
            ActionsJson = (payload["actions"] as JsonArray)?.ToJsonString() ?? "[]", Form = NullIfEmpty(bookmark.Form),
            DueDate = bookmark.Kind == BookmarkKinds.Publicity ? payload["endDate"].AsString() : payload["dueDate"].AsString()
                ?? bookmark.DueAt?.ToString("yyyy-MM-dd"),
            StartDate = payload["startDate"].AsString(), Subject = NullIfEmpty(payload["subject"].AsString()),
            ApplicantUserId = application.ApplicantUserId, ApplicantName = application.ApplicantName, WorkflowName = application.WorkflowName,
            CreatedAt = bookmark.CreatedAt.UtcDateTime < now ? bookmark.CreatedAt.UtcDateTime : now,
        };
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
