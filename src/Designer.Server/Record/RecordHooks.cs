using Designer.Engine.Runtime;
using Designer.Persistence;
using Designer.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.Record;

/// <summary>
/// What an application's progress writes to the applicant's record, in the same SaveChanges as the step: a
/// certificate issued here becomes a title held (source "certificate"); a run that found fraud (a Conclude step with
/// recordsIntegrityFinding) becomes an integrity record of three years.
/// </summary>
public static class RecordHooks
{
    public static async Task AfterChangeAsync(DesignerDbContext db, ApplicationRecord application, WorkflowInstanceState state, CertificateRecord? issued, DateTime now)
    {
        if (issued is null && (state.IntegrityFinding is null || !state.Status.IsFinal())) return;
        var holder = await db.Users.AsNoTracking().Where(u => u.Id == application.ApplicantUserId).Select(u => new { u.UserName, u.Locality }).FirstOrDefaultAsync();
        if (holder?.UserName is not { } userName) return;
        if (issued is not null)
        {
            issued.HolderUserName = userName;
            db.TitlesHeld.Add(new TitleHeldRecord
            {
                UserName = userName, Series = issued.Series, Level = issued.Level, Directed = issued.Directed, ValidIn = issued.ValidIn,
                ObtainedOn = issued.IssuedOn, Source = "certificate", CertificateNumber = issued.Number, RegisteredBy = "system", RegisteredAt = now,
            });
        }
        var source = $"application:{application.Id}";
        if (state.IntegrityFinding is { } finding && state.Status.IsFinal() && !await db.IntegrityRecords.AnyAsync(r => r.Source == source))
            db.IntegrityRecords.Add(RecordService.NewIntegrity(userName, holder.Locality.Length > 0 ? holder.Locality : application.Locality, finding,
                ChinaTime.DateOf(new DateTimeOffset(DateTime.SpecifyKind(now, DateTimeKind.Utc))), null, source, "system"));
    }

    /// <summary>The stage that rejected an application: the last step that failed or rejected it, else its last step.</summary>
    public static string? RejectedAt(WorkflowInstanceState state) =>
        (state.Journal.LastOrDefault(e => e.Action is "fail" or "reject") ?? state.Journal.LastOrDefault())?.Stage;
}
