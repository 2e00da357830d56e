using Designer.Persistence;
using Designer.Server.Auth;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.Integration;

/// <summary>
/// What an integration (the region's platform, with a client-credentials token and the "results" scope) reads:
/// the decided applications and the certificates of the locality its client is configured for. Read only.
/// </summary>
public static class ResultEndpoints
{
    public static void MapIntegration(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/integration").WithTags("Integration").RequireAuthorization(Policies.ReadResults);
        group.MapGet("/results", DecidedApplications);
        group.MapGet("/certificates", Certificates);
    }

    private static readonly string[] Decided = ["Completed", "Rejected", "Withdrawn"];

    private static async Task<IResult> DecidedApplications(HttpContext context, DesignerDbContext db)
    {
        var locality = context.CurrentUser().Locality;
        var decided = await db.Applications.AsNoTracking().Where(a => a.Locality == locality && Decided.Contains(a.Status))
            .OrderBy(a => a.UpdatedAt).ThenBy(a => a.Id)
            .Select(a => new { a.Id, a.ApplicantName, a.WorkflowName, a.DefinitionId, a.Status, a.Year, a.Series, a.Level, a.UpdatedAt })
            .ToListAsync();
        var ids = decided.Select(a => a.Id).ToList();
        var certificates = await db.Certificates.AsNoTracking().Where(c => ids.Contains(c.ApplicationId))
            .ToDictionaryAsync(c => c.ApplicationId, c => c.Number);
        return Results.Ok(decided.Select(a => new
        {
            id = a.Id, applicantName = a.ApplicantName, workflowName = a.WorkflowName, definitionId = a.DefinitionId, status = a.Status,
            year = a.Year, series = a.Series, level = a.Level, decidedAt = a.UpdatedAt, certificateNumber = certificates.GetValueOrDefault(a.Id),
        }));
    }

    private static async Task<IResult> Certificates(HttpContext context, DesignerDbContext db)
    {
        var locality = context.CurrentUser().Locality;
        var certificates = await db.Certificates.AsNoTracking().Where(c => c.Locality == locality).OrderBy(c => c.Number).ToListAsync();
        return Results.Ok(certificates.Select(c => new
        {
            number = c.Number, applicationId = c.ApplicationId, holder = c.Holder, series = c.Series, level = c.Level,
            directed = c.Directed, validIn = c.ValidIn, issuedOn = c.IssuedOn, locality = c.Locality,
        }));
    }
}
