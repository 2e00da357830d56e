using Designer.Engine.Runtime;
using Designer.Persistence;
using Designer.Persistence.Entities;
using Designer.Server.Auth;
using Designer.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.Record;

/// <summary>
/// A continuing-education registrar (继续教育学时登记审核机构): `{"id":"aksu/professional/all/competent-department",
/// "locality":"aksu","category":"professional","staff":"all","registrar":"competent-department","verifies":false,
/// "checks":"专业科目学时证明","source":"003 §三(三)","active":true}`. The id follows from locality, category, staff and registrar.
/// </summary>
public sealed record EducationRegistrarDto(string? Id, string? Locality, string? Category, string? Staff, string? Registrar,
    bool? Verifies = null, string? Checks = null, string? Source = null, bool? Active = null, string? UpdatedBy = null, DateTime? UpdatedAt = null);

/// <summary>
/// The registry of continuing-education registrars (<see cref="EducationHoursRegistrars"/>), seeded from
/// workflows/world/education-hours.json: the policy admin creates, edits and disables entries; auditors read all, a
/// locality admin reads their own locality's. Registering hours and verifying them read the active entries.
/// </summary>
public static class EducationRegistrarEndpoints
{
    public static void MapEducationRegistrars(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/education-registrars").WithTags("Applicant record").RequireAuthorization(Policies.Staff);
        group.MapGet("/", List);
        group.MapPost("/", Create).Fails(403, 422);
        group.MapPut("/{**id}", Update).Fails(403, 404, 422);
    }

    /// <summary>`?locality=&category=&active=`: a locality admin lists their own locality's only.</summary>
    private static async Task<Ok<Paged<EducationRegistrarDto>>> List(string? locality, string? category, bool? active, int? page, int? pageSize,
        HttpContext http, DesignerDbContext db)
    {
        var user = http.CurrentUser();
        var query = db.EducationRegistrars.AsNoTracking();
        if (!user.SeesEverything) query = query.Where(r => r.Locality == user.Locality);
        if (!string.IsNullOrEmpty(locality)) query = query.Where(r => r.Locality == locality);
        if (!string.IsNullOrEmpty(category)) query = query.Where(r => r.Category == category);
        if (active is { } isActive) query = query.Where(r => r.Active == isActive);
        return TypedResults.Ok(await query.OrderBy(r => r.Locality).ThenBy(r => r.Category).ThenBy(r => r.Staff).ThenBy(r => r.Registrar)
            .PageAsync(page, pageSize, ToDto));
    }

    private static async Task<Created<EducationRegistrarDto>> Create(EducationRegistrarDto body, HttpContext http, DesignerDbContext db,
        World.WorldVocabulary world, IClock clock)
    {
        var user = http.CurrentUser();
        RequireManager(user);
        var record = Validated(body, world.Current);
        if (body.Id is { Length: > 0 } given && given != record.Id)
            throw new ApiProblemException(Problems.Invalid("$.id", $"标识应为 “{record.Id}”（地区/类别/人员/登记机构） (the id follows from locality, category, staff and registrar)"));
        if (await db.EducationRegistrars.AnyAsync(r => r.Id == record.Id))
            throw new ApiProblemException(Problems.Invalid("$.registrar", $"该地区该类学时已有此登记机构 “{record.Id}”，请编辑或启用已有的一条 (duplicate registrar)"));
        Stamp(record, user, clock);
        db.EducationRegistrars.Add(record);
        await db.SaveChangesAsync();
        return TypedResults.Created($"/api/education-registrars/{record.Id}", ToDto(record));
    }

    /// <summary>Changes what the registrar verifies and checks, its source, and whether it is active (停用 is `active: false`).</summary>
    private static async Task<Ok<EducationRegistrarDto>> Update(string id, EducationRegistrarDto body, HttpContext http, DesignerDbContext db, IClock clock)
    {
        var user = http.CurrentUser();
        var record = await db.EducationRegistrars.FirstOrDefaultAsync(r => r.Id == id);
        if (record is null || !user.CanOverseeLocality(record.Locality))
            throw new ApiProblemException(Problems.NotFound("找不到该继续教育登记机构 (no such registrar)"));
        RequireManager(user);
        foreach (var (field, given, held) in new[] { ("locality", body.Locality, record.Locality), ("category", body.Category, record.Category),
                     ("staff", body.Staff, record.Staff), ("registrar", body.Registrar, record.Registrar), ("id", body.Id, record.Id) })
            if (given is { Length: > 0 } && given != held)
                throw new ApiProblemException(Problems.Invalid($"$.{field}", $"{field} 不能修改，请新增一条并停用这一条 (the {field} cannot change)"));
        ApplyDetails(record, body);
        Stamp(record, user, clock);
        await db.SaveChangesAsync();
        return TypedResults.Ok(ToDto(record));
    }

    /// <summary>A new entry from the body, checked against the vocabulary (422 naming the field).</summary>
    public static EducationRegistrarRecord Validated(EducationRegistrarDto body, Engine.Domain.VocabularySet vocabulary)
    {
        var locality = body.Locality?.Trim() ?? "";
        if (!vocabulary.Localities.ContainsKey(locality))
            throw new ApiProblemException(Problems.Invalid("$.locality", $"地区 “{locality}” 不存在 (unknown locality)"));
        var category = body.Category ?? "";
        if (!EducationHoursRegistrars.Categories.Contains(category))
            throw new ApiProblemException(Problems.Invalid("$.category", "学时类别应为 public（公需科目）或 professional（专业科目） (unknown category)"));
        var staff = string.IsNullOrEmpty(body.Staff) ? EducationHoursRegistrars.AllStaff : body.Staff;
        if (!EducationHoursRegistrars.StaffKinds.Contains(staff))
            throw new ApiProblemException(Problems.Invalid("$.staff", "适用人员应为 all（全部人员）或 enterprise（企业人员） (unknown staff)"));
        var registrar = body.Registrar ?? "";
        if (!EducationHoursRegistrars.Registrars.Contains(registrar))
            throw new ApiProblemException(Problems.Invalid("$.registrar", "登记机构应为 hr（人社部门）或 competent-department（行业主管部门） (unknown registrar)"));
        var record = new EducationRegistrarRecord
        {
            Id = EducationHoursRegistrars.IdOf(locality, category, staff, registrar), Locality = locality, Category = category, Staff = staff,
            Registrar = registrar, Verifies = body.Verifies ?? registrar == EducationHoursRegistrars.Hr,
        };
        ApplyDetails(record, body);
        return record;
    }

    private static void ApplyDetails(EducationRegistrarRecord record, EducationRegistrarDto body)
    {
        if (body.Checks is { Length: > 200 }) throw new ApiProblemException(Problems.Invalid("$.checks", "审核内容至多 200 个字符 (checks is too long)"));
        if (body.Source is { Length: > 500 }) throw new ApiProblemException(Problems.Invalid("$.source", "依据至多 500 个字符 (source is too long)"));
        if (body.Verifies is { } verifies) record.Verifies = verifies;
        if (body.Checks is not null) record.Checks = body.Checks.Trim() is { Length: > 0 } checks ? checks : null;
        if (body.Source is not null) record.Source = body.Source.Trim() is { Length: > 0 } source ? source : null;
        if (body.Active is { } active) record.Active = active;
    }

    private static void Stamp(EducationRegistrarRecord record, CurrentUser user, IClock clock)
    {
        record.UpdatedBy = user.UserName;
        record.UpdatedAt = clock.Now.UtcDateTime;
    }

    private static void RequireManager(CurrentUser user)
    {
        if (!user.IsPolicyAdmin)
            throw new ApiProblemException(Problems.Forbidden("只有政策管理员可以管理继续教育登记机构 (only the policy admin manages registrars)"));
    }

    private static EducationRegistrarDto ToDto(EducationRegistrarRecord r) =>
        new(r.Id, r.Locality, r.Category, r.Staff, r.Registrar, r.Verifies, r.Checks, r.Source, r.Active, r.UpdatedBy, r.UpdatedAt);
}
