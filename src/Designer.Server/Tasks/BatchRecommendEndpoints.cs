using System.Text.Json.Nodes;
using Designer.Engine.Runtime;
using Designer.Persistence;
using Designer.Persistence.Entities;
using Designer.Server.Applications;
using Designer.Server.Auth;
using Designer.Server.Hosting;
using Designer.Server.Notifications;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.Tasks;

/// <summary>
/// taskIds in the unit's order; ranks (optional, one per task) the places in the unit's ranked list (1…n by default);
/// formData: the step's form, the same for every one (its `recommendationRank` is filled from the rank).
/// </summary>
public sealed record BatchRecommendRequest(IReadOnlyList<string>? TaskIds, IReadOnlyList<int>? Ranks, string? Action, JsonObject? FormData, string? Comment);

public sealed record BatchRecommendResult(string BatchId, string Action, IReadOnlyList<BatchRecommended> Items, IReadOnlyList<UnitQuota> Quotas);

public sealed record BatchRecommended(string TaskId, string ApplicationId, string ApplicantName, int Rank, string Status);

/// <summary>
/// A unit's ranked recommendation list (推荐名单): its open unit steps of one procedure acted on at once, all or none,
/// never beyond the unit's remaining quota. Each application keeps its rank and the batch in its history and audit.
/// </summary>
public static class BatchRecommendEndpoints
{
    public const int MaxBatch = 200;
    private const string RankField = "recommendationRank";

    public static void MapBatchRecommend(this RouteGroupBuilder tasks)
    {
        tasks.MapGet("/recommendation-quota", QuotaOf).Fails(422);
        tasks.MapPost("/batch-recommend", BatchRecommend).Fails(409, 422);
    }

    /// <summary>The remaining quota of each unit whose open unit steps of the procedure the caller acts on.</summary>
    private static async Task<Results<Ok<Paged<UnitQuota>>, ProblemHttpResult>> QuotaOf(string? procedure, HttpContext http, DesignerDbContext db)
    {
        if (string.IsNullOrEmpty(procedure)) return Problems.Invalid("$.procedure", "请指定申报流程 (procedure is required)");
        var user = http.CurrentUser();
        var tasks = (await TaskAccess.Candidates(db, user).AsNoTracking()
                .Where(t => t.IsOpen && t.DefinitionId == procedure && t.Org == RecommendationQuota.UnitOrg).ToListAsync())
            .Where(t => TaskAccess.IsAssignedTo(user, t)).ToList();
        var quotas = new List<UnitQuota>();
        foreach (var group in tasks.GroupBy(t => (t.Locality, Unit: RecommendationQuota.UnitOf(t))).Where(g => g.Key.Unit is not null).OrderBy(g => g.Key.Unit))
            quotas.Add(await RecommendationQuota.OfAsync(db, group.Key.Locality, procedure, group.Key.Unit!, []));
        return TypedResults.Ok(quotas.Page(1, Paging.MaxPageSize, q => q));
    }

    private static async Task<Results<Ok<BatchRecommendResult>, ProblemHttpResult>> BatchRecommend(BatchRecommendRequest request, HttpContext http,
        DesignerDbContext db, ApplicationRunner runner, NotificationCentre notifications)
    {
        var user = http.CurrentUser();
        var ids = request.TaskIds ?? [];
        if (ids.Count == 0) return Problems.Invalid("$.taskIds", "请至少选择一名推荐人选 (taskIds is empty)");
        if (ids.Count > MaxBatch) return Problems.Invalid("$.taskIds", $"一次最多推荐 {MaxBatch} 人 (at most {MaxBatch} tasks)");
        if (ids.Select((id, i) => (id, i)).GroupBy(x => x.id).FirstOrDefault(g => g.Count() > 1) is { } twice)
            return Problems.Invalid($"$.taskIds[{twice.Skip(1).First().i}]", "同一待办重复出现 (a task is listed twice)");
        if (string.IsNullOrEmpty(request.Action)) return Problems.Invalid("$.action", "请选择办理动作 (action is required)");
        var ranks = request.Ranks ?? [.. Enumerable.Range(1, ids.Count)];
        if (ranks.Count != ids.Count) return Problems.Invalid("$.ranks", $"排序须与待办一一对应：{ids.Count} 个待办，{ranks.Count} 个名次 (one rank per task)");
        if (ranks.ToList().FindIndex(r => r < 1) is var low and >= 0)
            return Problems.Invalid($"$.ranks[{low}]", "名次须为正整数 (a rank is 1 or more)");
        if (ranks.Select((r, i) => (r, i)).GroupBy(x => x.r).FirstOrDefault(g => g.Count() > 1) is { } tie)
            return Problems.Invalid($"$.ranks[{tie.Skip(1).First().i}]", $"名次 {tie.Key} 重复 (ranks must differ)");

        var found = await db.Tasks.Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id);
        var tasks = new List<TaskRecord>();
        for (var i = 0; i < ids.Count; i++)
        {
            var path = $"$.taskIds[{i}]";
            if (!found.TryGetValue(ids[i], out var task) || !TaskAccess.CanRead(user, task)) return Problems.Invalid(path, "找不到该待办 (no such task)");
            if (!TaskAccess.IsAssignedTo(user, task)) return Problems.Forbidden($"只读访问：不能办理 {task.ApplicantName} 的待办 (read-only access to {path})");
            if (task.ClaimedBy is { } holder && holder != user.UserName)
                return Problems.Conflict($"{task.ApplicantName} 的待办已由 {holder} 认领，整批未办理 (claimed by {holder}: {path})", new Dictionary<string, object?> { ["claimedBy"] = holder });
            if (!task.IsOpen) return Problems.Conflict($"{task.ApplicantName} 的待办已办理，整批未办理 (already acted on: {path})");
            if (task.Org != RecommendationQuota.UnitOrg) return Problems.Invalid(path, $"{task.ApplicantName} 的待办不是用人单位推荐步骤，不能批量推荐 (not a unit step)");
            if (task.DefinitionId != found[ids[0]].DefinitionId) return Problems.Invalid(path, $"推荐名单只能包含同一申报流程的人选：{task.ApplicantName} 属于「{task.WorkflowName}」 (one procedure per batch)");
            if (!(System.Text.Json.JsonSerializer.Deserialize<List<string>>(task.ActionsJson) ?? []).Contains(request.Action))
                return Problems.Invalid("$.action", $"{task.ApplicantName} 的待办不能执行该动作 (action {request.Action} is not offered by {path})");
            tasks.Add(task);
        }

        var quotas = new List<UnitQuota>();
        await using var transaction = await db.Database.BeginTransactionAsync(db.Database.IsPostgres() ? System.Data.IsolationLevel.ReadCommitted : System.Data.IsolationLevel.Serializable);
        if (db.Database.IsPostgres()) await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(4711002)");
        if (await QuotaRefusalAsync(db, tasks, request.Action, quotas) is { } exceeded) return exceeded;

        var batchId = $"batch-{Guid.NewGuid().ToString("N")[..10]}";
        // The unit's draft ranking the list was arranged in (who last ordered it, and when) goes into each audit entry.
        var draft = await RecommendationOrderEndpoints.DraftAsync(db, tasks[0]);
        var ordered = tasks.Zip(ranks).OrderBy(x => x.Second).ToList();
        var items = new List<BatchRecommended>();
        notifications.Held = true;
        foreach (var (task, rank) in ordered)
        {
            var application = await db.Applications.FirstAsync(a => a.Id == task.ApplicationId);
            var data = request.FormData?.DeepClone().AsObject() ?? new JsonObject();
            if (await HasRankFieldAsync(runner, application, task)) data[RankField] = rank;
            var comment = $"推荐名单第 {rank} 名（本批 {ordered.Count} 人，批次 {batchId}）" + (string.IsNullOrWhiteSpace(request.Comment) ? "" : $"：{request.Comment.Trim()}");
            try
            {
                await runner.ActAsync(application, task.BookmarkId, new ResumeInput(request.Action, data, user.UserName, comment),
                    new JsonObject
                    {
                        ["batchId"] = batchId, ["rank"] = rank, ["batchSize"] = ordered.Count,
                        ["orderSavedBy"] = draft?.UpdatedBy, ["orderSavedAt"] = draft?.UpdatedAt, ["orderRevision"] = draft?.Revision,
                    });
            }
            catch (ApiProblemException problem) when (problem.Result is ProblemHttpResult refused)
            {
                notifications.Held = false;
                var details = refused.ProblemDetails;
                return Problems.Problem(refused.StatusCode, details.Title ?? "校验未通过",
                    $"{task.ApplicantName}（第 {rank} 名）未能办理，整批未推荐 (nothing in the batch was saved): {details.Detail}",
                    new Dictionary<string, object?>(details.Extensions) { ["taskId"] = task.Id });
            }
            items.Add(new BatchRecommended(task.Id, application.Id, application.ApplicantName, rank, application.Status));
        }
        await transaction.CommitAsync();
        notifications.Held = false;
        await notifications.FlushAsync();
        return TypedResults.Ok(new BatchRecommendResult(batchId, request.Action, items, quotas));
    }

    /// <summary>
    /// 422 naming the unit, its quota and the count when recommending the tasks would take more places than the unit
    /// has left (each unit's quota is added to `quotas` when given).
    /// </summary>
    public static async Task<ProblemHttpResult?> QuotaRefusalAsync(DesignerDbContext db, IReadOnlyList<TaskRecord> tasks, string action, List<UnitQuota>? quotas = null)
    {
        if (action != RecommendationQuota.RecommendAction) return null;
        foreach (var unit in tasks.Where(t => t.Org == RecommendationQuota.UnitOrg).GroupBy(t => (t.Locality, t.DefinitionId, Unit: RecommendationQuota.UnitOf(t) ?? "")))
        {
            var applications = unit.Select(t => t.ApplicationId).Distinct().ToList();
            var quota = await RecommendationQuota.OfAsync(db, unit.Key.Locality, unit.Key.DefinitionId, unit.Key.Unit, applications);
            quotas?.Add(quota);
            if (quota.Remaining is not { } remaining || applications.Count <= remaining) continue;
            var count = applications.Count;
            return Problems.Problem(422, "超出推荐职数",
                $"{quota.UnitName ?? quota.Unit} 的推荐职数为 {quota.Posts} 人，已推荐 {quota.Used} 人，剩余 {remaining} 人，本次推荐 {count} 人，未予推荐 " +
                $"(recommending {count} exceeds the unit's remaining quota of {remaining})", new Dictionary<string, object?>
                {
                    ["quota"] = quota, ["count"] = count,
                    ["errors"] = new[] { new FieldProblem("$.taskIds", "/taskIds", $"超出剩余推荐职数 {remaining} 人：本次 {count} 人 (exceeds the remaining quota)") },
                });
        }
        return null;
    }

    private static async Task<bool> HasRankFieldAsync(ApplicationRunner runner, ApplicationRecord application, TaskRecord task)
    {
        if (task.Form is not { } formId) return false;
        var forms = (await runner.LoadAsync(application.DefinitionId, application.DefinitionVersion)).Forms;
        return forms.Exists(formId) && forms.GetSchema(formId)?["properties"]?[RankField] is not null;
    }
}
