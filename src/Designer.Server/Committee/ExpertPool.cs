using System.Text.Json.Nodes;
using Designer.Engine.Forms;
using Designer.Persistence;
using Designer.Persistence.Entities;
using Designer.Server.Audit;
using Designer.Server.Auth;
using Designer.Server.Hosting;
using Designer.Engine.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.Committee;

/// <summary>Filters of the expert list; text filters match a part of the field.</summary>
public sealed record ExpertQuery(string? Locality, string? Series, string? Specialty, string? Unit, string? Q, bool? Active, int? Page, int? PageSize);

/// <summary>
/// The expert pool (评审专家库): the policy admin and auditor see all of it, a locality admin their locality's; only
/// the policy admin and the locality's admin write. An expert's data is personal: reviewers see experts only as drawn.
/// </summary>
public sealed class ExpertPool(DesignerDbContext db, AuditLog audit, IClock clock, World.WorldVocabulary world)
{
    public async Task<Paged<ExpertDto>> ListAsync(CurrentUser user, ExpertQuery query)
    {
        if (!user.SeesEverything && !user.IsLocalityAdmin) throw new ApiProblemException(Problems.Forbidden("只有管理员和审计员可以查看专家库 (admins and auditors only)"));
        var experts = db.Experts.AsNoTracking();
        if (!user.SeesEverything) experts = experts.Where(e => e.Locality == user.Locality);
        if (!string.IsNullOrEmpty(query.Locality)) experts = experts.Where(e => e.Locality == query.Locality);
        if (!string.IsNullOrEmpty(query.Series)) experts = experts.Where(e => e.Series == query.Series);
        if (!string.IsNullOrEmpty(query.Specialty)) experts = experts.Where(e => e.Specialty.Contains(query.Specialty));
        if (!string.IsNullOrEmpty(query.Unit)) experts = experts.Where(e => e.Unit.Contains(query.Unit));
        if (!string.IsNullOrEmpty(query.Q)) experts = experts.Where(e => e.Name.Contains(query.Q) || e.Id.Contains(query.Q));
        if (query.Active is { } active) experts = experts.Where(e => e.Active == active);
        return await experts.OrderBy(e => e.Locality).ThenBy(e => e.Series).ThenBy(e => e.Id).PageAsync(query.Page, query.PageSize, CommitteeRegistryDtos.Expert);
    }

    public async Task<ExpertRecord> FindAsync(CurrentUser user, string id)
    {
        var expert = await db.Experts.FirstOrDefaultAsync(e => e.Id == id);
        if (expert is null || !user.CanOverseeLocality(expert.Locality)) throw new ApiProblemException(Problems.NotFound("找不到该专家 (no such expert)"));
        return expert;
    }

    public async Task<ExpertRecord> CreateAsync(CurrentUser user, ExpertRequest request)
    {
        var locality = request.Locality ?? "";
        CheckWriter(user, locality);
        var id = string.IsNullOrWhiteSpace(request.Id) ? $"{locality}/expert/{Guid.NewGuid().ToString("N")[..8]}" : request.Id.Trim();
        var errors = Check(request, id);
        if (errors.Count == 0 && await db.Experts.AnyAsync(e => e.Id == id)) errors.Add(new("$.id", $"专家编号 “{id}” 已存在 (duplicate id)"));
        if (errors.Count > 0) throw new ApiProblemException(Problems.FormErrors(errors, errors[0].Message));
        var expert = new ExpertRecord { Id = id };
        Apply(expert, request, user);
        db.Experts.Add(expert);
        Record(user, AuditKinds.ExpertCreate, expert, "将专家加入专家库");
        await db.SaveChangesAsync();
        return expert;
    }

    public async Task<ExpertRecord> UpdateAsync(CurrentUser user, string id, ExpertRequest request)
    {
        var expert = await FindAsync(user, id);
        CheckWriter(user, expert.Locality);
        request = request with { Locality = request.Locality ?? expert.Locality };
        CheckWriter(user, request.Locality!);
        var errors = Check(request, id);
        if (request.Id is { Length: > 0 } given && given != id) errors.Add(new("$.id", "专家编号不能修改 (the id cannot change)"));
        if (errors.Count > 0) throw new ApiProblemException(Problems.FormErrors(errors, errors[0].Message));
        Apply(expert, request, user);
        Record(user, AuditKinds.ExpertUpdate, expert, "修改专家信息");
        await db.SaveChangesAsync();
        return expert;
    }

    private static void CheckWriter(CurrentUser user, string locality)
    {
        if (!(user.IsPolicyAdmin || (user.IsLocalityAdmin && locality == user.Locality)))
            throw new ApiProblemException(Problems.Forbidden(user.IsLocalityAdmin
                ? $"地区管理员只能管理本地区（{user.Locality}）的专家 (locality admins manage their own locality only)"
                : "只有管理员可以管理专家库 (admins only)"));
    }

    private List<FieldError> Check(ExpertRequest request, string id)
    {
        var errors = new List<FieldError>();
        var codes = new WorldCodes(world.Current);
        if (id.Length > 100 || id.Any(char.IsWhiteSpace)) errors.Add(new("$.id", "专家编号不能含空白，最长 100 字符 (an id has no spaces, at most 100 characters)"));
        if (string.IsNullOrWhiteSpace(request.Name)) errors.Add(new("$.name", "缺少专家姓名 (name is required)"));
        if (!codes.LocalityExists(request.Locality ?? "")) errors.Add(new("$.locality", $"地区 “{request.Locality}” 不存在 (unknown locality)"));
        if (!codes.SeriesExists(request.Series ?? "")) errors.Add(new("$.series", $"系列 “{request.Series}” 不存在 (unknown series)"));
        if (string.IsNullOrWhiteSpace(request.Unit)) errors.Add(new("$.unit", "缺少专家的工作单位（回避依据）(unit is required)"));
        for (var i = 0; i < (request.Conflicts?.Count ?? 0); i++)
            if (string.IsNullOrWhiteSpace(request.Conflicts![i])) errors.Add(new($"$.conflicts[{i}]", "回避对象不能为空 (a conflict names a person or unit)"));
        return errors;
    }

    private void Apply(ExpertRecord expert, ExpertRequest request, CurrentUser user)
    {
        expert.Name = request.Name!.Trim();
        expert.Locality = request.Locality!;
        expert.Series = request.Series!;
        expert.Specialty = request.Specialty?.Trim() ?? "";
        expert.Unit = request.Unit!.Trim();
        expert.Active = request.Active ?? true;
        expert.ConflictsJson = CommitteeRegistryDtos.Json(request.Conflicts?.Select(c => c.Trim()));
        expert.UpdatedAt = clock.Now.UtcDateTime;
        expert.UpdatedBy = user.UserName;
    }

    private void Record(CurrentUser user, string kind, ExpertRecord expert, string what) =>
        audit.Record(user.UserName, kind, AuditKinds.ExpertSubject(expert.Id), expert.Locality, $"{user.UserName} {what}：{expert.Name}（{expert.Id}）",
            ApiJson.ToNode(CommitteeRegistryDtos.Expert(expert)));
}
