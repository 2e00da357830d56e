using System.Text.Json.Nodes;
using Designer.Engine.Simulation;
using Designer.Persistence;
using Designer.Persistence.Entities;
using Designer.Server.Auth;
using Designer.Server.Forms;
using Designer.Server.Hosting;
using Designer.Server.Workflows;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.Audit;

public sealed record ReplayRequest(string? DefinitionId, int? FromVersion, int? ToVersion, JsonObject? Case, string? ApplicationId);

/// <summary>
/// The case run on both versions: each side's result, the first step where their paths part, and whether the outcome
/// changed. source: "case" (given) or "application" (a saved application's data and answers).
/// </summary>
public sealed record ReplayComparison(
    string DefinitionId, int FromVersion, int ToVersion, string Source, string? ApplicationId, JsonObject Case,
    SimulationResult From, SimulationResult To, Divergence? Divergence, bool OutcomeChanged, string Summary);

/// <summary>
/// Runs one case (or a saved application's data and answers) against two versions of a definition and says where
/// their paths part and how the outcome differs. A simulation: no application is read for writing or changed.
/// </summary>
public static class ReplayEndpoints
{
    public static void MapReplay(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/replay", Replay).WithTags("Auditing").RequireAuthorization(Policies.Simulate).Fails(404, 422);

    private static async Task<Results<Ok<ReplayComparison>, ProblemHttpResult>> Replay(ReplayRequest request, HttpContext http, DesignerDbContext db, WorkflowStore store,
        EngineHost.EngineHost host, FormCatalogs catalogs)
    {
        var user = http.CurrentUser();
        var application = await ApplicationAsync(request.ApplicationId, user, db);
        var definitionId = request.DefinitionId ?? application?.DefinitionId;
        if (string.IsNullOrEmpty(definitionId)) return Problems.Invalid("$.definitionId", "请指定流程 (definitionId is required)");
        if (application is not null && application.DefinitionId != definitionId)
            return Problems.Invalid("$.applicationId", $"申报 {application.Id} 不是按流程 {definitionId} 办理的 (the application runs another workflow)");
        await store.FindAsync(user, definitionId);
        var fromNumber = request.FromVersion ?? application?.DefinitionVersion;
        if (fromNumber is null) return Problems.Invalid("$.fromVersion", "请指定比较的起始版本 (fromVersion is required)");
        var from = await store.VersionAsync(definitionId, fromNumber);
        var to = await store.VersionAsync(definitionId, request.ToVersion);

        JsonObject caseJson;
        if (request.Case is not null) caseJson = (JsonObject)request.Case.DeepClone();
        else if (application is not null) caseJson = await ReplayCases.FromApplicationAsync(db, application);
        else return Problems.Invalid("$.case", "请提供模拟案例 case 或申报 applicationId (case or applicationId is required)");
        caseJson["workflow"] = new JsonObject { ["definitionId"] = definitionId, ["version"] = to.Version };
        SimulationCase @case;
        try { @case = SimulationCase.From(caseJson); }
        catch (SimulationCaseException e) { return Problems.Invalid("$.case" + e.Path.TrimStart('$'), e.Message); }

        // One simulator runs both versions: with the forms the newer side runs with (its pins, else the published forms).
        var simulator = new Simulator(host.Calendar, host.Scripts, await catalogs.PinnedAsync(db, to.FormPins), host.Registry) { CalendarInForce = host.CalendarInForce };
        var result = new Replay(simulator).Compare(@case,
            host.Definition(from.DefinitionId, from.Version, from.ConcurrencyToken, from.Json),
            host.Definition(to.DefinitionId, to.Version, to.ConcurrencyToken, to.Json));
        return TypedResults.Ok(new ReplayComparison(
            definitionId, from.Version, to.Version,
            application is null ? "case" : "application", application?.Id, caseJson,
            result.From, result.To, result.Divergence, result.OutcomeChanged, result.Summary));
    }

    private static async Task<ApplicationRecord?> ApplicationAsync(string? id, CurrentUser user, DesignerDbContext db)
    {
        if (string.IsNullOrEmpty(id)) return null;
        var application = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id);
        if (application is null || !user.CanOverseeLocality(application.Locality))
            throw new ApiProblemException(Problems.NotFound("找不到该申报 (no such application)"));
        return application;
    }
}
