using System.Text.Json.Nodes;
using Designer.Engine.Runtime;
using Designer.Persistence;
using Designer.Persistence.Entities;
using Designer.Server.Applications;
using Designer.Server.Audit;
using Designer.Server.Auth;
using Designer.Server.Hosting;
using Designer.Server.Record;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.Governance;

/// <summary>Why a completed result is void (which step did not follow the procedure).</summary>
public sealed record InvalidationRequest(string? Reason);

public sealed record InvalidationResult(string ApplicationId, string Status, string Reason, IReadOnlyList<string> RevokedCertificates);

/// <summary>
/// 对未按规定程序开展申报、推荐、评审工作的，其推荐、评审结果一律无效 (003 §四(一)): an operator declares a completed
/// application's result void with the reason. The application's status becomes Invalidated, its certificates are
/// revoked (the public check shows why) and the titles they granted leave the holder's record; no integrity finding
/// is written (the fault is the procedure's, not necessarily the applicant's; an admin records one separately when
/// it is). Audited; the applicant is told.
/// </summary>
public sealed class ResultInvalidation(DesignerDbContext db, AuditLog audit, IClock clock, Notifications.NotificationCentre notifications)
{
    public const string InvalidatedStatus = "Invalidated";

    public async Task<InvalidationResult> InvalidateAsync(CurrentUser user, string id, InvalidationRequest request)
    {
        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == id);
        if (application is null || application.Status == ApplicationRunner.DraftStatus || !user.CanOverseeLocality(application.Locality))
            throw new ApiProblemException(Problems.NotFound("找不到该申报 (no such application)"));
        var reason = request.Reason?.Trim() ?? "";
        if (reason.Length is 0 or > 1000) throw new ApiProblemException(Problems.Invalid("$.reason", "请写明未按规定程序办理之处（最长 1000 字）(reason is required)"));
        if (application.Status != nameof(WorkflowStatus.Completed))
            throw new ApiProblemException(Problems.Conflict(application.Status == InvalidatedStatus
                ? "该申报的结果已宣布无效 (already invalidated)"
                : "只有已办结通过的申报可以宣布结果无效；办理中的申报请终止 (only a completed result can be invalidated)"));

        var today = ChinaTime.DateOf(clock.Now).ToString("yyyy-MM-dd");
        var revocation = $"未按规定程序开展申报、推荐、评审，结果无效：{reason}";
        var certificates = await db.Certificates.Where(c => c.ApplicationId == id && c.Status == CertificateStatuses.Valid).ToListAsync();
        foreach (var certificate in certificates)
        {
            certificate.Status = CertificateStatuses.Revoked;
            (certificate.RevokedOn, certificate.RevokedBy, certificate.RevocationReason) = (today, user.UserName, revocation);
        }
        var numbers = certificates.Select(c => c.Number).ToList();
        db.TitlesHeld.RemoveRange(await db.TitlesHeld.Where(t => t.CertificateNumber != null && numbers.Contains(t.CertificateNumber)).ToListAsync());
        application.Status = InvalidatedStatus;
        application.UpdatedAt = clock.Now.UtcDateTime;
        audit.Record(user.UserName, GovernanceAuditKinds.ApplicationInvalidate, AuditKinds.ApplicationSubject(id), application.Locality,
            $"{user.UserName} 宣布申报 {id}（{application.ApplicantName}）的推荐、评审结果无效：{reason}",
            new JsonObject { ["reason"] = reason, ["revokedCertificates"] = new JsonArray([.. numbers.Select(n => JsonValue.Create(n))]) });
        await notifications.ResultInvalidatedAsync(application, revocation);
        await db.SaveChangesAsync();
        await notifications.FlushAsync();
        return new InvalidationResult(id, application.Status, reason, numbers);
    }
}
