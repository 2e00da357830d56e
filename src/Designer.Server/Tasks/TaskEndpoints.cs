using System.Text.Json.Nodes;
using Designer.Engine.Runtime;
using Designer.Persistence;
using Designer.Persistence.Entities;
using Designer.Server.Applications;
using Designer.Server.Audit;
using Designer.Server.Auth;
using Designer.Server.Hosting;
using Designer.Server.World;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.Tasks;

public sealed record ActRequest(string? Action, JsonNode? Data, string? Comment);

public static class TaskEndpoints
{
    public static void MapTasks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tasks").WithTags("Tasks").RequireAuthorization();
        group.MapGet("/", Inbox).Fails(422);
        group.MapGet("/{id}", Open);
        group.MapPost("/{id}/act", Act).Fails(409, 422);
        group.MapPost("/{id}/claim", Claim).Fails(409);
        group.MapPost("/{id}/unclaim", Unclaim).Fails(409);
        group.MapBatchRecommend();
        group.MapRecommendationOrder();
    }

    /// <summary>
    /// The caller's open tasks, one page at a time, soonest due first. q: applicant name or application number;
    /// due: "overdue" or "soon" (due within dueWithinDays, 3 by default); procedure: the definition id.
    /// </summary>
    private static async Task<Results<Ok<Paged<TaskSummary>>, ProblemHttpResult>> Inbox(string? stage, string? dueBefore, string? q, string? due, int? dueWithinDays,
        string? procedure, int? page, int? pageSize, HttpContext http, DesignerDbContext db, IClock clock)
    {
        var user = http.CurrentUser();
        var query = db.Tasks.AsNoTracking().Open();
        if (!string.IsNullOrEmpty(stage)) query = query.Where(t => t.Stage == stage);
        if (!string.IsNullOrEmpty(procedure)) query = query.Where(t => t.DefinitionId == procedure);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            query = query.Where(t => t.ApplicantName.Contains(text) || t.ApplicationId.StartsWith(text));
        }
        if (!string.IsNullOrEmpty(dueBefore))
        {
            if (!DateOnly.TryParseExact(dueBefore, "yyyy-MM-dd", out _)) return Problems.Invalid("$.dueBefore", "dueBefore 须为 yyyy-MM-dd 格式的日期");
            query = query.Where(t => t.DueDate != null && string.Compare(t.DueDate, dueBefore) <= 0);
        }
        var today = ChinaTime.DateOf(clock.Now);
        switch (due)
        {
            case null or "": break;
            case "overdue":
                var yesterday = today.AddDays(-1).ToString("yyyy-MM-dd");
                query = query.Where(t => t.DueDate != null && string.Compare(t.DueDate, yesterday) <= 0);
                break;
            case "soon":
                if (dueWithinDays is < 0 or > 366) return Problems.Invalid("$.dueWithinDays", "dueWithinDays 须在 0 到 366 之间 (days ahead)");
                var (from, until) = (today.ToString("yyyy-MM-dd"), today.AddDays(dueWithinDays ?? 3).ToString("yyyy-MM-dd"));
                query = query.Where(t => t.DueDate != null && string.Compare(t.DueDate, from) >= 0 && string.Compare(t.DueDate, until) <= 0);
                break;
            default: return Problems.Invalid("$.due", "due 须为 overdue（已逾期）或 soon（即将到期） (due is overdue or soon)");
        }
        var found = await InboxPage.ReadAsync(db, query, TaskFilters.ReadableParts(user), page, pageSize);
        // TaskFilters is CanRead as SQL; the check again here only guards against the two ever drifting apart.
        var names = http.Vocabulary();
        return TypedResults.Ok(new Paged<TaskSummary>(found.Items.Where(t => TaskAccess.CanRead(user, t)).Select(t => TaskDtos.Summary(t, names)).ToList(),
            found.Total, found.Page, found.PageSize));
    }

    /// <summary>Takes a task of a shared role for oneself: others see who holds it and cannot act on it until it is released.</summary>
    private static async Task<Results<Ok<TaskSummary>, ProblemHttpResult>> Claim(string id, HttpContext http, DesignerDbContext db, ApplicationRunner runner, ApplicationAudit audit, IClock clock)
    {
        var user = http.CurrentUser();
        var (task, application) = await WritableAsync(db, user, id);
        if (task.ClaimedBy is { } holder && holder != user.UserName)
            return Problems.Conflict($"该待办已由 {holder} 于 {task.ClaimedAt:yyyy-MM-dd HH:mm} 认领 (claimed by {holder})", new Dictionary<string, object?> { ["claimedBy"] = holder });
        if (task.ClaimedBy is null)
        {
            task.ClaimedBy = user.UserName;
            task.ClaimedAt = clock.Now.UtcDateTime;
            audit.TaskChanged(application, task, user.UserName, AuditKinds.TaskClaim, "认领待办", null);
            await runner.SaveTaskChangeAsync(application);
        }
        return TypedResults.Ok(TaskDtos.Summary(task, http.Vocabulary()));
    }

    private static async Task<Results<Ok<TaskSummary>, ProblemHttpResult>> Unclaim(string id, HttpContext http, DesignerDbContext db, ApplicationRunner runner, ApplicationAudit audit)
    {
        var user = http.CurrentUser();
        var (task, application) = await WritableAsync(db, user, id);
        if (task.ClaimedBy is { } holder && holder != user.UserName)
            return Problems.Conflict($"该待办由 {holder} 认领，只有认领人可以释放，或由管理员改派 (claimed by {holder})", new Dictionary<string, object?> { ["claimedBy"] = holder });
        if (task.ClaimedBy is not null)
        {
            task.ClaimedBy = null;
            task.ClaimedAt = null;
            audit.TaskChanged(application, task, user.UserName, AuditKinds.TaskUnclaim, "释放待办", null);
            await runner.SaveTaskChangeAsync(application);
        }
        return TypedResults.Ok(TaskDtos.Summary(task, http.Vocabulary()));
    }

    /// <summary>An open task the user is assigned to, tracked for writing, with its application (403 read-only, 409 closed).</summary>
    private static async Task<(TaskRecord Task, ApplicationRecord Application)> WritableAsync(DesignerDbContext db, CurrentUser user, string id)
    {
        var task = await db.Tasks.FirstOrDefaultAsync(t => t.Id == id);
        if (task is null || !TaskAccess.CanRead(user, task)) throw new ApiProblemException(Problems.NotFound("找不到该待办 (no such task)"));
        if (!TaskAccess.IsAssignedTo(user, task)) throw new ApiProblemException(Problems.Forbidden("只读访问：不能认领该待办 (read-only access to this task)"));
        if (!task.IsOpen) throw new ApiProblemException(Problems.Conflict("该待办已办结 (the task is closed)"));
        return (task, await db.Applications.FirstAsync(a => a.Id == task.ApplicationId));
    }

    private static async Task<Ok<TaskDetail>> Open(string id, HttpContext http, DesignerDbContext db, ApplicationRunner runner)
    {
        var user = http.CurrentUser();
        var task = await FindAsync(db, user, id);
        var application = await db.Applications.AsNoTracking().FirstAsync(a => a.Id == task.ApplicationId);
        var loaded = await runner.LoadAsync(application.DefinitionId, application.DefinitionVersion);
        var state = ApplicationRunner.StateOf(application);
        var journal = await StoredJournal.ReadAsync(db, application.Id, state);
        var detail = ApplicationDtos.Detail(application, [], http.Vocabulary(), state, journal) with { ApplyForm = ApplicationDtos.ApplyFormOf(loaded) };
        var timeline = ApplicationDtos.Timeline(journal, http.Vocabulary(), forReviewer: true);
        var names = await TimelineNames.LoadAsync(db, http.Vocabulary(), timeline.Select(e => e.Actor).Append(task.ClosedBy), timeline.Select(e => e.SessionId));
        return TypedResults.Ok(new TaskDetail(
            TaskDtos.Summary(task, http.Vocabulary()) with { ClosedByName = names.Actor(task.ClosedBy)?.DisplayName },
            task.IsOpen && TaskAccess.CanAct(user, task),
            state.Bookmarks.FirstOrDefault(b => b.Id == task.BookmarkId)?.Payload["instructions"]?.ToString(),
            names.Name(detail),
            names.Name(timeline),
            task.Form is { } formId && loaded.Forms.Exists(formId)
                ? new TaskForm(formId, loaded.Forms.GetSchema(formId), loaded.Forms.GetUiSchema(formId))
                : null));
    }

    private static async Task<Results<Ok<ApplicationDetail>, ProblemHttpResult>> Act(string id, ActRequest request, HttpContext http, DesignerDbContext db, ApplicationRunner runner)
    {
        var user = http.CurrentUser();
        var task = await FindAsync(db, user, id);
        if (!TaskAccess.IsAssignedTo(user, task)) return Problems.Forbidden("只读访问：不能办理该待办 (read-only access to this task)");
        if (task.ClaimedBy is { } holder && holder != user.UserName)
            return Problems.Conflict($"该待办已由 {holder} 认领，认领人释放或管理员改派后才能办理 (claimed by {holder})", new Dictionary<string, object?> { ["claimedBy"] = holder });
        if (!task.IsOpen)
            return Problems.Conflict($"该待办已于 {task.ClosedAt:yyyy-MM-dd HH:mm} 由 {task.ClosedBy} 办理（{task.ClosedAction}）(already acted on)");
        if (string.IsNullOrEmpty(request.Action)) return Problems.Invalid("$.action", "请选择办理动作 (action is required)");
        if (await BatchRecommendEndpoints.QuotaRefusalAsync(db, [task], request.Action) is { } exhausted) return exhausted;
        var application = await ActionQueries.Application(db, task.ApplicationId)
            ?? throw new ApiProblemException(Problems.NotFound("找不到该待办的申报 (the task's application is gone)"));
        var state = await runner.ActAsync(application, task.BookmarkId, new ResumeInput(request.Action, request.Data ?? new JsonObject(), user.UserName, request.Comment));
        return TypedResults.Ok(await ApplicationDtos.DetailAsync(db, application, runner.OpenTasks(application).Where(t => TaskAccess.CanAct(user, t)), http.Vocabulary(), state));
    }

    /// <summary>The task if the user may read it; 404 otherwise (also for another organisation's or locality's task).</summary>
    private static async Task<TaskRecord> FindAsync(DesignerDbContext db, CurrentUser user, string id)
    {
        var task = await ActionQueries.Task(db, id);
        if (task is null || !TaskAccess.CanRead(user, task)) throw new ApiProblemException(Problems.NotFound("找不到该待办 (no such task)"));
        return task;
    }
}
