using System.Text.Json.Nodes;
using Designer.Engine.Runtime;
using Designer.Persistence;
using Designer.Server.Audit;
using Designer.Server.Auth;
using Designer.Server.Committee;
using Designer.Server.Hosting;
using Designer.Server.Record;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.Governance;

/// <summary>An expert who broke the evaluation rules, and how.</summary>
public sealed record ExpertViolationRequest(string? Expert, string? Reason);

/// <summary>The expert (no longer in the pool) and the integrity record written for them.</summary>
public sealed record ExpertViolationResult(ExpertDto Expert, string IntegrityRecordFor, string Finding, string From, string Until);

/// <summary>
/// 违反评审规定的评委，取消其评审专家资格，通报批评并计入职称评审诚信档案库 (004 §一(四)): the expert leaves the pool
/// (inactive: no draw takes them, and a draw takes only the pool's active experts, so nobody outside the pool sits on
/// a committee), and the finding is kept in the integrity records under "expert:&lt;id&gt;". The policy admin and the
/// expert's locality admin act; audited.
/// </summary>
public sealed class ExpertViolations(DesignerDbContext db, AuditLog audit, IClock clock)
{
    public const string IntegrityPrefix = "expert:";

    public async Task<ExpertViolationResult> RecordAsync(CurrentUser user, ExpertViolationRequest request)
    {
        var expert = await db.Experts.FirstOrDefaultAsync(e => e.Id == request.Expert);
        if (expert is null || !user.CanOverseeLocality(expert.Locality)) throw new ApiProblemException(Problems.NotFound("找不到该专家 (no such expert)"));
        if (!(user.IsPolicyAdmin || (user.IsLocalityAdmin && user.Locality == expert.Locality)))
            throw new ApiProblemException(Problems.Forbidden("只有本地区管理员或政策管理员可以记录评审专家的违规 (admins only)"));
        var reason = request.Reason?.Trim() ?? "";
        if (reason.Length is 0 or > 1000) throw new ApiProblemException(Problems.Invalid("$.reason", "请写明违反的评审规定（最长 1000 字）(reason is required)"));

        var today = ChinaTime.DateOf(clock.Now);
        var finding = $"评审专家 {expert.Name} 违反评审规定：{reason}；取消评审专家资格，通报批评";
        var integrity = RecordService.NewIntegrity(IntegrityPrefix + expert.Id, expert.Locality, finding, today, null, $"expert-violation:{expert.Id}", user.UserName);
        db.IntegrityRecords.Add(integrity);
        var wasActive = expert.Active;
        expert.Active = false;
        expert.UpdatedAt = clock.Now.UtcDateTime;
        expert.UpdatedBy = user.UserName;
        audit.Record(user.UserName, GovernanceAuditKinds.ExpertViolation, AuditKinds.ExpertSubject(expert.Id), expert.Locality, $"{user.UserName} 记录评审专家违规：{finding}",
            new JsonObject { ["reason"] = reason, ["wasActive"] = wasActive, ["integrityUntil"] = integrity.Until });
        await db.SaveChangesAsync();
        return new ExpertViolationResult(CommitteeRegistryDtos.Expert(expert), integrity.UserName, finding, integrity.From, integrity.Until);
    }
}
