using Designer.Engine.Model;
using Designer.Engine.Runtime;
using Designer.Persistence;
using Designer.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.Record;

/// <summary>
/// What an application's progress writes to the applicant's record, in the same SaveChanges as the step: a
/// certificate issued here becomes a title held (source "certificate", or "other-region" for a title recognised from
/// elsewhere); a reissued one (补换发) takes the old certificate's place on the same title; a completed transfer marks
/// the titles it names (Titles.TitleStatus: lapsed, reevaluate, restricted); a run that found fraud (a Conclude step
/// with recordsIntegrityFinding) becomes an integrity record of three years; a run that decided to cancel titles obtained
/// elsewhere (Titles.RevokeTitle, e.g. 多头申报) revokes, when it ends, the applicant's valid certificates of that year
/// (and series) issued by other applications, as a revocation by hand would: the title leaves the register and the
/// revocation is written to the integrity record.
/// </summary>
public static class RecordHooks
{
    public static async Task AfterChangeAsync(DesignerDbContext db, ApplicationRecord application, WorkflowInstanceState state, CertificateRecord? issued, DateTime now)
    {
        var transferred = state.Status == WorkflowStatus.Completed && state.TitleChanges.Count > 0;
        if (issued is null && !transferred && !(state.Status.IsFinal() && (state.IntegrityFinding is not null || state.Revocations.Count > 0))) return;
        var holder = await db.Users.AsNoTracking().Where(u => u.Id == application.ApplicantUserId).Select(u => new { u.UserName, u.Locality }).FirstOrDefaultAsync();
        if (holder?.UserName is not { } userName) return;
        if (issued is not null)
        {
            issued.HolderUserName = userName;
            if (issued.Replaces is { } replaced) await ReplaceAsync(db, userName, issued, replaced);
            else
                db.TitlesHeld.Add(new TitleHeldRecord
                {
                    UserName = userName, Series = issued.Series, Level = issued.Level, Directed = issued.Directed, ValidIn = issued.ValidIn,
                    ObtainedOn = state.Granted?["obtainedOn"].AsString() ?? issued.IssuedOn, Source = state.Granted?["source"].AsString() ?? "certificate",
                    CertificateNumber = issued.Number, RegisteredBy = "system", RegisteredAt = now,
                });
        }
        if (transferred) await MarkTitlesAsync(db, userName, application.Id, state.TitleChanges);
        var source = $"application:{application.Id}";
        if (state.IntegrityFinding is { } finding && state.Status.IsFinal() && !await db.IntegrityRecords.AnyAsync(r => r.Source == source))
            db.IntegrityRecords.Add(RecordService.NewIntegrity(userName, holder.Locality.Length > 0 ? holder.Locality : application.Locality, finding,
                ChinaTime.DateOf(new DateTimeOffset(DateTime.SpecifyKind(now, DateTimeKind.Utc))), null, source, "system"));
        if (state.Status.IsFinal())
            foreach (var revocation in state.Revocations)
                await RevokeAsync(db, application, userName, revocation, ChinaTime.DateOf(new DateTimeOffset(DateTime.SpecifyKind(now, DateTimeKind.Utc))));
    }

    private static async Task RevokeAsync(DesignerDbContext db, ApplicationRecord application, string userName, TitleRevocation revocation, DateOnly today)
    {
        var issuedIn = $"{revocation.Year:D4}-";
        var certificates = await db.Certificates.Where(c => c.HolderUserName == userName && c.Status == CertificateStatuses.Valid &&
                                                             c.ApplicationId != application.Id && c.IssuedOn.StartsWith(issuedIn) &&
                                                             (revocation.Series == null || c.Series == revocation.Series)).ToListAsync();
        foreach (var certificate in certificates)
        {
            certificate.Status = CertificateStatuses.Revoked;
            certificate.RevokedOn = today.ToString("yyyy-MM-dd");
            certificate.RevokedBy = "system";
            certificate.RevocationReason = $"{revocation.Reason}（申报 {application.Id}）";
            db.TitlesHeld.RemoveRange(await db.TitlesHeld.Where(t => t.CertificateNumber == certificate.Number).ToListAsync());
            db.IntegrityRecords.Add(RecordService.NewIntegrity(userName, certificate.Locality, $"证书 {certificate.Number} 被撤销：{certificate.RevocationReason}",
                today, null, $"certificate-revoked:{certificate.Number}", "system"));
        }
    }

    /// <summary>A reissued certificate (补换发) takes the place of the old one on the title held; the old one, if issued here, becomes "replaced".</summary>
    private static async Task ReplaceAsync(DesignerDbContext db, string userName, CertificateRecord issued, string replaced)
    {
        foreach (var title in await db.TitlesHeld.Where(t => t.UserName == userName && t.CertificateNumber == replaced).ToListAsync())
            title.CertificateNumber = issued.Number;
        if (await db.Certificates.FirstOrDefaultAsync(c => c.Number == replaced) is { Status: CertificateStatuses.Valid } old)
        {
            old.Status = CertificateStatuses.Replaced;
            old.ReplacedBy = issued.Number;
            old.ReplacementReason = issued.ReplacementReason;
        }
    }

    /// <summary>
    /// Writes a completed transfer's changes to the titles it names: by certificate number, else by series, level and
    /// date obtained. A title already marked keeps its first marking; a title no longer held (revoked meanwhile) is skipped.
    /// </summary>
    private static async Task MarkTitlesAsync(DesignerDbContext db, string userName, string applicationId, System.Text.Json.Nodes.JsonArray changes)
    {
        var titles = await db.TitlesHeld.Where(t => t.UserName == userName).ToListAsync();
        foreach (var change in changes.OfType<System.Text.Json.Nodes.JsonObject>())
        {
            var number = change["certificateNumber"].AsString();
            var title = titles.FirstOrDefault(t => number is not null ? t.CertificateNumber == number
                : t.Series == change["series"].AsString() && t.Level == change["level"].AsString() && t.ObtainedOn == change["obtainedOn"].AsString());
            if (title is null || title.Status != TitleStatuses.Valid) continue;
            title.Status = change["status"].AsString() ?? TitleStatuses.Valid;
            title.StatusReason = change["reason"].AsString();
            title.StatusOn = change["on"].AsString();
            title.StatusApplicationId = applicationId;
        }
    }

    /// <summary>The stage that rejected an application: the last step that failed or rejected it, else its last step.</summary>
    public static string? RejectedAt(WorkflowInstanceState state) => state.JournalIndex.LastRejectedStage ?? state.JournalIndex.LastStage;
}
