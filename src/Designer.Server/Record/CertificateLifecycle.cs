using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Designer.Engine.Runtime;
using Designer.Persistence;
using Designer.Persistence.Entities;
using Designer.Server.Audit;
using Designer.Server.Auth;
using Designer.Server.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.Record;

/// <summary>
/// A certificate's life after issue, as procedures (each audited), never as database edits: revocation (fraud found
/// later: 已取得职称的一律予以撤销), and reissue (补发) or replacement (换发) under a new number linked to the old.
/// HR reviewers of the certificate's locality and admins act; anyone else gets 404.
/// </summary>
public sealed partial class CertificateLifecycle(DesignerDbContext db, AuditLog audit, IClock clock)
{
    private string Today => ChinaTime.DateOf(clock.Now).ToString("yyyy-MM-dd");

    public async Task<CertificateState> FindAsync(CurrentUser user, string number) => ToDto(await WritableAsync(user, number));

    public async Task<CertificateState> RevokeAsync(CurrentUser user, string number, RevokeRequest request)
    {
        var certificate = await WritableAsync(user, number);
        if (string.IsNullOrWhiteSpace(request.Reason)) throw new ApiProblemException(Problems.Invalid("$.reason", "撤销须写明原因 (a revocation needs its reason)"));
        if (certificate.Status != CertificateStatuses.Valid)
            throw new ApiProblemException(Problems.Conflict($"该证书已{(certificate.Status == CertificateStatuses.Revoked ? "撤销" : "换发")}，不能撤销 (the certificate is {certificate.Status})"));
        certificate.Status = CertificateStatuses.Revoked;
        certificate.RevokedOn = Today;
        certificate.RevokedBy = user.UserName;
        certificate.RevocationReason = request.Reason.Trim();
        var held = await db.TitlesHeld.Where(t => t.CertificateNumber == number).ToListAsync();
        db.TitlesHeld.RemoveRange(held);
        if (request.RecordIntegrityFinding != false && certificate.HolderUserName is { } holder)
            db.IntegrityRecords.Add(RecordService.NewIntegrity(holder, certificate.Locality, $"证书 {number} 被撤销：{certificate.RevocationReason}",
                ChinaTime.DateOf(clock.Now), null, $"certificate-revoked:{number}", user.UserName));
        audit.Record(user.UserName, RecordAuditKinds.CertificateRevoke, RecordAuditKinds.CertificateSubject(number), certificate.Locality,
            $"撤销证书 {number}：{certificate.RevocationReason}", new JsonObject
            {
                ["reason"] = certificate.RevocationReason, ["revokedOn"] = certificate.RevokedOn, ["titlesRemoved"] = held.Count,
                ["integrityRecord"] = request.RecordIntegrityFinding != false && certificate.HolderUserName is not null,
            });
        await db.SaveChangesAsync();
        return ToDto(certificate);
    }

    /// <summary>Issues a new number for the same title; the old one becomes "replaced" and points to it.</summary>
    public async Task<CertificateState> ReissueAsync(CurrentUser user, string number, ReissueRequest request, bool replacement)
    {
        var old = await WritableAsync(user, number);
        if (string.IsNullOrWhiteSpace(request.Reason))
            throw new ApiProblemException(Problems.Invalid("$.reason", $"{(replacement ? "换发" : "补发")}须写明原因 (a reason is required)"));
        if (replacement && string.IsNullOrWhiteSpace(request.Holder) && request.Holder is not null)
            throw new ApiProblemException(Problems.Invalid("$.holder", "持证人姓名不能为空 (holder cannot be empty)"));
        if (old.Status != CertificateStatuses.Valid)
            throw new ApiProblemException(Problems.Conflict($"只有有效的证书可以{(replacement ? "换发" : "补发")} (the certificate is {old.Status})"));
        var root = Reissued().Replace(number, "");
        var taken = await db.Certificates.CountAsync(c => c.Number.StartsWith(root + "-R"));
        var fresh = new CertificateRecord
        {
            Number = $"{root}-R{taken + 1}", ApplicationId = old.ApplicationId, Locality = old.Locality,
            Holder = replacement && !string.IsNullOrWhiteSpace(request.Holder) ? request.Holder.Trim() : old.Holder, HolderUserName = old.HolderUserName,
            Series = old.Series, Level = old.Level, Directed = old.Directed, ValidIn = old.ValidIn, IssuedOn = Today, Replaces = number,
            ReplacementReason = request.Reason.Trim(),
        };
        old.Status = CertificateStatuses.Replaced;
        old.ReplacedBy = fresh.Number;
        old.ReplacementReason = fresh.ReplacementReason;
        db.Certificates.Add(fresh);
        foreach (var title in await db.TitlesHeld.Where(t => t.CertificateNumber == number).ToListAsync()) title.CertificateNumber = fresh.Number;
        audit.Record(user.UserName, replacement ? RecordAuditKinds.CertificateReplace : RecordAuditKinds.CertificateReissue,
            RecordAuditKinds.CertificateSubject(number), old.Locality,
            $"{(replacement ? "换发" : "补发")}证书 {number} → {fresh.Number}：{fresh.ReplacementReason}",
            new JsonObject { ["from"] = number, ["to"] = fresh.Number, ["reason"] = fresh.ReplacementReason, ["holder"] = fresh.Holder });
        await db.SaveChangesAsync();
        return ToDto(fresh);
    }

    private async Task<CertificateRecord> WritableAsync(CurrentUser user, string number)
    {
        var certificate = await db.Certificates.FirstOrDefaultAsync(c => c.Number == number);
        if (certificate is null || !RecordAccess.CanWrite(user, certificate.Locality))
            throw new ApiProblemException(Problems.NotFound("该证书编号不存在 (no such certificate)"));
        return certificate;
    }

    [GeneratedRegex(@"(-R\d+)+$")]
    private static partial Regex Reissued();

    public static CertificateState ToDto(CertificateRecord c) => new(
        c.Number, c.ApplicationId, c.Holder, c.HolderUserName, c.Series, c.Level, c.Directed, c.ValidIn, c.IssuedOn, c.Locality, c.Status,
        c.RevokedOn, c.RevokedBy, c.RevocationReason, c.Replaces, c.ReplacedBy, c.ReplacementReason);
}
