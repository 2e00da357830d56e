using System.Text;
using System.Text.Json.Nodes;
using Designer.Engine.Model;
using Designer.Persistence;
using Designer.Server.Auth;
using Designer.Server.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.Workflows;

public static class WorkflowEndpoints
{
    public static void MapWorkflows(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/workflows").WithTags("Workflows").RequireAuthorization(Policies.Staff);
        group.MapGet("/", List);
        group.MapGet("/{definitionId}", async (string definitionId, HttpContext http, WorkflowStore store) =>
        {
            await store.FindAsync(http.CurrentUser(), definitionId);
            return Results.Ok(WorkflowDtos.Version(await store.VersionAsync(definitionId, null)));
        });
        group.MapGet("/{definitionId}/versions", async (string definitionId, HttpContext http, WorkflowStore store) =>
        {
            await store.FindAsync(http.CurrentUser(), definitionId);
            return Results.Ok((await store.VersionsAsync(definitionId)).Select(WorkflowDtos.VersionSummary));
        });
        group.MapGet("/{definitionId}/versions/{version:int}", async (string definitionId, int version, HttpContext http, WorkflowStore store) =>
        {
            await store.FindAsync(http.CurrentUser(), definitionId);
            return Results.Ok(WorkflowDtos.Version(await store.VersionAsync(definitionId, version)));
        });
        group.MapGet("/{definitionId}/export", Export);

        group.MapPost("/", async (JsonObject definition, HttpContext http, WorkflowStore store) =>
        {
            var created = await store.CreateAsync(http.CurrentUser(), definition);
            return Results.Created($"/api/workflows/{created.DefinitionId}", WorkflowDtos.Version(created));
        });
        group.MapPut("/{definitionId}/draft", async (string definitionId, SaveDraftRequest request, HttpContext http, WorkflowStore store) =>
            Results.Ok(WorkflowDtos.Version(await store.SaveDraftAsync(http.CurrentUser(), definitionId, request))));
        group.MapPost("/{definitionId}/publish", async (string definitionId, HttpContext http, WorkflowStore store) =>
        {
            var request = await OptionalBody<PublishRequest>(http);
            var (version, problems) = await store.PublishAsync(http.CurrentUser(), definitionId, request?.Version);
            return problems.Count > 0 ? Problems.WorkflowProblems(problems) : Results.Ok(WorkflowDtos.Version(version));
        });
        group.MapPost("/{definitionId}/retract", async (string definitionId, HttpContext http, WorkflowStore store) =>
        {
            await store.RetractAsync(http.CurrentUser(), definitionId);
            return Results.Ok(WorkflowDtos.Summary(await store.FindAsync(http.CurrentUser(), definitionId)));
        });
        group.MapPost("/{definitionId}/revert/{version:int}", async (string definitionId, int version, HttpContext http, WorkflowStore store) =>
        {
            var copy = await store.RevertAsync(http.CurrentUser(), definitionId, version);
            return Results.Created($"/api/workflows/{definitionId}/versions/{copy.Version}", WorkflowDtos.Version(copy));
        });
        group.MapDelete("/{definitionId}/draft", async (string definitionId, HttpContext http, WorkflowStore store) =>
        {
            await store.DeleteDraftAsync(http.CurrentUser(), definitionId);
            return Results.NoContent();
        });
        group.MapPost("/import", async (JsonObject definition, HttpContext http, WorkflowStore store) =>
        {
            var (version, created, problems) = await store.ImportAsync(http.CurrentUser(), definition);
            return Results.Created($"/api/workflows/{version.DefinitionId}/versions/{version.Version}", new
            {
                definitionId = version.DefinitionId, version = version.Version, created, problems = problems.Select(Problems.ToDto),
            });
        });
        group.MapPost("/{definitionId}/clone", async (string definitionId, CloneRequest request, HttpContext http, WorkflowStore store) =>
        {
            var clone = await store.CloneAsync(http.CurrentUser(), definitionId, request);
            return Results.Created($"/api/workflows/{clone.DefinitionId}", WorkflowDtos.Version(clone));
        });
        group.MapPost("/validate", async (JsonObject definition, WorkflowStore store) =>
            Results.Ok(new { problems = (await store.ValidateAsync(WorkflowStore.Parse(definition))).Select(Problems.ToDto) }));
    }

    private static async Task<IResult> List(string? locality, string? status, HttpContext http, DesignerDbContext db)
    {
        var user = http.CurrentUser();
        var query = db.Workflows.AsNoTracking();
        if (!string.IsNullOrEmpty(locality)) query = query.Where(w => w.Locality == locality);
        var records = await query.OrderBy(w => w.Locality).ThenBy(w => w.DefinitionId).ToListAsync();
        var upstreamChanged = await Audit.Upstream.ChangedAsync(db, records);
        return Results.Ok(records
            .Where(w => user.CanReadDefinitionsOf(w.Locality))
            .Where(w => string.IsNullOrEmpty(status) || WorkflowDtos.StatusOf(w) == status)
            .Select(w => WorkflowDtos.Summary(w, upstreamChanged.Contains(w.DefinitionId))));
    }

    private static async Task<IResult> Export(string definitionId, int? version, HttpContext http, WorkflowStore store)
    {
        await store.FindAsync(http.CurrentUser(), definitionId);
        var json = WorkflowDtos.ElsaJson(await store.VersionAsync(definitionId, version));
        return Results.File(Encoding.UTF8.GetBytes(JsonText.Write(json)), "application/json", $"{definitionId}.json");
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
