using Designer.Persistence;
using Designer.Persistence.Entities;
using Designer.Server.Auth;
using Designer.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.Integration;

/// <summary>A decided application as an integration reads it, with the number of the certificate it granted.</summary>
public sealed record DecidedApplication(
    string Id, string ApplicantName, string WorkflowName, string DefinitionId, string Status, int Year, string? Series, string? Level,
    DateTime DecidedAt, string? CertificateNumber);

/// <summary>A certificate granted in the client's locality (the holder's name in full: the client is trusted with it).</summary>
public sealed record GrantedCertificate(
    string Number, string ApplicationId, string Holder, string Series, string Level, bool Directed, string? ValidIn, string IssuedOn, string Locality);

/// <summary>
/// What an integration (the region's platform, with a client-credentials token and the "results" scope) reads:
/// the decided applications and the certificates of the locality its client is configured for. Read only; paged.
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

    private static async Task<Ok<Paged<DecidedApplication>>> DecidedApplications(int? page, int? pageSize, HttpContext context, DesignerDbContext db)
    {
        var locality = context.CurrentUser().Locality;
        var decided = await db.Applications.AsNoTracking().Where(a => a.Locality == locality && Decided.Contains(a.Status))
            .OrderBy(a => a.UpdatedAt).ThenBy(a => a.Id)
            .PageAsync(page, pageSize, a => a);
        var ids = decided.Items.Select(a => a.Id).ToList();
        var certificates = await db.Certificates.AsNoTracking().Where(c => ids.Contains(c.ApplicationId))
            .ToDictionaryAsync(c => c.ApplicationId, c => c.Number);
        return TypedResults.Ok(new Paged<DecidedApplication>(decided.Items.Select(a => new DecidedApplication(
                a.Id, a.ApplicantName, a.WorkflowName, a.DefinitionId, a.Status, a.Year, a.Series, a.Level, a.UpdatedAt,
                certificates.GetValueOrDefault(a.Id))).ToList(),
            decided.Total, decided.Page, decided.PageSize));
    }

    private static async Task<Ok<Paged<GrantedCertificate>>> Certificates(int? page, int? pageSize, HttpContext context, DesignerDbContext db)
    {
        var locality = context.CurrentUser().Locality;
        return TypedResults.Ok(await db.Certificates.AsNoTracking().Where(c => c.Locality == locality).OrderBy(c => c.Number)
            .PageAsync(page, pageSize, (CertificateRecord c) => new GrantedCertificate(
                c.Number, c.ApplicationId, c.Holder, c.Series, c.Level, c.Directed, c.ValidIn, c.IssuedOn, c.Locality)));
    }
}
