using System.Text.Json.Nodes;
using Designer.Engine.Model;
using Designer.Persistence;
using Designer.Persistence.Entities;
using Designer.Server.Auth;
using Designer.Server.Forms;
using Designer.Server.Hosting;
using Designer.Server.Tasks;
using Designer.Server.World;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.Applications;

public sealed record StartApplicationRequest(string? DefinitionId, JsonObject? Data, bool Draft = false);
public sealed record DraftRequest(JsonObject? Data);

/// <summary>A published procedure an applicant may apply to, with the form the application is filled in.</summary>
public sealed record Procedure(
    string DefinitionId, int Version, string Name, string? Description, string Locality, ProcedureScope Scope, string? ApplyForm,
    Calendar.ProcedureWindow Window)
{
    /// <summary>The version of the apply form this workflow version pinned when it was published (what the server validates against).</summary>
    public int? ApplyFormVersion { get; init; }
}

/// <summary>Whom a procedure is for; an empty list means any.</summary>
public sealed record ProcedureScope(
    IReadOnlyList<string> Kinds, IReadOnlyList<string> Series, IReadOnlyList<string> Levels, IReadOnlyList<string> EmploymentTypes,
    IReadOnlyList<string> Counties);

public static class ApplicationEndpoints
{
    public static void MapApplications(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/procedures", Procedures).WithTags("Applications").RequireAuthorization().Fails(422);
        var group = app.MapGroup("/api/applications").WithTags("Applications").RequireAuthorization();
        group.MapGet("/", List);
        group.MapGet("/{id}", async (string id, HttpContext http, DesignerDbContext db, ApplicationRunner runner) =>
        {
            var user = http.CurrentUser();
            var application = await ApplicationAccess.FindReadableAsync(db, user, id);
            var loaded = await runner.LoadAsync(application.DefinitionId, application.DefinitionVersion);
            var detail = await ApplicationDtos.DetailAsync(db, application, await PendingForAsync(db, user, id), http.Vocabulary(), forReviewer: !user.IsApplicant) with
            {
                ApplyForm = ApplicationDtos.ApplyFormOf(loaded),
            };
            return TypedResults.Ok((await TimelineNames.ForAsync(db, http.Vocabulary(), detail.Timeline)).Name(detail));
        });
        group.MapPost("/", Start).RequireAuthorization(Policies.Applicant).Fails(409, 422);
        group.MapPut("/{id}/draft", async (string id, DraftRequest request, HttpContext http, DesignerDbContext db, ApplicationRunner runner) =>
        {
            var user = http.CurrentUser();
            var draft = await OwnDraftAsync(db, user, id);
            var saved = await runner.SaveDraftAsync(user, await VersionAsync(db, draft.DefinitionId, draft.DefinitionVersion), Data(request.Data), draft);
            return TypedResults.Ok(await ApplicationDtos.DetailAsync(db, saved, [], http.Vocabulary()));
        }).RequireAuthorization(Policies.Applicant).Fails(409, 422);
        group.MapPost("/{id}/submit", async (string id, HttpContext http, DesignerDbContext db, ApplicationRunner runner) =>
        {
            var user = http.CurrentUser();
            var draft = await OwnDraftAsync(db, user, id);
            var version = await PublishedVersionAsync(db, user, draft.DefinitionId);
            var submitted = await runner.SubmitAsync(user, version, JsonNode.Parse(draft.DataJson)!.AsObject(), draft);
            return TypedResults.Ok(await ApplicationDtos.DetailAsync(db, submitted, await PendingForAsync(db, user, id), http.Vocabulary()));
        }).RequireAuthorization(Policies.Applicant).Fails(409, 422);
    }

    private static async Task<Results<Created<ApplicationDetail>, ProblemHttpResult>> Start(StartApplicationRequest request, HttpContext http, DesignerDbContext db, ApplicationRunner runner)
    {
        var user = http.CurrentUser();
        if (string.IsNullOrEmpty(request.DefinitionId)) return Problems.Invalid("$.definitionId", "请选择申报的评审流程 (definitionId is required)");
        var version = await PublishedVersionAsync(db, user, request.DefinitionId);
        var data = Data(request.Data);
        var application = request.Draft
            ? await runner.SaveDraftAsync(user, version, data, null)
            : await runner.SubmitAsync(user, version, data, null);
        return TypedResults.Created($"/api/applications/{application.Id}", await ApplicationDtos.DetailAsync(db, application, await PendingForAsync(db, user, application.Id), http.Vocabulary()));
    }

    private static async Task<Ok<Paged<Procedure>>> Procedures(string? kind, string? series, string? level, string? employmentType, string? locality,
        int? page, int? pageSize, HttpContext http, DesignerDbContext db, EngineHost.EngineHost host)
    {
        var user = http.CurrentUser();
        var target = user.SeesEverything && !string.IsNullOrEmpty(locality) ? locality : user.Locality;
        var published = await db.WorkflowVersions.AsNoTracking().Where(v => v.IsPublished)
            .Join(db.Workflows.Where(w => w.Locality == target), v => v.DefinitionId, w => w.DefinitionId, (v, w) => v).ToListAsync();
        var applicant = new JsonObject();
        if (!string.IsNullOrEmpty(kind)) applicant["kind"] = kind;
        if (!string.IsNullOrEmpty(series)) applicant["series"] = series;
        if (!string.IsNullOrEmpty(level)) applicant["level"] = level;
        if (!string.IsNullOrEmpty(employmentType)) applicant["employmentType"] = employmentType;
        var pins = published.ToDictionary(v => v.DefinitionId, v => FormCatalogs.ParsePins(v.FormPins));
        var definitions = published.Select(v => host.Definition(v.DefinitionId, v.Version, v.ConcurrencyToken, v.Json)).ToList();
        var listsUnitProcedures = !definitions.Any(UnitApprovals.IsUnitProcedure) || await UnitApprovals.ListsUnitProceduresAsync(db, user, target);
        return TypedResults.Ok(definitions
            .Where(d => CoversGiven(d.Scope, applicant) && (listsUnitProcedures || !UnitApprovals.IsUnitProcedure(d)))
            .OrderByDescending(d => d.Scope.Specificity).ThenBy(d => d.DefinitionId)
            .Select(d =>
            {
                var applyForm = FormCatalogs.ApplyForm(d);
                return new Procedure(d.DefinitionId, d.Version, d.Name, d.Description, d.Locality,
                    new ProcedureScope(d.Scope.Kinds, d.Scope.Series, d.Scope.Levels, d.Scope.EmploymentTypes, d.Scope.Counties),
                    applyForm, WindowOf(host, d, applicant))
                {
                    ApplyFormVersion = applyForm is not null && pins[d.DefinitionId].TryGetValue(applyForm, out var pinned) ? pinned : null,
                };
            })
            .Page(page, pageSize, p => p));
    }

    /// <summary>
    /// Whether the procedure takes today the applications the caller described (the kind, series and level given narrow
    /// its scope): the windows that may govern those decide, as the server's check of a submission does, and open with no
    /// window when none governs them (a series that the kind's window leaves out, say).
    /// </summary>
    private static Calendar.ProcedureWindow WindowOf(EngineHost.EngineHost host, WorkflowDefinition definition, JsonObject given)
    {
        var scope = definition.Scope with
        {
            Kinds = given["kind"].AsString() is { } kind ? [kind] : definition.Scope.Kinds,
            Series = given["series"].AsString() is { } series ? [series] : definition.Scope.Series,
            Levels = given["level"].AsString() is { } level ? [level] : definition.Scope.Levels,
        };
        var verdict = host.CalendarInForce.CheckProcedure(definition.Locality, scope, Designer.Engine.Runtime.ChinaTime.DateOf(host.Clock.Now));
        return new Calendar.ProcedureWindow(verdict.Open, verdict.Window?.Name, verdict.Window?.Opens.ToString("yyyy-MM-dd"), verdict.Window?.Closes.ToString("yyyy-MM-dd"));
    }

    /// <summary>Only the fields given are matched: an applicant who has said nothing yet sees every open procedure.</summary>
    private static bool CoversGiven(WorkflowScope scope, JsonObject given) =>
        (!given.ContainsKey("kind") || scope.Kinds.Count == 0 || scope.Kinds.Contains(given["kind"].AsString()!)) &&
        (!given.ContainsKey("series") || scope.Series.Count == 0 || scope.Series.Contains(given["series"].AsString()!)) &&
        (!given.ContainsKey("level") || scope.Levels.Count == 0 || scope.Levels.Contains(given["level"].AsString()!)) &&
        (!given.ContainsKey("employmentType") || scope.EmploymentTypes.Count == 0 || scope.EmploymentTypes.Contains(given["employmentType"].AsString()!));

    /// <summary>One page of the applications the caller may see, with the stages each waits at (from the open task rows).</summary>
    private static async Task<Ok<Paged<ApplicationSummary>>> List([AsParameters] ApplicationFilter filter, int? page, int? pageSize, HttpContext http, DesignerDbContext db)
    {
        var found = await ApplicationAccess.Visible(db, http.CurrentUser(), filter)
            .PageByIdAsync(page, pageSize, a => a.Id, ids => ApplicationAccess.SummariesAsync(db.Applications.Where(a => ids.Contains(a.Id))), a => a.Id);
        var ids = found.Items.Select(a => a.Id).ToList();
        var open = await db.Tasks.AsNoTracking().Where(t => t.IsOpen && ids.Contains(t.ApplicationId))
            .Select(t => new TaskRecord { ApplicationId = t.ApplicationId, Stage = t.Stage }).ToListAsync();
        return TypedResults.Ok(new Paged<ApplicationSummary>(found.Items.Select(a => ApplicationDtos.Summary(a, open)).ToList(), found.Total, found.Page, found.PageSize));
    }

    /// <summary>The open tasks of this application that the viewer acts on (the applicant's correction request, a reviewer's step).</summary>
    public static async Task<List<TaskRecord>> PendingForAsync(DesignerDbContext db, CurrentUser user, string applicationId)
    {
        var open = await db.Tasks.AsNoTracking().Where(t => t.ApplicationId == applicationId && t.IsOpen).ToListAsync();
        return open.Where(t => TaskAccess.CanAct(user, t)).ToList();
    }

    private static async Task<WorkflowVersionRecord> PublishedVersionAsync(DesignerDbContext db, CurrentUser user, string definitionId)
    {
        var workflow = await db.Workflows.AsNoTracking().FirstOrDefaultAsync(w => w.DefinitionId == definitionId);
        if (workflow is null || workflow.Locality != user.Locality)
            throw new ApiProblemException(Problems.NotFound("本地区没有该流程 (no such workflow in your locality)"));
        if (workflow.PublishedVersion is not { } published)
            throw new ApiProblemException(Problems.Conflict($"流程 {definitionId} 当前未发布，不能申报 (not published)"));
        return await VersionAsync(db, definitionId, published);
    }

    private static async Task<WorkflowVersionRecord> VersionAsync(DesignerDbContext db, string definitionId, int version) =>
        await db.WorkflowVersions.AsNoTracking().FirstAsync(v => v.DefinitionId == definitionId && v.Version == version);

    private static async Task<ApplicationRecord> OwnDraftAsync(DesignerDbContext db, CurrentUser user, string id)
    {
        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == id && a.ApplicantUserId == user.Id)
            ?? throw new ApiProblemException(Problems.NotFound("找不到该申报 (no such application)"));
        if (application.Status != ApplicationRunner.DraftStatus) throw new ApiProblemException(Problems.Conflict("申报已提交，不能再修改草稿 (already submitted)"));
        return application;
    }

    private static JsonObject Data(JsonObject? data) =>
        data ?? throw new ApiProblemException(Problems.Invalid("$.data", "缺少申报信息 (data is required)"));
}
