using System.Text.Json.Nodes;
using Designer.Engine.Runtime;
using Designer.Persistence;
using Designer.Persistence.Entities;
using Designer.Server.Applications;
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
    }

    private static async Task<Results<Ok<List<TaskSummary>>, ProblemHttpResult>> Inbox(string? stage, string? dueBefore, HttpContext http, DesignerDbContext db)
    {
        var user = http.CurrentUser();
        var query = TaskAccess.Candidates(db, user).AsNoTracking().Where(t => t.IsOpen);
        if (!string.IsNullOrEmpty(stage)) query = query.Where(t => t.Stage == stage);
        if (!string.IsNullOrEmpty(dueBefore))
        {
            if (!DateOnly.TryParseExact(dueBefore, "yyyy-MM-dd", out _)) return Problems.Invalid("$.dueBefore", "dueBefore 须为 yyyy-MM-dd 格式的日期");
            query = query.Where(t => t.DueDate != null && string.Compare(t.DueDate, dueBefore) <= 0);
        }
        var tasks = (await query.ToListAsync()).Where(t => TaskAccess.CanRead(user, t))
            .OrderBy(t => t.DueDate ?? "9999").ThenBy(t => t.CreatedAt).ThenBy(t => t.Id, StringComparer.Ordinal);
        return TypedResults.Ok(tasks.Select(t => TaskDtos.Summary(t, http.Vocabulary())).ToList());
    }

    private static async Task<Ok<TaskDetail>> Open(string id, HttpContext http, DesignerDbContext db, ApplicationRunner runner)
    {
        var user = http.CurrentUser();
        var task = await FindAsync(db, user, id);
        var application = await db.Applications.AsNoTracking().FirstAsync(a => a.Id == task.ApplicationId);
        var loaded = await runner.LoadAsync(application.DefinitionId, application.DefinitionVersion);
        var state = ApplicationRunner.StateOf(application);
        return TypedResults.Ok(new TaskDetail(
            TaskDtos.Summary(task, http.Vocabulary()),
            task.IsOpen && TaskAccess.CanAct(user, task),
            state.Bookmarks.FirstOrDefault(b => b.Id == task.BookmarkId)?.Payload["instructions"]?.ToString(),
            ApplicationDtos.Detail(application, [], http.Vocabulary()),
            ApplicationDtos.Timeline(state, http.Vocabulary()),
            task.Form is { } formId && loaded.Forms.Exists(formId)
                ? new TaskForm(formId, loaded.Forms.GetSchema(formId), loaded.Forms.GetUiSchema(formId))
                : null));
    }

    private static async Task<Results<Ok<ApplicationDetail>, ProblemHttpResult>> Act(string id, ActRequest request, HttpContext http, DesignerDbContext db, ApplicationRunner runner)
    {
        var user = http.CurrentUser();
        var task = await FindAsync(db, user, id);
        if (!TaskAccess.CanAct(user, task)) return Problems.Forbidden("只读访问：不能办理该待办 (read-only access to this task)");
        if (!task.IsOpen)
            return Problems.Conflict($"该待办已于 {task.ClosedAt:yyyy-MM-dd HH:mm} 由 {task.ClosedBy} 办理（{task.ClosedAction}）(already acted on)");
        if (string.IsNullOrEmpty(request.Action)) return Problems.Invalid("$.action", "请选择办理动作 (action is required)");
        var application = await db.Applications.FirstAsync(a => a.Id == task.ApplicationId);
        await runner.ActAsync(application, task.BookmarkId, new ResumeInput(request.Action, request.Data ?? new JsonObject(), user.UserName, request.Comment));
        return TypedResults.Ok(ApplicationDtos.Detail(application, await ApplicationEndpoints.PendingForAsync(db, user, application.Id), http.Vocabulary()));
    }

    /// <summary>The task if the user may read it; 404 otherwise (also for another organisation's or locality's task).</summary>
    private static async Task<TaskRecord> FindAsync(DesignerDbContext db, CurrentUser user, string id)
    {
        var task = await db.Tasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id);
        if (task is null || !TaskAccess.CanRead(user, task)) throw new ApiProblemException(Problems.NotFound("找不到该待办 (no such task)"));
        return task;
    }
}
