using Designer.Server.World;
using System.Text.Json.Nodes;
using Designer.Engine.Activities.Titles;
using Designer.Engine.Domain;
using Designer.Engine.Runtime;
using Designer.Persistence;
using Designer.Persistence.Entities;
using Designer.Server.Applications;
using Designer.Server.Audit;
using Designer.Server.Auth;
using Designer.Server.Hosting;
using Designer.Server.Notifications;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.Operations;

/// <summary>
/// The operations console: every submitted application with where it waits, for how long and, when it cannot move on,
/// why; and the operator's actions on it, each with a reason and an audit entry. Policy admin: all localities;
/// locality admin: their own; auditor: read only. Other localities' applications answer 404.
/// </summary>
public static class OperationsEndpoints
{
    public const string StuckStatus = "Stuck";

    public static void MapOperations(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/operations").WithTags("Operations");
        group.MapGet("/instances", List).RequireAuthorization(Policies.Staff).Fails(422);
        group.MapGet("/instances/{id}", One).RequireAuthorization(Policies.Staff);
        group.MapPost("/instances/{id}/retry", Retry).RequireAuthorization(Policies.Operate).Fails(409, 422);
        group.MapPost("/instances/{id}/cancel", Cancel).RequireAuthorization(Policies.Operate).Fails(409, 422);
        group.MapPost("/instances/{id}/move", Move).RequireAuthorization(Policies.Operate).Fails(409, 422);
        group.MapPost("/tasks/{taskId}/reassign", Reassign).RequireAuthorization(Policies.Operate).Fails(409, 422);
        app.MapPost("/api/applications/{id}/withdraw", Withdraw).WithTags("Applications").RequireAuthorization(Policies.Applicant).Fails(409, 422);
    }

    private static async Task<Results<Ok<Paged<OperationsInstance>>, ProblemHttpResult>> List(string? status, string? stage, string? locality, int? waitingDays, string? q,
        int? page, int? pageSize, HttpContext http, DesignerDbContext db, IClock clock)
    {
        var user = http.CurrentUser();
        if (waitingDays is < 0) return Problems.Invalid("$.waitingDays", "waitingDays 不能为负数 (days waited, 0 or more)");
        var query = db.Applications.AsNoTracking().Where(a => a.Status != ApplicationRunner.DraftStatus);
        if (!user.SeesEverything) query = query.Where(a => a.Locality == user.Locality);
        else if (!string.IsNullOrEmpty(locality)) query = query.Where(a => a.Locality == locality);
        if (status == StuckStatus) query = query.Where(a => a.Status == nameof(WorkflowStatus.Waiting));
        else if (!string.IsNullOrEmpty(status)) query = query.Where(a => a.Status == status);
        if (!string.IsNullOrEmpty(stage)) query = query.Where(a => db.Tasks.Any(t => t.ApplicationId == a.Id && t.IsOpen && t.Stage == stage));
        if (waitingDays is { } days)
        {
            var cutoff = clock.Now.UtcDateTime.AddDays(-days);
            query = query.Where(a => a.UpdatedAt <= cutoff);
        }
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            query = query.Where(a => a.ApplicantName.Contains(text) || a.Id.StartsWith(text));
        }
        var ordered = query.OrderBy(a => a.UpdatedAt).ThenBy(a => a.Id);
        if (status != StuckStatus)
        {
            var paged = await ordered.PageAsync(page, pageSize, a => a);
            return TypedResults.Ok(new Paged<OperationsInstance>(await RowsAsync(http.Vocabulary(), db, clock, paged.Items), paged.Total, paged.Page, paged.PageSize));
        }
        var stuck = (await RowsAsync(http.Vocabulary(), db, clock, await ordered.ToListAsync())).Where(r => r.Health == InstanceHealth.Stuck).ToList();
        return TypedResults.Ok(stuck.Page(page, pageSize, r => r));
    }

    private static async Task<Ok<OperationsInstance>> One(string id, HttpContext http, DesignerDbContext db, IClock clock) =>
        TypedResults.Ok(await RowAsync(http.Vocabulary(), db, clock, await FindAsync(db, http.CurrentUser(), id, track: false)));

    private static async Task<Results<Ok<OperationsInstance>, ProblemHttpResult>> Retry(string id, ReasonRequest request, HttpContext http, DesignerDbContext db,
        ApplicationRunner runner, IClock clock)
    {
        var user = http.CurrentUser();
        var application = await FindAsync(db, user, id);
        var reason = ReasonOf(request.Reason);
        if (application.Status != nameof(WorkflowStatus.Faulted))
            return Problems.Conflict($"申报当前状态为 {StatusName(application.Status)}，只有出现故障的申报可以重试 (only a faulted application can be retried)");
        var faulted = ApplicationRunner.StateOf(application).Fault?.ActivityId;
        if (string.IsNullOrEmpty(faulted)) return Problems.Conflict("找不到出错的步骤，请改用“移至步骤” (no faulted step recorded)");
        await runner.OperateAsync(application, user,
            new ApplicationRunner.Operation(AuditKinds.ApplicationRetry, reason, "重试故障步骤", new JsonObject { ["activityId"] = faulted }, "retried"),
            (engine, definition, state) => engine.RunFrom(definition, state, faulted));
        return TypedResults.Ok(await RowAsync(http.Vocabulary(), db, clock, application));
    }

    private static async Task<Results<Ok<OperationsInstance>, ProblemHttpResult>> Cancel(string id, ReasonRequest request, HttpContext http, DesignerDbContext db,
        ApplicationRunner runner, IClock clock)
    {
        var user = http.CurrentUser();
        var application = await FindAsync(db, user, id);
        var reason = ReasonOf(request.Reason);
        if (!IsLive(application)) return Problems.Conflict($"申报已 {StatusName(application.Status)}，不能再终止 (the application has ended)");
        await runner.OperateAsync(application, user,
            new ApplicationRunner.Operation(AuditKinds.ApplicationCancel, reason, "终止申报", [], "cancelled"),
            (engine, definition, state) => engine.Stop(definition, state, WorkflowStatus.Cancelled, $"由 {user.UserName} 终止：{reason}"));
        return TypedResults.Ok(await RowAsync(http.Vocabulary(), db, clock, application));
    }

    private static async Task<Results<Ok<OperationsInstance>, ProblemHttpResult>> Move(string id, MoveRequest request, HttpContext http, DesignerDbContext db,
        ApplicationRunner runner, EngineHost.EngineHost host, IClock clock)
    {
        var user = http.CurrentUser();
        var application = await FindAsync(db, user, id);
        var reason = ReasonOf(request.Reason);
        if (string.IsNullOrWhiteSpace(request.ToActivityId)) return Problems.Invalid("$.toActivityId", "请选择要移至的步骤 (toActivityId is required)");
        var definition = (await runner.LoadAsync(application.DefinitionId, application.DefinitionVersion)).Definition;
        if (!definition.ActivitiesById.TryGetValue(request.ToActivityId, out var node))
            return Problems.Invalid("$.toActivityId", $"流程 {application.DefinitionId} 第 {application.DefinitionVersion} 版中没有活动 “{request.ToActivityId}” (no such activity)");
        if (!IsStep(host, node))
            return Problems.Invalid("$.toActivityId", $"“{node.Label}” 不是办理步骤（人工步骤、评审表决或公示），不能移至该处 (not a step)");
        if (!IsLive(application)) return Problems.Conflict($"申报已 {StatusName(application.Status)}，不能再移动 (the application has ended)");
        await runner.OperateAsync(application, user,
            new ApplicationRunner.Operation(AuditKinds.ApplicationMove, reason, $"将申报移至“{node.Label}”",
                new JsonObject { ["toActivityId"] = node.Id, ["toStep"] = node.Label }, "moved"),
            (engine, def, state) => engine.RunFrom(def, state, node.Id));
        return TypedResults.Ok(await RowAsync(http.Vocabulary(), db, clock, application));
    }

    private static async Task<Results<Ok<OperationsInstance>, ProblemHttpResult>> Reassign(string taskId, ReassignRequest request, HttpContext http, DesignerDbContext db,
        ApplicationRunner runner, ApplicationAudit audit, NotificationCentre notifications, IClock clock)
    {
        var user = http.CurrentUser();
        var task = await db.Tasks.FirstOrDefaultAsync(t => t.Id == taskId);
        if (task is null || task.Kind != BookmarkKinds.Task || !user.CanOverseeLocality(task.Locality))
            throw new ApiProblemException(Problems.NotFound("找不到该待办 (no such task)"));
        var reason = ReasonOf(request.Reason);
        var (org, role, userName) = (Blank(request.Org), Blank(request.Role), Blank(request.UserName));
        if (org is null && role is null && userName is null)
            return Problems.Invalid("$.org", "请指定改派到的机构、角色或人员 (org, role or userName is required)");
        if (org is not null && !http.Vocabulary().IsOrganisation(org))
            return Problems.Invalid("$.org", $"机构 “{org}” 无效：应为 unit、county/hr、applicant 或 <地区>/<部门> (unknown organisation)");
        if (role is not null && !http.Vocabulary().Roles.ContainsKey(role))
            return Problems.Invalid("$.role", $"角色 “{role}” 不在词表中 (unknown role)");
        if (userName is not null)
        {
            var people = await ActiveUsers.LoadAsync(db, clock.Now, task.Locality);
            if (!people.Any(p => p.UserName == userName))
                return Problems.Invalid("$.userName", $"本地区没有在岗账号 “{userName}” (no active user of the task's locality)");
        }
        if (!task.IsOpen) return Problems.Conflict("该待办已办结，不能改派 (the task is closed)");

        var application = await db.Applications.FirstAsync(a => a.Id == task.ApplicationId);
        var before = new JsonObject { ["org"] = task.Org, ["role"] = task.Role, ["assignedUser"] = task.AssignedUser, ["claimedBy"] = task.ClaimedBy };
        if (org is not null && org != task.Org) (task.Org, task.ResolvedOrg) = (org, null);
        if (role is not null) task.Role = role;
        task.AssignedUser = userName;
        (task.ClaimedBy, task.ClaimedAt) = (null, null);
        KeepBookmarkInStep(application, task);
        audit.TaskChanged(application, task, user.UserName, AuditKinds.TaskReassign, $"改派待办给 {InstanceHealth.Assignee(task, http.Vocabulary())}", reason,
            new JsonObject { ["before"] = before });
        await notifications.TaskReassignedAsync(application, task);
        await runner.SaveTaskChangeAsync(application);
        return TypedResults.Ok(await RowAsync(http.Vocabulary(), db, clock, application));
    }

    /// <summary>The applicant ends their own application while it runs (status Withdrawn).</summary>
    private static async Task<Results<Ok<ApplicationDetail>, ProblemHttpResult>> Withdraw(string id, ReasonRequest request, HttpContext http, DesignerDbContext db,
        ApplicationRunner runner)
    {
        var user = http.CurrentUser();
        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == id && a.ApplicantUserId == user.Id)
            ?? throw new ApiProblemException(Problems.NotFound("找不到该申报 (no such application)"));
        var reason = ReasonOf(request.Reason);
        if (application.Status != nameof(WorkflowStatus.Waiting))
            return Problems.Conflict($"申报当前状态为 {StatusName(application.Status)}，只有办理中的申报可以撤回 (only a running application can be withdrawn)");
        await runner.OperateAsync(application, user,
            new ApplicationRunner.Operation(AuditKinds.ApplicationWithdraw, reason, "撤回申报", [], "withdrawn"),
            (engine, definition, state) => engine.Stop(definition, state, WorkflowStatus.Withdrawn, $"申报人撤回：{reason}"));
        return TypedResults.Ok(await ApplicationDtos.DetailAsync(db, application, [], http.Vocabulary()));
    }

    /// <summary>The bookmark in the saved state says the same as the task row (the application page shows it).</summary>
    private static void KeepBookmarkInStep(ApplicationRecord application, TaskRecord task)
    {
        var state = ApplicationRunner.StateOf(application);
        if (state.Bookmarks.FirstOrDefault(b => b.Id == task.BookmarkId) is not { } bookmark) return;
        bookmark.Payload["org"] = task.Org;
        bookmark.Payload["role"] = task.Role;
        bookmark.Payload["resolvedOrg"] = task.ResolvedOrg;
        bookmark.Payload["assignedUser"] = task.AssignedUser;
        application.StateJson = state.ToJson();
    }

    private static async Task<ApplicationRecord> FindAsync(DesignerDbContext db, CurrentUser user, string id, bool track = true)
    {
        var applications = track ? db.Applications : db.Applications.AsNoTracking();
        var application = await applications.FirstOrDefaultAsync(a => a.Id == id);
        if (application is null || application.Status == ApplicationRunner.DraftStatus || !user.CanOverseeLocality(application.Locality))
            throw new ApiProblemException(Problems.NotFound("找不到该申报 (no such application)"));
        return application;
    }

    private static async Task<OperationsInstance> RowAsync(VocabularySet names, DesignerDbContext db, IClock clock, ApplicationRecord application) =>
        (await RowsAsync(names, db, clock, [application])).Single();

    private static async Task<List<OperationsInstance>> RowsAsync(VocabularySet names, DesignerDbContext db, IClock clock, IReadOnlyList<ApplicationRecord> applications)
    {
        var ids = applications.Select(a => a.Id).ToList();
        var open = (await db.Tasks.AsNoTracking().Where(t => t.IsOpen && ids.Contains(t.ApplicationId)).ToListAsync()).ToLookup(t => t.ApplicationId);
        // All active users: a step may belong to an organisation of another locality (a regional bureau).
        var users = applications.Count == 0 ? [] : await ActiveUsers.LoadAsync(db, clock.Now);
        var now = clock.Now.UtcDateTime;
        return applications.Select(a =>
        {
            var state = a.StateJson is null ? null : WorkflowInstanceState.FromJson(a.StateJson);
            var tasks = open[a.Id].OrderBy(t => t.CreatedAt).ToList();
            var (health, why) = InstanceHealth.Of(a, state, tasks, users, names);
            var since = tasks.Count > 0 ? tasks.Min(t => t.CreatedAt) : a.UpdatedAt;
            return new OperationsInstance(a.Id, a.ApplicantName, a.WorkflowName, a.DefinitionId, a.DefinitionVersion, a.Locality, a.Status, health,
                tasks.Select(t => new OperationsStep(t.Kind == BookmarkKinds.Task ? t.Id : null, t.ActivityId, t.Kind, t.Stage, ApplicationDtos.StageName(t.Stage, names),
                    StepTitles.Of(t.Title, t.ActivityId, t.Stage, names, t.ActivityType), t.ResolvedOrg ?? t.Org, t.Role, names.Name("roles", t.Role), t.AssignedUser, t.ClaimedBy, t.DueDate)).ToList(),
                since, Math.Max(0, (int)(now - since).TotalDays), why, health == InstanceHealth.Faulted ? state?.Fault?.ActivityId : null, a.UpdatedAt);
        }).ToList();
    }

    private static bool IsStep(EngineHost.EngineHost host, Engine.Model.ActivityNode node)
    {
        try { return host.Registry.Create(node) is PersonStep or Publicity; }
        catch (Exception e) when (e is ActivityFaultException or ArgumentException or InvalidOperationException) { return false; }
    }

    private static bool IsLive(ApplicationRecord application) =>
        application.Status is nameof(WorkflowStatus.Waiting) or nameof(WorkflowStatus.Faulted);

    private static string ReasonOf(string? reason) => Blank(reason)
        ?? throw new ApiProblemException(Problems.Invalid("$.reason", "请填写操作原因 (reason is required)"));

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Whether an organisation code names a real organisation (rewired to the vocabulary tables at merge).</summary>

    private static string StatusName(string status) => status switch
    {
        "Waiting" => "办理中", "Completed" => "已通过", "Rejected" => "未通过", "Withdrawn" => "已撤回", "Faulted" => "故障",
        "Cancelled" => "已终止", _ => status,
    };
}
