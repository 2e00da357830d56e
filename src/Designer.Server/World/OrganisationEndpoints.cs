using System.Text.RegularExpressions;
using Designer.Engine.Domain;
using Designer.Persistence;
using Designer.Persistence.Entities;
using Designer.Server.Auth;
using Designer.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.World;

/// <summary>
/// `{"id":"aksu/unit/wensu-no1-school","name":"温宿县第一中学","kind":"unit","county":"wensu","employmentType":"public-institution",
/// "autonomousEvaluation":true,"autonomousEvaluationReference":"阿人社函〔2024〕12号","active":true}`.
/// </summary>
public sealed record OrganisationDto(string? Id, string? Name, string? Kind, string? Locality = null, string? County = null,
    string? EmploymentType = null, int? Quota = null, bool? AutonomousEvaluation = null, string? AutonomousEvaluationReference = null,
    bool? Active = null, string? AutonomousEvaluationOn = null);

/// <summary>
/// The organisations registry (administration.md): departments at prefecture and county level, units with their
/// county, employment type, quota and 自主评审 approval, enterprise committees. The policy admin manages all, a locality
/// admin their own locality's; auditors read. Everyone signed in (applicants choosing their employer) reads a locality's
/// active units at `/api/organisations/units`.
/// </summary>
public static partial class OrganisationEndpoints
{
    public static class Kinds
    {
        public const string Department = "department";
        public const string Unit = "unit";
        public const string EnterpriseCommittee = "enterprise-committee";
        public static readonly string[] All = [Department, Unit, EnterpriseCommittee];
    }

    public static void MapOrganisations(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/organisations").WithTags("Organisations").RequireAuthorization(Policies.Staff);
        group.MapGet("/", List);
        app.MapGet("/api/organisations/units", ListUnits).WithTags("Organisations").RequireAuthorization();
        group.MapPost("/", Create).Fails(403, 422);
        group.MapPut("/{**id}", Update).Fails(403, 404, 422);
    }

    /// <summary>`?locality=&county=&kind=&active=&q=` (name or id): a locality admin lists their own locality's only.</summary>
    private static async Task<Ok<Paged<OrganisationDto>>> List(string? q, string? kind, string? locality, string? county, bool? active,
        int? page, int? pageSize, HttpContext http, DesignerDbContext db)
    {
        var user = http.CurrentUser();
        var query = db.Organisations.AsNoTracking();
        if (!user.SeesEverything) query = query.Where(o => o.Locality == user.Locality);
        if (!string.IsNullOrEmpty(locality)) query = query.Where(o => o.Locality == locality);
        if (!string.IsNullOrEmpty(county)) query = query.Where(o => o.County == county);
        if (!string.IsNullOrEmpty(kind)) query = query.Where(o => o.Kind == kind);
        if (active is { } isActive) query = query.Where(o => o.Active == isActive);
        if (!string.IsNullOrWhiteSpace(q)) query = query.Where(o => o.Id.Contains(q) || o.Name.Contains(q));
        return TypedResults.Ok(await query.OrderBy(o => o.Id).PageAsync(page, pageSize, ToDto));
    }

    /// <summary>
    /// The active registered units of a locality (the applicant's employer picker): `?locality=` defaults to the user's
    /// own, `q` searches the name. A user reads their own locality's and its parents' (where they may apply); the
    /// policy admin and auditor any.
    /// </summary>
    private static async Task<Ok<Paged<OrganisationDto>>> ListUnits(string? locality, string? q, int? page, int? pageSize, HttpContext http,
        DesignerDbContext db, WorldVocabulary world)
    {
        var user = http.CurrentUser();
        var wanted = string.IsNullOrEmpty(locality) ? user.Locality : locality;
        if (!user.SeesEverything && !SelfAndParents(user.Locality, world.Current).Contains(wanted)) wanted = "";
        var query = db.Organisations.AsNoTracking().Where(o => o.Locality == wanted && o.Kind == Kinds.Unit && o.Active);
        if (!string.IsNullOrWhiteSpace(q)) query = query.Where(o => o.Name.Contains(q));
        return TypedResults.Ok(await query.OrderBy(o => o.Name).PageAsync(page, pageSize, ToDto));
    }

    private static async Task<Created<OrganisationDto>> Create(OrganisationDto body, HttpContext http, DesignerDbContext db, WorldVocabulary world)
    {
        var id = body.Id?.Trim() ?? "";
        if (IdPattern().IsMatch(id)) RequireManager(http.CurrentUser(), id.Split('/')[0]);
        var record = Validated(body, world.Current);
        if (await db.Organisations.AnyAsync(o => o.Id == id))
            throw new ApiProblemException(Problems.Invalid("$.id", $"机构 “{id}” 已存在 (duplicate id)"));
        db.Organisations.Add(record);
        await db.SaveChangesAsync();
        return TypedResults.Created($"/api/organisations/{id}", ToDto(record));
    }

    private static async Task<Ok<OrganisationDto>> Update(string id, OrganisationDto body, HttpContext http, DesignerDbContext db, WorldVocabulary world)
    {
        var user = http.CurrentUser();
        var record = await db.Organisations.FirstOrDefaultAsync(o => o.Id == id);
        if (record is null || !user.CanOverseeLocality(record.Locality)) throw new ApiProblemException(Problems.NotFound("找不到该机构 (no such organisation)"));
        RequireManager(user, record.Locality);
        if (body.Id is { Length: > 0 } renamed && renamed != id)
            throw new ApiProblemException(Problems.Invalid("$.id", "机构标识不能修改 (the id cannot change)"));
        Apply(record, body with { Kind = body.Kind ?? record.Kind }, world.Current, creating: false);
        await db.SaveChangesAsync();
        return TypedResults.Ok(ToDto(record));
    }

    /// <summary>A new organisation from the body, checked against the id's shape and the vocabulary (422 naming the field).</summary>
    public static OrganisationRecord Validated(OrganisationDto body, VocabularySet vocabulary)
    {
        var id = body.Id?.Trim() ?? "";
        if (!IdPattern().IsMatch(id))
            throw new ApiProblemException(Problems.Invalid("$.id", "机构标识应为 <地区>/<部门>、<地区>/<县>/<部门>、<地区>/unit/<名称> 或 <地区>/enterprise/<名称> (invalid id)"));
        var locality = id.Split('/')[0];
        if (body.Locality is { Length: > 0 } given && given != locality)
            throw new ApiProblemException(Problems.Invalid("$.locality", $"地区 “{given}” 与机构标识的地区 “{locality}” 不一致 (locality differs from the id)"));
        var record = new OrganisationRecord { Id = id, Locality = locality };
        Apply(record, body, vocabulary, creating: true);
        return record;
    }

    /// <summary>Checks the body against the id's shape and the vocabulary, then copies it onto the record.</summary>
    private static void Apply(OrganisationRecord record, OrganisationDto body, VocabularySet vocabulary, bool creating)
    {
        var kind = body.Kind ?? "";
        if (!Kinds.All.Contains(kind))
            throw new ApiProblemException(Problems.Invalid("$.kind", $"机构类型应为 {string.Join("、", Kinds.All)} (unknown kind)"));
        if (!creating && kind != record.Kind)
            throw new ApiProblemException(Problems.Invalid("$.kind", "机构类型不能修改 (the kind cannot change)"));
        var name = body.Name?.Trim() ?? "";
        if (name.Length is 0 or > 100) throw new ApiProblemException(Problems.Invalid("$.name", "机构名称不能为空，至多 100 个字符 (name is required)"));
        if (!vocabulary.Localities.TryGetValue(record.Locality, out var locality))
            throw new ApiProblemException(Problems.Invalid("$.locality", $"地区 “{record.Locality}” 不存在 (unknown locality)"));
        var parts = record.Id.Split('/');
        string? county = string.IsNullOrWhiteSpace(body.County) ? null : body.County.Trim();
        switch (kind)
        {
            case Kinds.Department:
                if (parts.Length == 3) county ??= parts[1];
                if (parts.Length == 3 && county != parts[1])
                    throw new ApiProblemException(Problems.Invalid("$.county", $"县 “{county}” 与机构标识中的县 “{parts[1]}” 不一致 (county differs from the id)"));
                if (!vocabulary.Departments.ContainsKey(parts[^1]))
                    throw new ApiProblemException(Problems.Invalid("$.id", $"部门 “{parts[^1]}” 不在词表中 (unknown department)"));
                break;
            case Kinds.Unit when parts is not [_, "unit", _]:
                throw new ApiProblemException(Problems.Invalid("$.id", "单位标识应为 <地区>/unit/<名称> (a unit's id is <locality>/unit/<slug>)"));
            // A locality without counties (a prefecture that registers none) has its units at its own level.
            case Kinds.Unit when county is null && locality.Counties.Count > 0:
                throw new ApiProblemException(Problems.Invalid("$.county", "请填写单位所在县 (a unit needs its county)"));
            case Kinds.EnterpriseCommittee when parts is not [_, "enterprise", _]:
                throw new ApiProblemException(Problems.Invalid("$.id", "企业评审机构标识应为 <地区>/enterprise/<名称> (an enterprise committee's id is <locality>/enterprise/<slug>)"));
        }
        if (county is not null && locality.County(county) is null)
            throw new ApiProblemException(Problems.Invalid("$.county", $"县 “{county}” 不是 {locality.Name} 的县 (unknown county)"));
        if (body.EmploymentType is { Length: > 0 } employment && !vocabulary.EmploymentTypes.ContainsKey(employment))
            throw new ApiProblemException(Problems.Invalid("$.employmentType", $"人员类别 “{employment}” 不在词表中 (unknown employment type)"));
        if (body.Quota is < 0) throw new ApiProblemException(Problems.Invalid("$.quota", "职数不能为负 (quota must not be negative)"));
        var autonomous = body.AutonomousEvaluation ?? false;
        var reference = string.IsNullOrWhiteSpace(body.AutonomousEvaluationReference) ? null : body.AutonomousEvaluationReference.Trim();
        if (autonomous && kind != Kinds.Unit)
            throw new ApiProblemException(Problems.Invalid("$.autonomousEvaluation", "只有用人单位可经批准开展自主评审 (only a unit is approved for autonomous evaluation)"));
        if (autonomous && reference is null)
            throw new ApiProblemException(Problems.Invalid("$.autonomousEvaluationReference", "请填写自主评审的批复文号 (the approval reference is required)"));
        if (reference is { Length: > 100 })
            throw new ApiProblemException(Problems.Invalid("$.autonomousEvaluationReference", "批复文号至多 100 个字符 (at most 100 characters)"));
        record.Kind = kind;
        record.Name = name;
        record.County = county is null ? null : locality.County(county)!.Code;
        record.EmploymentType = string.IsNullOrEmpty(body.EmploymentType) ? null : body.EmploymentType;
        record.Quota = body.Quota;
        record.AutonomousEvaluation = autonomous;
        // The approval's date is known only when a procedure approved it; an admin's edit of the reference drops it.
        record.AutonomousEvaluationOn = autonomous && reference == record.AutonomousEvaluationReference ? record.AutonomousEvaluationOn : null;
        record.AutonomousEvaluationReference = autonomous ? reference : null;
        record.Active = body.Active ?? (creating || record.Active);
    }

    private static HashSet<string> SelfAndParents(string locality, VocabularySet vocabulary)
    {
        var chain = new HashSet<string>();
        for (var code = locality; code is { Length: > 0 } && chain.Add(code);)
            code = vocabulary.Localities.TryGetValue(code, out var entry) ? entry.Parent : null;
        return chain;
    }

    private static void RequireManager(CurrentUser user, string locality)
    {
        if (!user.CanWriteDefinitionsOf(locality))
            throw new ApiProblemException(Problems.Forbidden($"无权管理地区 {locality} 的机构 (only the policy admin or the locality's admin)"));
    }

    private static OrganisationDto ToDto(OrganisationRecord o) =>
        new(o.Id, o.Name, o.Kind, o.Locality, o.County, o.EmploymentType, o.Quota, o.AutonomousEvaluation, o.AutonomousEvaluationReference, o.Active, o.AutonomousEvaluationOn);

    [GeneratedRegex("^[a-z][a-z0-9-]*(/[a-z0-9][a-z0-9-]*){1,2}$")]
    private static partial Regex IdPattern();
}
