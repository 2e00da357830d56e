using System.Text;
using Designer.Engine.Model;
using Designer.Persistence;
using Designer.Persistence.Entities;
using Designer.Server.Auth;
using Designer.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.Audit;

/// <summary>
/// The trail itself: entries (newest first; a locality admin sees their locality's), the chain's full verification
/// (every entry from the first; it also resets the journals' checkpoint, see AuditChainWatch), and the export
/// `designer audit verify FILE` reads. Read-only: nothing here writes to the database.
/// </summary>
public static class AuditEndpoints
{
    public static void MapAudit(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/audit").WithTags("Auditing").RequireAuthorization(Policies.Staff);
        group.MapGet("/", List).Fails(422);
        group.MapGet("/verify", async (DesignerDbContext db, AuditChainWatch watch) => TypedResults.Ok(await watch.VerifyAllAsync(db)));
        group.MapGet("/export", Export).Produces<List<Engine.Audit.AuditEntry>>(StatusCodes.Status200OK, "application/json");
        app.MapDefinitionAudit();
        app.MapJournal();
        app.MapUpstream();
        app.MapReplay();
    }

    private static async Task<Ok<Paged<AuditTrailEntry>>> List(string? subject, string? kind, string? locality, int? page, int? pageSize, HttpContext http, DesignerDbContext db)
    {
        var user = http.CurrentUser();
        var query = db.AuditEntries.AsNoTracking();
        if (!user.SeesEverything) query = query.Where(e => e.Locality == user.Locality);
        if (locality is not null) query = query.Where(e => e.Locality == locality);
        if (!string.IsNullOrEmpty(subject)) query = query.Where(e => e.Subject == subject || e.Subject.StartsWith(subject + "/"));
        if (!string.IsNullOrEmpty(kind)) query = kind.Contains('.') ? query.Where(e => e.Kind == kind) : query.Where(e => e.Kind.StartsWith(kind + "."));
        return TypedResults.Ok(await query.OrderByDescending(e => e.Sequence).PageAsync(page, pageSize, AuditDtos.Entry));
    }

    /// <summary>The whole trail as the engine's AuditEntry list (the whole chain: for the policy admin and the auditor).</summary>
    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Export(HttpContext http, DesignerDbContext db)
    {
        if (!http.CurrentUser().SeesEverything) return Problems.Forbidden("只有审计员和政策管理员可以导出完整的审计链 (only the auditor and the policy admin export the whole trail)");
        var rows = await db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
        return TypedResults.File(Encoding.UTF8.GetBytes(JsonText.Serialize(rows.Select(r => r.ToEntry()).ToList())), "application/json", "audit-trail.json");
    }
}
