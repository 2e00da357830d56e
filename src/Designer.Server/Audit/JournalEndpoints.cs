using Designer.Persistence;
using Designer.Persistence.Entities;
using Designer.Server.Applications;
using Designer.Server.Auth;
using Designer.Server.World;
using Designer.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.Audit;

/// <summary>An application's audit entries and the verdict on the chain that holds them.</summary>
public sealed record ApplicationJournal(
    string ApplicationId, string Status, string ApplicantName, string Locality, string DefinitionId, int DefinitionVersion,
    Engine.Audit.ChainVerification Verification, IReadOnlyList<CheckedAuditEntry> Entries);

/// <summary>
/// An application's audit entries, with whether the chain holding them is intact: its own entries and the chain since
/// the last checkpoint are verified on every request (AuditChainWatch), not the whole trail.
/// </summary>
public static class JournalEndpoints
{
    public static void MapJournal(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/applications/{id}/journal", Journal).WithTags("Auditing").RequireAuthorization(Policies.Staff);

    private static async Task<Results<Ok<ApplicationJournal>, ProblemHttpResult>> Journal(string id, HttpContext http, DesignerDbContext db, AuditChainWatch watch)
    {
        var application = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id);
        if (application is null || !http.CurrentUser().CanOverseeLocality(application.Locality))
            return Problems.NotFound("找不到该申报 (no such application)");
        var subject = AuditKinds.ApplicationSubject(id);
        // Its own entries first: the chain read after them reaches at least as far.
        var own = await db.AuditEntries.AsNoTracking().Where(e => e.Subject == subject).OrderBy(e => e.Sequence).ToListAsync();
        var verification = await watch.VerifyJournalAsync(db, own);
        var entries = own.Select(r => AuditDtos.Entry(r, verification)).ToList();
        string? SessionOf(CheckedAuditEntry e) => TimelineNames.SessionIdOfComment((e.Data as System.Text.Json.Nodes.JsonObject)?["comment"] is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<string>(out var c) ? c : null);
        var names = await TimelineNames.LoadAsync(db, http.Vocabulary(), entries.Select(e => e.Actor), entries.Select(SessionOf));
        return TypedResults.Ok(new ApplicationJournal(
            application.Id, application.Status, application.ApplicantName, application.Locality,
            application.DefinitionId, application.DefinitionVersion,
            verification,
            entries.Select(e => e with
            {
                ActorName = names.Actor(e.Actor)?.DisplayName, ActorOrg = names.Actor(e.Actor)?.OrgName, SessionName = names.Session(SessionOf(e)),
            }).ToList()));
    }
}
