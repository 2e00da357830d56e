using System.Text.Json;
using Designer.Persistence;
using Designer.Persistence.Entities;
using Designer.Server.Auth;
using Designer.Server.Hosting;
using Designer.Engine.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.Tasks;

/// <summary>taskIds: the unit's open unit steps of the procedure in rank order; revision: the order's revision the caller saw (409 when someone saved since).</summary>
public sealed record RecommendationOrderRequest(string? Procedure, IReadOnlyList<string>? TaskIds, long? Revision);

/// <summary>
/// A unit's draft ranking in one procedure: every open unit step the caller acts on, in rank order (the saved order
/// first; steps nobody has placed yet after it, soonest due first). `dropped` counts saved entries that are no longer
/// waiting at the unit (recommended, returned, withdrawn): they leave the list.
/// </summary>
public sealed record RecommendationOrder(string Procedure, string Unit, string? UnitName, IReadOnlyList<string> TaskIds,
    string? UpdatedBy, DateTime? UpdatedAt, long Revision, int Dropped);

/// <summary>
/// The order a unit arranges its 推荐名单 in, kept on the server as a draft until the list is recommended: it survives a
/// reload and every reviewer of the unit sees the same order.
/// </summary>
public static class RecommendationOrderEndpoints
{
    public static void MapRecommendationOrder(this RouteGroupBuilder tasks)
    {
        tasks.MapGet("/recommendation-order", OrderOf).Fails(422);
        tasks.MapPut("/recommendation-order", SaveOrder).Fails(403, 409, 422);
    }

    private static async Task<Results<Ok<Paged<RecommendationOrder>>, ProblemHttpResult>> OrderOf(string? procedure, HttpContext http, DesignerDbContext db)
    {
        if (string.IsNullOrEmpty(procedure)) return Problems.Invalid("$.procedure", "请指定申报流程 (procedure is required)");
        var user = http.CurrentUser();
        var orders = new List<RecommendationOrder>();
        foreach (var unit in (await OpenUnitStepsAsync(db, user, procedure)).GroupBy(t => (t.Locality, Unit: RecommendationQuota.UnitOf(t)!)).OrderBy(g => g.Key.Unit))
            orders.Add(await OrderAsync(db, procedure, unit.Key.Locality, unit.Key.Unit, [.. unit]));
        return TypedResults.Ok(orders.Page(1, Paging.MaxPageSize, o => o));
    }

    private static async Task<Results<Ok<RecommendationOrder>, ProblemHttpResult>> SaveOrder(RecommendationOrderRequest request, HttpContext http,
        DesignerDbContext db, IClock clock)
    {
        var user = http.CurrentUser();
        if (string.IsNullOrEmpty(request.Procedure)) return Problems.Invalid("$.procedure", "请指定申报流程 (procedure is required)");
        var ids = request.TaskIds ?? [];
        if (ids.Count == 0) return Problems.Invalid("$.taskIds", "推荐名单为空 (taskIds is empty)");
        if (ids.Count > BatchRecommendEndpoints.MaxBatch)
            return Problems.Invalid("$.taskIds", $"推荐名单最多 {BatchRecommendEndpoints.MaxBatch} 人 (at most {BatchRecommendEndpoints.MaxBatch} tasks)");
        if (ids.Select((id, i) => (id, i)).GroupBy(x => x.id).FirstOrDefault(g => g.Count() > 1) is { } twice)
            return Problems.Invalid($"$.taskIds[{twice.Skip(1).First().i}]", "同一待办重复出现 (a task is listed twice)");

        var found = await db.Tasks.AsNoTracking().Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id);
        string? locality = null, unit = null;
        for (var i = 0; i < ids.Count; i++)
        {
            var path = $"$.taskIds[{i}]";
            if (!found.TryGetValue(ids[i], out var task) || !TaskAccess.CanRead(user, task)) return Problems.Invalid(path, "找不到该待办 (no such task)");
            if (!TaskAccess.IsAssignedTo(user, task)) return Problems.Forbidden($"只读访问：不能排列 {task.ApplicantName} 的推荐名次 (read-only access to {path})");
            if (!task.IsOpen) return Problems.Conflict($"{task.ApplicantName} 的待办已办理，已不在推荐名单中，请刷新 (already acted on: {path})");
            if (task.Org != RecommendationQuota.UnitOrg || RecommendationQuota.UnitOf(task) is not { } taskUnit)
                return Problems.Invalid(path, $"{task.ApplicantName} 的待办不是用人单位推荐步骤 (not a unit step)");
            if (task.DefinitionId != request.Procedure)
                return Problems.Invalid(path, $"推荐名单只能包含同一申报流程的人选：{task.ApplicantName} 属于「{task.WorkflowName}」 (one procedure per list)");
            if (unit is not null && (taskUnit != unit || task.Locality != locality))
                return Problems.Invalid(path, $"推荐名单只能包含同一单位的人选：{task.ApplicantName} 属于 {taskUnit} (one unit per list)");
            (locality, unit) = (task.Locality, taskUnit);
        }

        var draft = await db.RecommendationDrafts.FirstOrDefaultAsync(d => d.Locality == locality && d.DefinitionId == request.Procedure && d.Unit == unit);
        if (draft is not null && request.Revision is { } seen && seen != draft.Revision)
            return Problems.Conflict(
                $"{draft.UpdatedBy} 已于 {new DateTimeOffset(draft.UpdatedAt).ToOffset(ChinaTime.Offset):yyyy-MM-dd HH:mm} 调整了推荐名单的顺序，请刷新后再排 (the order was changed by {draft.UpdatedBy} since you loaded it)",
                new Dictionary<string, object?> { ["updatedBy"] = draft.UpdatedBy, ["updatedAt"] = draft.UpdatedAt, ["revision"] = draft.Revision });
        if (draft is null)
        {
            draft = new RecommendationDraftRecord { Locality = locality!, DefinitionId = request.Procedure, Unit = unit! };
            db.RecommendationDrafts.Add(draft);
        }
        draft.TaskIdsJson = JsonSerializer.Serialize(ids);
        draft.UpdatedBy = user.UserName;
        draft.UpdatedAt = clock.Now.UtcDateTime;
        draft.Revision++;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            return Problems.Conflict("另一位审核人同时调整了推荐名单的顺序，请刷新后再排 (the order was saved by someone else at the same time)");
        }
        var open = await OpenUnitStepsAsync(db, user, request.Procedure);
        return TypedResults.Ok(await OrderAsync(db, request.Procedure, locality!, unit!, [.. open.Where(t => t.Locality == locality && RecommendationQuota.UnitOf(t) == unit)]));
    }

    /// <summary>The saved draft of the unit's list, if any (for the audit of a recommendation).</summary>
    public static Task<RecommendationDraftRecord?> DraftAsync(DesignerDbContext db, TaskRecord task) =>
        RecommendationQuota.UnitOf(task) is { } unit
            ? db.RecommendationDrafts.AsNoTracking().FirstOrDefaultAsync(d => d.Locality == task.Locality && d.DefinitionId == task.DefinitionId && d.Unit == unit)
            : Task.FromResult<RecommendationDraftRecord?>(null);

    private static async Task<List<TaskRecord>> OpenUnitStepsAsync(DesignerDbContext db, CurrentUser user, string procedure) =>
        (await TaskAccess.Candidates(db, user).AsNoTracking()
            .Where(t => t.IsOpen && t.DefinitionId == procedure && t.Org == RecommendationQuota.UnitOrg).ToListAsync())
        .Where(t => TaskAccess.IsAssignedTo(user, t) && RecommendationQuota.UnitOf(t) is not null).ToList();

    private static async Task<RecommendationOrder> OrderAsync(DesignerDbContext db, string procedure, string locality, string unit, IReadOnlyList<TaskRecord> open)
    {
        var draft = await db.RecommendationDrafts.AsNoTracking().FirstOrDefaultAsync(d => d.Locality == locality && d.DefinitionId == procedure && d.Unit == unit);
        var saved = draft is null ? [] : JsonSerializer.Deserialize<List<string>>(draft.TaskIdsJson) ?? [];
        var openIds = open.Select(t => t.Id).ToHashSet();
        var kept = saved.Where(openIds.Contains).ToList();
        var placed = kept.ToHashSet();
        var unplaced = open.Where(t => !placed.Contains(t.Id))
            .OrderBy(t => t.DueDate is null).ThenBy(t => t.DueDate, StringComparer.Ordinal).ThenBy(t => t.CreatedAt).Select(t => t.Id);
        var name = await db.Organisations.AsNoTracking().Where(o => o.Kind == "unit" && o.Locality == locality && (o.Id == unit || o.Name == unit))
            .Select(o => o.Name).FirstOrDefaultAsync();
        return new RecommendationOrder(procedure, unit, name, [.. kept, .. unplaced], draft?.UpdatedBy, draft?.UpdatedAt, draft?.Revision ?? 0, saved.Count - kept.Count);
    }
}
