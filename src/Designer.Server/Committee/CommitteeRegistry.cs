using Designer.Engine.Committees;
using Designer.Engine.Forms;
using Designer.Engine.Runtime;
using Designer.Persistence;
using Designer.Persistence.Entities;
using Designer.Server.Audit;
using Designer.Server.Auth;
using Designer.Server.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.Committee;

/// <summary>
/// The evaluation committees: one series each (不得设立综合性评委会), levels, an organiser office of the locality,
/// members from the pool of the committee's series, and the approval and filing (draft → approved → filed; only a
/// filed committee evaluates). Admins and auditors read them, and reviewers of the locality (the committee office);
/// the policy admin and the locality's admin write.
/// </summary>
public sealed class CommitteeRegistry(DesignerDbContext db, AuditLog audit, IClock clock, CommitteeDirectory directory, World.WorldVocabulary world)
{
    public async Task<Paged<CommitteeDto>> ListAsync(CurrentUser user, string? locality, string? series, string? status, int? page, int? pageSize)
    {
        var committees = db.Committees.AsNoTracking();
        committees = committees.ForStaff(user, c => c.Locality == user.Locality, "无权查看评委会 (staff only)");
        if (!string.IsNullOrEmpty(locality)) committees = committees.Where(c => c.Locality == locality);
        if (!string.IsNullOrEmpty(series)) committees = committees.Where(c => c.SeriesJson.Contains($"\"{series}\""));
        if (!string.IsNullOrEmpty(status)) committees = committees.Where(c => c.Status == status);
        return await committees.OrderBy(c => c.Locality).ThenBy(c => c.Id).PageAsync(page, pageSize, CommitteeRegistryDtos.Committee);
    }

    public async Task<CommitteeRecord> FindAsync(CurrentUser user, string id)
    {
        var committee = await db.Committees.FirstOrDefaultAsync(c => c.Id == id);
        if (committee is null || !CanRead(user, committee.Locality)) throw new ApiProblemException(Problems.NotFound("找不到该评委会 (no such committee)"));
        return committee;
    }

    private static bool CanRead(CurrentUser user, string locality) =>
        user.CanOverseeLocality(locality) || (user.IsReviewer && user.Locality == locality);

    public async Task<CommitteeRecord> CreateAsync(CurrentUser user, CommitteeRequest request)
    {
        CheckWriter(user, request.Locality ?? "");
        var errors = await CheckAsync(request, previousStatus: null);
        if (errors.Count == 0 && await db.Committees.AnyAsync(c => c.Id == request.Id)) errors.Add(new("$.id", $"评委会编号 “{request.Id}” 已存在 (duplicate id)"));
        Refuse(errors);
        var committee = new CommitteeRecord { Id = request.Id! };
        Apply(committee, request, user);
        db.Committees.Add(committee);
        Record(user, AuditKinds.CommitteeCreate, committee, "设立评委会");
        await db.SaveChangesAsync();
        await directory.ReloadAsync(db);
        return committee;
    }

    public async Task<CommitteeRecord> UpdateAsync(CurrentUser user, string id, CommitteeRequest request)
    {
        var committee = await FindAsync(user, id);
        CheckWriter(user, committee.Locality);
        request = request with { Id = request.Id ?? id, Locality = request.Locality ?? committee.Locality };
        var errors = await CheckAsync(request, committee.Status);
        if (request.Id != id) errors.Add(new("$.id", "评委会编号不能修改 (the id cannot change)"));
        if (request.Locality != committee.Locality) errors.Add(new("$.locality", "评委会所属地区不能修改 (the locality cannot change)"));
        Refuse(errors);
        Apply(committee, request, user);
        Record(user, AuditKinds.CommitteeUpdate, committee, $"修改评委会（{committee.Status}）");
        await db.SaveChangesAsync();
        await directory.ReloadAsync(db);
        return committee;
    }

    private static void Refuse(List<FieldError> errors)
    {
        if (errors.Count > 0) throw new ApiProblemException(Problems.FormErrors(errors, errors[0].Message));
    }

    private static void CheckWriter(CurrentUser user, string locality)
    {
        if (!(user.IsPolicyAdmin || (user.IsLocalityAdmin && locality == user.Locality)))
            throw new ApiProblemException(Problems.Forbidden(user.IsLocalityAdmin
                ? $"地区管理员只能管理本地区（{user.Locality}）的评委会 (locality admins manage their own locality only)"
                : "只有管理员可以设立或修改评委会 (admins only)"));
    }

    private async Task<List<FieldError>> CheckAsync(CommitteeRequest request, string? previousStatus)
    {
        var errors = new List<FieldError>();
        var codes = new WorldCodes(world.Current);
        var locality = request.Locality ?? "";
        if (!codes.LocalityExists(locality)) errors.Add(new("$.locality", $"地区 “{locality}” 不存在 (unknown locality)"));
        if (string.IsNullOrWhiteSpace(request.Id) || !request.Id.StartsWith($"{locality}/committee/", StringComparison.Ordinal) ||
            request.Id.Length <= $"{locality}/committee/".Length || request.Id.Length > 120 || request.Id.Any(char.IsWhiteSpace))
            errors.Add(new("$.id", $"评委会编号应为 {locality}/committee/<代码> (the id is <locality>/committee/<code>)"));
        if (string.IsNullOrWhiteSpace(request.Name)) errors.Add(new("$.name", "缺少评委会名称 (name is required)"));

        var series = request.Series ?? [];
        if (series.Count == 0) errors.Add(new("$.series", "评委会须指定评审的系列 (series is required)"));
        else if (series.Distinct().Count() > 1)
            errors.Add(new("$.series", $"不得设立综合性评委会：一个评委会只评审一个系列，这里有 {series.Distinct().Count()} 个（{string.Join("、", series.Distinct())}）(a committee evaluates one series)"));
        for (var i = 0; i < series.Count; i++)
            if (!codes.SeriesExists(series[i])) errors.Add(new($"$.series[{i}]", $"系列 “{series[i]}” 不存在 (unknown series)"));

        var levels = request.Levels ?? [];
        if (levels.Count == 0) errors.Add(new("$.levels", "评委会须指定评审的层级 (levels are required)"));
        for (var i = 0; i < levels.Count; i++)
            if (!codes.LevelExists(levels[i])) errors.Add(new($"$.levels[{i}]", $"层级 “{levels[i]}” 不存在 (unknown level)"));

        if (!codes.IsOfficeOf(request.Organiser ?? "", locality))
            errors.Add(new("$.organiser", $"组建单位 “{request.Organiser}” 应为本地区的机构，如 {locality}/hr (the organiser is an office of the locality)"));

        var experts = request.Experts ?? [];
        var known = await db.Experts.AsNoTracking().Where(e => experts.Contains(e.Id)).ToDictionaryAsync(e => e.Id);
        for (var i = 0; i < experts.Count; i++)
        {
            if (experts[i] is null || !known.TryGetValue(experts[i], out var expert)) errors.Add(new($"$.experts[{i}]", $"专家 “{experts[i]}” 不在专家库中 (not in the pool)"));
            else if (series.Count == 1 && expert.Series != series[0])
                errors.Add(new($"$.experts[{i}]", $"专家 {expert.Name}（{expert.Id}）属于 {expert.Series} 系列，不是本评委会的 {series[0]} 系列 (an expert of another series)"));
        }
        if (experts.Distinct().Count() != experts.Count) errors.Add(new("$.experts", "专家重复 (an expert is listed twice)"));

        if (request.StandardsPublishedOn is { Length: > 0 } published && !DateOnly.TryParseExact(published, "yyyy-MM-dd", out _))
            errors.Add(new("$.standardsPublishedOn", "评审标准公布日期应为 yyyy-MM-dd (standardsPublishedOn is a date)"));
        if (request.StandardsTitle?.Length > 300) errors.Add(new("$.standardsTitle", "评审标准名称最长 300 字 (standardsTitle is too long)"));

        var status = request.Status ?? previousStatus ?? CommitteeStatuses.Draft;
        if (previousStatus is not null && CommitteeStatuses.Governance.Contains(previousStatus))
        {
            if (status != previousStatus)
                errors.Add(new("$.status", $"评委会已{(previousStatus == CommitteeStatuses.Revoked ? "被收回评审权" : "暂停评审")}，状态只能通过恢复或收回操作改变 (use the governance action)"));
            return errors;
        }
        if (CommitteeStatuses.Governance.Contains(status))
        {
            errors.Add(new("$.status", "暂停评审或收回评审权须通过 /api/committees/governance 写明原因办理 (use the governance action)"));
            return errors;
        }
        var index = CommitteeStatuses.All.ToList().IndexOf(status);
        if (index < 0) errors.Add(new("$.status", $"状态 “{status}” 无效：draft、approved 或 filed (unknown status)"));
        else
        {
            if (previousStatus is not null && index < CommitteeStatuses.All.ToList().IndexOf(previousStatus))
                errors.Add(new("$.status", $"评委会已是 {previousStatus}，不能退回 {status} (the status only moves forward)"));
            if (index >= 1 && (string.IsNullOrWhiteSpace(request.ApprovedBy) || !DateOnly.TryParseExact(request.ApprovedOn, "yyyy-MM-dd", out _)))
                errors.Add(new(string.IsNullOrWhiteSpace(request.ApprovedBy) ? "$.approvedBy" : "$.approvedOn",
                    "核准的评委会须写明核准机关和核准日期（yyyy-MM-dd）(approvedBy and approvedOn are required once approved)"));
            if (index >= 2 && string.IsNullOrWhiteSpace(request.FilingNumber))
                errors.Add(new("$.filingNumber", "备案的评委会须写明备案号 (filingNumber is required once filed)"));
        }
        return errors;
    }

    private void Apply(CommitteeRecord committee, CommitteeRequest request, CurrentUser user)
    {
        committee.Locality = request.Locality!;
        committee.Name = request.Name!.Trim();
        committee.SeriesJson = CommitteeRegistryDtos.Json(request.Series!.Distinct());
        committee.LevelsJson = CommitteeRegistryDtos.Json(request.Levels!.Distinct());
        committee.Organiser = request.Organiser!;
        committee.ExpertsJson = CommitteeRegistryDtos.Json(request.Experts);
        committee.Status = request.Status ?? (committee.Status is { Length: > 0 } kept ? kept : CommitteeStatuses.Draft);
        committee.StandardsTitle = string.IsNullOrWhiteSpace(request.StandardsTitle) ? null : request.StandardsTitle.Trim();
        committee.StandardsPublishedOn = string.IsNullOrWhiteSpace(request.StandardsPublishedOn) ? null : request.StandardsPublishedOn;
        committee.ApprovedBy = request.ApprovedBy;
        committee.ApprovedOn = request.ApprovedOn;
        committee.FilingNumber = request.FilingNumber;
        committee.UpdatedAt = clock.Now.UtcDateTime;
        committee.UpdatedBy = user.UserName;
    }

    private void Record(CurrentUser user, string kind, CommitteeRecord committee, string what) =>
        audit.Record(user.UserName, kind, AuditKinds.CommitteeSubject(committee.Id), committee.Locality, $"{user.UserName} {what}：{committee.Name}（{committee.Id}）",
            ApiJson.ToNode(CommitteeRegistryDtos.Committee(committee)));
}
