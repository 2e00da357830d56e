using System.Text.Json.Nodes;
using Designer.Engine.Domain;
using Designer.Engine.Forms;
using Designer.Engine.Model;
using Designer.Engine.Simulation;
using Designer.Persistence;
using Designer.Server.Auth;
using Designer.Server.Forms;
using Designer.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Designer.Server.Simulation;

/// <summary>
/// contract.md's simulation over HTTP. Runs on its own simulated clock and touches no application. The result is
/// written as the CLI writes it (absent values left out), hence text with a declared SimulationResult schema.
/// </summary>
public static class SimulationEndpoints
{
    public static void MapSimulation(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/simulate", Simulate).WithTags("Simulation").RequireAuthorization(Policies.Simulate)
            .Produces<SimulationResult>(StatusCodes.Status200OK, "application/json").Fails(404, 422);

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Simulate(JsonObject body, HttpContext http, DesignerDbContext db, EngineHost.EngineHost host,
        FormCatalogs catalogs, IOptions<DesignerOptions> options)
    {
        var user = http.CurrentUser();
        SimulationCase @case;
        try { @case = SimulationCase.From(body); }
        catch (SimulationCaseException e) { return Problems.Invalid(e.Path, e.Message); }

        var (definition, forms) = await ResolveAsync(@case, user, db, host, catalogs, options.Value);
        if (!user.CanReadDefinitionsOf(definition.Locality)) return Problems.NotFound("找不到该流程");
        var result = new Simulator(host.Calendar, host.Scripts, forms, host.Registry) { CalendarInForce = host.CalendarInForce, Committees = host.Committees }.Run(@case, definition);
        return TypedResults.Text(result.ToJson(), "application/json; charset=utf-8");
    }

    private static async Task<(WorkflowDefinition, IFormCatalog)> ResolveAsync(SimulationCase @case, CurrentUser user, DesignerDbContext db,
        EngineHost.EngineHost host, FormCatalogs catalogs, DesignerOptions options)
    {
        if (@case.Workflow is JsonObject reference)
        {
            var id = reference["definitionId"].AsString() ?? "";
            var number = reference["version"] is JsonValue v && v.TryGetValue<int>(out var n) ? n : (int?)null;
            var workflow = await db.Workflows.AsNoTracking().FirstOrDefaultAsync(w => w.DefinitionId == id);
            if (workflow is null || !user.CanReadDefinitionsOf(workflow.Locality)) throw new ApiProblemException(Problems.NotFound("找不到该流程 (no such workflow)"));
            var version = await db.WorkflowVersions.AsNoTracking().FirstOrDefaultAsync(x => x.DefinitionId == id && x.Version == (number ?? workflow.LatestVersion))
                ?? throw new ApiProblemException(Problems.NotFound($"流程 {id} 没有版本 {number}"));
            return (host.Definition(version.DefinitionId, version.Version, version.ConcurrencyToken, version.Json),
                version.FormPins is null ? await catalogs.PublishedAsync(db) : await catalogs.PinnedAsync(db, version.FormPins));
        }
        var text = @case.WorkflowText ?? "";
        if (host.Vocabulary.IsWorkflowLocality(text))
        {
            if (!user.CanReadDefinitionsOf(text)) throw new ApiProblemException(Problems.NotFound("找不到该地区的流程 (no workflows of that locality)"));
            var published = await db.WorkflowVersions.AsNoTracking().Where(v => v.IsPublished)
                .Join(db.Workflows.Where(w => w.Locality == text), v => v.DefinitionId, w => w.DefinitionId, (v, w) => v).ToListAsync();
            WorkflowDefinition chosen;
            try { chosen = WorkflowSelector.Choose(published.Select(v => host.Definition(v.DefinitionId, v.Version, v.ConcurrencyToken, v.Json)), text, @case.Applicant); }
            catch (SimulationCaseException e) { throw new ApiProblemException(Problems.Invalid(e.Path, e.Message)); }
            var pins = published.First(v => v.DefinitionId == chosen.DefinitionId).FormPins;
            return (chosen, await catalogs.PinnedAsync(db, pins));
        }
        return (LoadFile(text, options), await catalogs.PublishedAsync(db));
    }

    /// <summary>A workflow file under the workflows folder; nothing outside it is read.</summary>
    private static WorkflowDefinition LoadFile(string path, DesignerOptions options)
    {
        var root = Path.GetFullPath(options.WorkflowsDirectory);
        var relative = path.Replace('\\', '/');
        if (relative.StartsWith("workflows/")) relative = relative["workflows/".Length..];
        var full = Path.GetFullPath(Path.Combine(root, relative));
        if (!full.StartsWith(root + Path.DirectorySeparatorChar) || !full.EndsWith(".json") || !File.Exists(full))
            throw new ApiProblemException(Problems.Invalid("$.workflow", $"找不到流程文件 {path}（须为 workflows/ 下的 .json 文件、地区代码或 {{definitionId, version}}）"));
        try { return WorkflowDefinitionReader.Load(full); }
        catch (DefinitionFormatException e) { throw new ApiProblemException(Problems.Invalid("$.workflow", string.Join("; ", e.Problems))); }
    }
}
