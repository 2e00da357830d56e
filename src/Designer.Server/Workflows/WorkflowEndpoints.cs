using System.Text;
using System.Text.Json.Nodes;
using Designer.Engine.Model;
using Designer.Persistence;
using Designer.Server.Auth;
using Designer.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.Workflows;

public static class WorkflowEndpoints
{
    public static void MapWorkflows(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/workflows").WithTags("Workflows").RequireAuthorization(Policies.Staff);
        group.MapGet("/", List).Fails(422);
        group.MapGet("/{definitionId}", async (string definitionId, HttpContext http, WorkflowStore store) =>
        {
            await store.FindAsync(http.CurrentUser(), definitionId);
            return TypedResults.Ok(WorkflowDtos.Version(await store.VersionAsync(definitionId, null)));
        });
        group.MapGet("/{definitionId}/versions", async (string definitionId, int? page, int? pageSize, HttpContext http, WorkflowStore store) =>
        {
            await store.FindAsync(http.CurrentUser(), definitionId);
            return TypedResults.Ok(await store.VersionSummariesAsync(definitionId, page, pageSize));
        }).Fails(422).WithDescription("版本列表，最新的在前 (the versions, newest first).");
        group.MapGet("/{definitionId}/versions/{version:int}", async (string definitionId, int version, HttpContext http, WorkflowStore store) =>
        {
            await store.FindAsync(http.CurrentUser(), definitionId);
            return TypedResults.Ok(WorkflowDtos.Version(await store.VersionAsync(definitionId, version)));
        });
        group.MapGet("/{definitionId}/step-holders", async (string definitionId, string? activityId, int? version, int? page, int? pageSize,
            HttpContext http, WorkflowStore store, EngineHost.EngineHost engine, StepHolders holders) =>
        {
            await store.FindAsync(http.CurrentUser(), definitionId);
            var saved = await store.VersionAsync(definitionId, version);
            var steps = await holders.ForAsync(engine.Definition(saved.DefinitionId, saved.Version, saved.ConcurrencyToken, saved.Json));
            return TypedResults.Ok(steps.Where(s => string.IsNullOrEmpty(activityId) || s.ActivityId == activityId).Page(page, pageSize, s => s));
        }).Fails(404).WithDescription("每个办理步骤由谁承办：有效的承办人（至多 50 人，另计总数）和无人承办之处 (who holds each person step, and where nobody does).");
        group.MapGet("/{definitionId}/export", Export).Produces<JsonObject>(StatusCodes.Status200OK, "application/json");

        group.MapPost("/", async (JsonObject definition, HttpContext http, WorkflowStore store) =>
        {
            var created = await store.CreateAsync(http.CurrentUser(), definition);
            return TypedResults.Created($"/api/workflows/{created.DefinitionId}", WorkflowDtos.Version(created));
        }).Fails(409, 422);
        group.MapPut("/{definitionId}/draft", async (string definitionId, SaveDraftRequest request, HttpContext http, WorkflowStore store) =>
            TypedResults.Ok(WorkflowDtos.Version(await store.SaveDraftAsync(http.CurrentUser(), definitionId, request)))).Fails(409, 422);
        group.MapPost("/{definitionId}/publish", async Task<Results<Ok<WorkflowVersion>, ProblemHttpResult>> (string definitionId, HttpContext http, WorkflowStore store) =>
        {
            var request = await OptionalBody<PublishRequest>(http);
            var (version, problems) = await store.PublishAsync(http.CurrentUser(), definitionId, request?.Version);
            return problems.Count > 0 ? Problems.WorkflowProblems(problems) : TypedResults.Ok(WorkflowDtos.Version(version));
        })
            // The body is optional ({"version": N}, else the latest version), so it is read by hand and not declared as
            // an Accepts (which routing would require a Content-Type for).
            .WithDescription("请求体可省略；{\"version\": N} 发布指定版本，否则发布最新版本 (optional body: the version to publish, else the latest).")
            .Fails(400, 409, 422);
        group.MapPost("/{definitionId}/retract", async (string definitionId, HttpContext http, WorkflowStore store) =>
        {
            await store.RetractAsync(http.CurrentUser(), definitionId);
            return TypedResults.Ok(WorkflowDtos.Summary(await store.FindAsync(http.CurrentUser(), definitionId)));
        }).Fails(409);
        group.MapPost("/{definitionId}/revert/{version:int}", async (string definitionId, int version, HttpContext http, WorkflowStore store) =>
        {
            var copy = await store.RevertAsync(http.CurrentUser(), definitionId, version);
            return TypedResults.Created($"/api/workflows/{definitionId}/versions/{copy.Version}", WorkflowDtos.Version(copy));
        }).Fails(409);
        group.MapDelete("/{definitionId}/draft", async (string definitionId, HttpContext http, WorkflowStore store) =>
        {
            await store.DeleteDraftAsync(http.CurrentUser(), definitionId);
            return TypedResults.NoContent();
        }).Fails(409);
        group.MapPost("/import", async (JsonObject definition, HttpContext http, WorkflowStore store) =>
        {
            var (version, created, problems) = await store.ImportAsync(http.CurrentUser(), definition);
            return TypedResults.Created($"/api/workflows/{version.DefinitionId}/versions/{version.Version}",
                new ImportResult(version.DefinitionId, version.Version, created, problems.Select(Problems.ToDto).ToList()));
        }).Fails(409, 422);
        group.MapPost("/{definitionId}/clone", async (string definitionId, CloneRequest request, HttpContext http, WorkflowStore store) =>
        {
            var clone = await store.CloneAsync(http.CurrentUser(), definitionId, request);
            return TypedResults.Created($"/api/workflows/{clone.DefinitionId}", WorkflowDtos.Version(clone));
        }).Fails(409, 422);
        group.MapPost("/validate", async (JsonObject definition, WorkflowStore store) =>
            TypedResults.Ok(new ValidationResult((await store.ValidateAsync(WorkflowStore.Parse(definition))).Select(Problems.ToDto).ToList()))).Fails(422);
    }

    private static async Task<Ok<Paged<WorkflowSummary>>> List(string? locality, string? status, int? page, int? pageSize, HttpContext http, DesignerDbContext db)
    {
        var user = http.CurrentUser();
        var query = db.Workflows.AsNoTracking();
        if (!string.IsNullOrEmpty(locality)) query = query.Where(w => w.Locality == locality);
        var records = await query.OrderBy(w => w.Locality).ThenBy(w => w.DefinitionId).ToListAsync();
        // Readability and status are rules of their own (not SQL): filtered here, then paged; upstream is checked for the page only.
        var listed = records
            .Where(w => user.CanReadDefinitionsOf(w.Locality))
            .Where(w => string.IsNullOrEmpty(status) || WorkflowDtos.StatusOf(w) == status)
            .Page(page, pageSize, w => w);
        var upstreamChanged = await Audit.Upstream.ChangedAsync(db, listed.Items);
        return TypedResults.Ok(new Paged<WorkflowSummary>(listed.Items.Select(w => WorkflowDtos.Summary(w, upstreamChanged.Contains(w.DefinitionId))).ToList(),
            listed.Total, listed.Page, listed.PageSize));
    }

    private static async Task<FileContentHttpResult> Export(string definitionId, int? version, HttpContext http, WorkflowStore store)
    {
        await store.FindAsync(http.CurrentUser(), definitionId);
        var json = WorkflowDtos.ElsaJson(await store.VersionAsync(definitionId, version));
        return TypedResults.File(Encoding.UTF8.GetBytes(JsonText.Write(json)), "application/json", $"{definitionId}.json");
    }

    /// <summary>A body that may be absent; present but malformed is still a 400.</summary>
    public static async Task<T?> OptionalBody<T>(HttpContext http) where T : class
    {
        if (http.Request.ContentLength is 0 or null && !http.Request.Headers.TransferEncoding.Any()) return null;
        try { return await http.Request.ReadFromJsonAsync<T>(); }
        catch (System.Text.Json.JsonException e) { throw new BadHttpRequestException($"JSON 无效或类型不符: {e.Message}", 400, e); }
        catch (InvalidOperationException e) { throw new BadHttpRequestException($"请求体须为 JSON: {e.Message}", 415, e); }
    }
}
