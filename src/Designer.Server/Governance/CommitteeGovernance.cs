using System.Text.Json.Nodes;
using Designer.Engine.Committees;
using Designer.Engine.Runtime;
using Designer.Persistence;
using Designer.Server.Audit;
using Designer.Server.Auth;
using Designer.Server.Committee;
using Designer.Server.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.Governance;

/// <summary>suspend (责令限期整改，暂停评审工作), reinstate (整改完成，恢复评审) or revoke (收回职称评审权), with the reason.</summary>
public sealed record CommitteeGovernanceRequest(string? Committee, string? Action, string? Reason, string? RectifyBy);

/// <summary>
/// The HR authority's hold over a committee (004 §一(四)): a filed committee is suspended with a reason and a day to
/// rectify by, reinstated once it has, or has its right to evaluate withdrawn for good. While suspended or withdrawn,
/// no vote step starts at it, no session is organised or drawn for it and no vote is recorded (the applications wait,
/// faulted with the reason, until an operator retries them after reinstatement). The policy admin and the locality's
/// admin act; every action is audited.
/// </summary>
public sealed class CommitteeGovernance(DesignerDbContext db, AuditLog audit, IClock clock, CommitteeDirectory directory)
{
    public const string Suspend = "suspend";
    public const string Reinstate = "reinstate";
    public const string Revoke = "revoke";

    public async Task<CommitteeDto> ActAsync(CurrentUser user, CommitteeGovernanceRequest request)
    {
        var committee = await db.Committees.FirstOrDefaultAsync(c => c.Id == request.Committee);
        if (committee is null || !user.CanOverseeLocality(committee.Locality))
            throw new ApiProblemException(Problems.NotFound("找不到该评委会 (no such committee)"));
        if (!(user.IsPolicyAdmin || (user.IsLocalityAdmin && user.Locality == committee.Locality)))
            throw new ApiProblemException(Problems.Forbidden("只有本地区管理员或政策管理员可以暂停、恢复或收回评委会的评审权 (admins only)"));
        var reason = request.Reason?.Trim() ?? "";
        if (reason.Length is 0 or > 1000) throw new ApiProblemException(Problems.Invalid("$.reason", "请写明原因（最长 1000 字）(reason is required)"));
        if (request.RectifyBy is { Length: > 0 } by && !DateOnly.TryParseExact(by, "yyyy-MM-dd", out _))
            throw new ApiProblemException(Problems.Invalid("$.rectifyBy", "整改期限应为 yyyy-MM-dd (rectifyBy is a date)"));

        var (from, to, kind, what) = request.Action switch
        {
            Suspend => ((string[])[CommitteeStatuses.Filed], CommitteeStatuses.Suspended, GovernanceAuditKinds.CommitteeSuspend, "责令限期整改，暂停评审工作"),
            Reinstate => ([CommitteeStatuses.Suspended], CommitteeStatuses.Filed, GovernanceAuditKinds.CommitteeReinstate, "整改完成，恢复评审工作"),
            Revoke => ([CommitteeStatuses.Filed, CommitteeStatuses.Suspended], CommitteeStatuses.Revoked, GovernanceAuditKinds.CommitteeRevoke, "收回职称评审权"),
            _ => throw new ApiProblemException(Problems.Invalid("$.action", "操作应为 suspend（暂停）、reinstate（恢复）或 revoke（收回评审权）(unknown action)")),
        };
        if (!from.Contains(committee.Status))
            throw new ApiProblemException(Problems.Conflict($"评委会当前状态为 {StatusName(committee.Status)}，不能{what} (the committee is {committee.Status})"));

        var before = committee.Status;
        committee.Status = to;
        committee.GovernanceReason = request.Action == Reinstate ? null : reason;
        committee.RectifyBy = request.Action == Suspend ? request.RectifyBy : null;
        committee.UpdatedAt = clock.Now.UtcDateTime;
        committee.UpdatedBy = user.UserName;
        audit.Record(user.UserName, kind, AuditKinds.CommitteeSubject(committee.Id), committee.Locality, $"{user.UserName} {what}：{committee.Name}。原因：{reason}",
            new JsonObject { ["before"] = before, ["after"] = to, ["reason"] = reason, ["rectifyBy"] = committee.RectifyBy });
        await db.SaveChangesAsync();
        await directory.ReloadAsync(db);
        return CommitteeRegistryDtos.Committee(committee);
    }

    public static string StatusName(string status) => status switch
    {
        CommitteeStatuses.Draft => "草拟", CommitteeStatuses.Approved => "已核准", CommitteeStatuses.Filed => "已备案",
        CommitteeStatuses.Suspended => "暂停评审", CommitteeStatuses.Revoked => "已收回评审权", _ => status,
    };
}
