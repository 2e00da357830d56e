using Designer.Engine.Forms;
using System.Text.Json.Nodes;
using Designer.Engine.Runtime;
using Designer.Persistence;
using Designer.Persistence.Entities;
using Designer.Server.Audit;
using Designer.Server.Auth;
using Designer.Server.Hosting;
using Designer.Server.World;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.Governance;

/// <summary>
/// The quota ledger (000 §五: 县市确定“双定向”岗位设置比例及使用数量，在评审前报自治州人社局备案). The county's HR
/// bureau (a reviewer of `county/hr`), the locality admin or the policy admin sets a unit's number; the prefecture's HR
/// bureau (a reviewer of `&lt;locality&gt;/hr`), the locality admin or the policy admin files it. A procedure's quota
/// step that requires filing (Titles.Quota requireFiled) refuses a number not yet filed. Each change is audited.
/// </summary>
public sealed class QuotaLedger(DesignerDbContext db, AuditLog audit, IClock clock, WorldVocabulary world)
{
    public static readonly string[] PostKinds = ["directed", "general"];
    public const int MaxPosts = 100_000;
    private string Today => ChinaTime.DateOf(clock.Now).ToString("yyyy-MM-dd");

    public async Task<Paged<QuotaDto>> ListAsync(CurrentUser user, string? locality, string? unit, string? status, int? page, int? pageSize)
    {
        var quotas = db.Quotas.AsNoTracking();
        quotas = quotas.ForStaff(user, q => q.Locality == user.Locality, "无权查看岗位数额 (staff only)");
        if (!string.IsNullOrEmpty(locality)) quotas = quotas.Where(q => q.Locality == locality);
        if (!string.IsNullOrEmpty(unit)) quotas = quotas.Where(q => q.Unit.Contains(unit));
        if (!string.IsNullOrEmpty(status)) quotas = quotas.Where(q => q.Status == status);
        var paged = await quotas.OrderBy(q => q.Locality).ThenBy(q => q.Unit).ThenBy(q => q.Level).ThenBy(q => q.Id).PageAsync(page, pageSize, q => q);
        var used = await UsedAsync(paged.Items);
        return new Paged<QuotaDto>(paged.Items.Select(q => Dto(q, used)).ToList(), paged.Total, paged.Page, paged.PageSize);
    }

    /// <summary>The filed numbers of a locality, for everyone (岗位数额公开).</summary>
    public async Task<Paged<PublicQuota>> PublishedAsync(string? locality, int? page, int? pageSize)
    {
        var quotas = db.Quotas.AsNoTracking().Where(q => q.Status == QuotaStatuses.Filed && q.Locality != "");
        if (!string.IsNullOrEmpty(locality)) quotas = quotas.Where(q => q.Locality == locality);
        var paged = await quotas.OrderBy(q => q.Locality).ThenBy(q => q.Unit).ThenBy(q => q.Level).ThenBy(q => q.Id).PageAsync(page, pageSize, q => q);
        var used = await UsedAsync(paged.Items);
        return new Paged<PublicQuota>(paged.Items.Select(q => new PublicQuota(q.Locality, q.Unit, q.PostKind, q.Level, q.Posts,
            used.GetValueOrDefault((q.Unit, q.PostKind, q.Level)), q.FiledOn)).ToList(), paged.Total, paged.Page, paged.PageSize);
    }

    public async Task<QuotaDto> SetAsync(CurrentUser user, QuotaRequest request)
    {
        var errors = new List<FieldError>();
        var locality = request.Locality?.Trim() ?? "";
        var codes = new Committee.WorldCodes(world.Current);
        if (!codes.LocalityExists(locality)) errors.Add(new("$.locality", $"地区 “{locality}” 不存在 (unknown locality)"));
        var unitName = request.Unit?.Trim() ?? "";
        if (unitName.Length is 0 or > 200) errors.Add(new("$.unit", "请填写用人单位（最长 200 字）(unit is required)"));
        if (!PostKinds.Contains(request.PostKind)) errors.Add(new("$.postKind", "岗位类别应为 directed（“双定向”）或 general（通用）(postKind is directed or general)"));
        if (!codes.LevelExists(request.Level ?? "")) errors.Add(new("$.level", $"层级 “{request.Level}” 不存在 (unknown level)"));
        if (request.Posts is not (>= 0 and <= MaxPosts)) errors.Add(new("$.posts", $"岗位数额应为 0 至 {MaxPosts} 的整数 (posts is 0…{MaxPosts})"));
        if (errors.Count > 0) throw new ApiProblemException(Problems.FormErrors(errors, errors[0].Message));

        var refusal = Problems.Forbidden("只有单位所在县市的人社部门、本地区管理员或政策管理员可以确定岗位数额 (the county's HR bureau or an admin sets the posts)");
        if (!MaySet(user, locality)) throw new ApiProblemException(refusal);
        var unit = await RegisteredUnitAsync(locality, unitName);
        if (user is { IsPolicyAdmin: false, IsLocalityAdmin: false } && unit?.County is { } county && county != user.County) throw new ApiProblemException(refusal);
        var name = unit?.Name ?? unitName;
        var quota = await db.Quotas.FirstOrDefaultAsync(q => q.Unit == name && q.PostKind == request.PostKind && q.Level == request.Level);
        if (quota is not null && quota.Locality != locality && quota.Locality != "")
            throw new ApiProblemException(Problems.Invalid("$.unit", $"{name} 的岗位数额属于地区 {quota.Locality} (the unit's posts belong to another locality)"));
        var before = quota is null ? null : new JsonObject { ["posts"] = quota.Posts, ["status"] = quota.Status };
        if (quota is null)
        {
            quota = new QuotaRecord { Unit = name, PostKind = request.PostKind!, Level = request.Level! };
            db.Quotas.Add(quota);
        }
        quota.Locality = locality;
        quota.Posts = request.Posts!.Value;
        quota.Status = QuotaStatuses.Set;
        (quota.SetBy, quota.SetOn) = (user.UserName, Today);
        (quota.FiledBy, quota.FiledOn, quota.FilingNumber) = (null, null, null);
        quota.Revision++;
        audit.Record(user.UserName, GovernanceAuditKinds.QuotaSet, GovernanceAuditKinds.QuotaSubject(quota), locality,
            $"{user.UserName} 确定 {name} 的岗位数额：{Names.PostKind(quota.PostKind)} {world.Current.Name("levels", quota.Level)} {quota.Posts} 个（待备案）",
            new JsonObject { ["unit"] = name, ["postKind"] = quota.PostKind, ["level"] = quota.Level, ["posts"] = quota.Posts, ["before"] = before });
        await db.SaveChangesAsync();
        return Dto(quota, await UsedAsync([quota]));
    }

    public async Task<QuotaDto> FileAsync(CurrentUser user, long id, QuotaFilingRequest request)
    {
        var quota = await db.Quotas.FirstOrDefaultAsync(q => q.Id == id);
        if (quota is null || !(user.CanOverseeLocality(quota.Locality) || (user.IsReviewer && user.Locality == quota.Locality)))
            throw new ApiProblemException(Problems.NotFound("找不到该岗位数额 (no such quota)"));
        if (!(user.IsPolicyAdmin || (user.IsLocalityAdmin && user.Locality == quota.Locality) || (user.IsReviewer && user.Org == $"{quota.Locality}/hr")))
            throw new ApiProblemException(Problems.Forbidden($"只有 {quota.Locality} 的人社部门或管理员可以备案岗位数额 (the prefecture's HR bureau files the posts)"));
        var number = request.FilingNumber?.Trim() ?? "";
        if (number.Length is 0 or > 100) throw new ApiProblemException(Problems.Invalid("$.filingNumber", "请填写备案号（最长 100 字）(filingNumber is required)"));
        if (quota.Status == QuotaStatuses.Filed) throw new ApiProblemException(Problems.Conflict("该岗位数额已备案 (already filed)"));
        quota.Status = QuotaStatuses.Filed;
        (quota.FiledBy, quota.FiledOn, quota.FilingNumber) = (user.UserName, Today, number);
        quota.Revision++;
        audit.Record(user.UserName, GovernanceAuditKinds.QuotaFile, GovernanceAuditKinds.QuotaSubject(quota), quota.Locality,
            $"{user.UserName} 备案 {quota.Unit} 的岗位数额（{quota.Posts} 个），备案号 {number}",
            new JsonObject { ["unit"] = quota.Unit, ["posts"] = quota.Posts, ["filingNumber"] = number });
        await db.SaveChangesAsync();
        return Dto(quota, await UsedAsync([quota]));
    }

    private async Task<OrganisationRecord?> RegisteredUnitAsync(string locality, string unit)
    {
        var units = db.Organisations.AsNoTracking().Where(o => o.Locality == locality && o.Kind == OrganisationEndpoints.Kinds.Unit);
        if (!await units.AnyAsync()) return null;
        return await units.FirstOrDefaultAsync(o => o.Active && (o.Name == unit || o.Id == unit))
            ?? throw new ApiProblemException(Problems.Invalid("$.unit", $"“{unit}” 不是本地区已登记的用人单位 (the unit must be a registered active unit of the locality)"));
    }

    /// <summary>The policy admin; the locality's admin; a county HR reviewer of the locality (for a unit of their own county).</summary>
    private static bool MaySet(CurrentUser user, string locality) =>
        user.IsPolicyAdmin || (user.IsLocalityAdmin && user.Locality == locality) || (user.IsReviewer && user.Org == "county/hr" && user.Locality == locality);

    private async Task<Dictionary<(string, string, string), int>> UsedAsync(IReadOnlyCollection<QuotaRecord> quotas)
    {
        var units = quotas.Select(q => q.Unit).Distinct().ToList();
        return (await db.QuotaReservations.AsNoTracking().Where(r => units.Contains(r.Unit)).ToListAsync())
            .GroupBy(r => (r.Unit, r.PostKind, r.Level)).ToDictionary(g => g.Key, g => g.Count());
    }

    private static QuotaDto Dto(QuotaRecord q, Dictionary<(string, string, string), int> used) => new(
        q.Id, q.Locality, q.Unit, q.PostKind, q.Level, q.Posts, used.GetValueOrDefault((q.Unit, q.PostKind, q.Level)), q.Status,
        q.SetBy, q.SetOn, q.FiledBy, q.FiledOn, q.FilingNumber);

    private static class Names
    {
        public static string PostKind(string kind) => kind == "directed" ? "“双定向”" : "通用";
    }
}
