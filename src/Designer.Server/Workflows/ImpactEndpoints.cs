using System.Text;
using Designer.Engine.Runtime;
using Designer.Engine.Simulation;
using Designer.Persistence;
using Designer.Persistence.Entities;
using Designer.Server.Applications;
using Designer.Server.Audit;
using Designer.Server.Auth;
using Designer.Server.Forms;
using Designer.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.Workflows;

public sealed record ImpactRequest(int? ToVersion);

/// <summary>One side of the first step where the two paths part (null: that side has ended there).</summary>
public sealed record ImpactStep(string Stage, string? StageName, string? ActivityId, string Org, string Role, string Action, string ActionName, string Date);

/// <summary>A running application replayed on the new version: whether its path or outcome changes, and from which step.</summary>
public sealed record ImpactRow(
    string ApplicationId, string ApplicantName, int FromVersion, bool Changed, bool PathChanged, bool OutcomeChanged,
    string FromStatus, string ToStatus, int? DivergesAtStep, ImpactStep? FromStep, ImpactStep? ToStep, string Summary);

/// <summary>What publishing the version would change for the applications now running on the definition.</summary>
public sealed record ImpactReport(
    string DefinitionId, int ToVersion, int Running, int Changed, IReadOnlyList<ImpactRow> Items);

/// <summary>
/// The impact of a policy change before it is published: every running application of the definition is replayed
/// (its data and the answers given so far, as /api/replay does) on its own version and on the new one; the report lists
/// those whose path or outcome would change first, with the first divergent step. A simulation: nothing is written.
/// </summary>
public static class ImpactEndpoints
{
    public static void MapImpact(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/workflows/{definitionId}/impact", Report).WithTags("Workflows").RequireAuthorization(Policies.Simulate).Fails(404, 422);
        app.MapGet("/api/workflows/{definitionId}/impact.csv", Csv).WithTags("Workflows").RequireAuthorization(Policies.Simulate)
            .Produces<string>(StatusCodes.Status200OK, "text/csv").Fails(404);
    }

    private static async Task<Ok<ImpactReport>> Report(string definitionId, ImpactRequest? request, HttpContext http, DesignerDbContext db, WorkflowStore store,
        EngineHost.EngineHost host, FormCatalogs catalogs) =>
        TypedResults.Ok(await BuildAsync(definitionId, request?.ToVersion, http.CurrentUser(), db, store, host, catalogs));

    private static async Task<FileContentHttpResult> Csv(string definitionId, int? toVersion, HttpContext http, DesignerDbContext db, WorkflowStore store,
        EngineHost.EngineHost host, FormCatalogs catalogs)
    {
        var report = await BuildAsync(definitionId, toVersion, http.CurrentUser(), db, store, host, catalogs);
        var csv = new StringBuilder("申报编号,申报人,现行版本,新版本,是否变化,路径变化,结果变化,现行结果,新结果,分歧步骤,现行版本该步,新版本该步,说明\r\n");
        foreach (var row in report.Items)
            csv.AppendJoin(',', new object?[]
            {
                row.ApplicationId, row.ApplicantName, row.FromVersion, report.ToVersion, YesNo(row.Changed), YesNo(row.PathChanged), YesNo(row.OutcomeChanged),
                row.FromStatus, row.ToStatus, row.DivergesAtStep, Describe(row.FromStep), Describe(row.ToStep), row.Summary,
            }.Select(Cell)).Append("\r\n");
        // With a byte-order mark, so spreadsheet programs read the Chinese as UTF-8.
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
        return TypedResults.File(bytes, "text/csv; charset=utf-8", $"impact-{definitionId}-v{report.ToVersion}.csv");
    }

    private static async Task<ImpactReport> BuildAsync(string definitionId, int? toVersion, CurrentUser user, DesignerDbContext db, WorkflowStore store,
        EngineHost.EngineHost host, FormCatalogs catalogs)
    {
        await store.FindAsync(user, definitionId);
        var to = await store.VersionAsync(definitionId, toVersion);
        var toDefinition = host.Definition(to.DefinitionId, to.Version, to.ConcurrencyToken, to.Json);
        var running = await db.Applications.AsNoTracking()
            .Where(a => a.DefinitionId == definitionId && a.Status == nameof(WorkflowStatus.Waiting)).OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).ToListAsync();
        var versions = (await store.VersionsAsync(definitionId)).ToDictionary(v => v.Version);
        var simulator = new Simulator(host.Calendar, host.Scripts, await catalogs.PinnedAsync(db, to.FormPins), host.Registry);
        var replay = new Replay(simulator);
        var rows = new List<ImpactRow>();
        foreach (var application in running)
        {
            if (!versions.TryGetValue(application.DefinitionVersion, out var from)) continue;
            var caseJson = await ReplayCases.FromApplicationAsync(db, application);
            caseJson["workflow"] = new System.Text.Json.Nodes.JsonObject { ["definitionId"] = definitionId, ["version"] = to.Version };
            SimulationCase @case;
            try { @case = SimulationCase.From(caseJson); }
            catch (SimulationCaseException) { continue; }
            var result = replay.Compare(@case, host.Definition(from.DefinitionId, from.Version, from.ConcurrencyToken, from.Json), toDefinition);
            var pathChanged = result.Divergence is not null;
            rows.Add(new ImpactRow(application.Id, application.ApplicantName, application.DefinitionVersion, pathChanged || result.OutcomeChanged,
                pathChanged, result.OutcomeChanged, result.From.Status, result.To.Status,
                result.Divergence is { } d ? d.Index + 1 : null, Step(result.Divergence?.From, host.Vocabulary), Step(result.Divergence?.To, host.Vocabulary), result.Summary));
        }
        var ordered = rows.OrderByDescending(r => r.Changed).ToList();
        return new ImpactReport(definitionId, to.Version, rows.Count, rows.Count(r => r.Changed), ordered);
    }

    private static ImpactStep? Step(PathStep? step, Engine.Domain.VocabularySet names) => step is null ? null : new ImpactStep(
        step.Stage, ApplicationDtos.StageName(step.Stage, names), step.ActivityId, step.Assignee.Org, step.Assignee.Role, step.Action,
        names.Name("actions", step.Action), step.Date);

    private static string Describe(ImpactStep? step) => step is null ? "（结束）" : $"{step.StageName ?? step.Stage}（{step.Org}，{step.ActionName}，{step.Date}）";

    private static string YesNo(bool value) => value ? "是" : "否";

    private static string Cell(object? value)
    {
        var text = value?.ToString() ?? "";
        // A leading = + - @ would be a formula in a spreadsheet.
        if (text.Length > 0 && "=+-@".Contains(text[0])) text = "'" + text;
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{text.Replace("\"", "\"\"")}\"" : text;
    }
}
