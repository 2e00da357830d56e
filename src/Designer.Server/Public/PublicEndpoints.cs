using System.Globalization;
using System.Text.Json.Nodes;
using Designer.Engine.Runtime;
using Designer.Persistence;
using Designer.Persistence.Entities;
using Designer.Server.Applications;
using Designer.Server.Hosting;
using Designer.Server.Tasks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.Public;

/// <summary>A running publicity notice; the applicant's name is masked (张*三).</summary>
public sealed record PublicityNotice(
    string Id, string Locality, string Stage, string? StageName, string Title, string? Subject, string Org, string Name, string? Unit,
    string? Series, string? Level, string WorkflowName, string? StartDate, string? EndDate);

/// <summary>
/// A certificate found by its number; the holder's name is masked. `status`: valid, revoked (with the date and the
/// reason) or replaced (with the number that took its place).
/// </summary>
public sealed record CertificateCheck(
    string Number, string Holder, string Series, string Level, bool Directed, string? ValidIn, string IssuedOn, string Locality, bool Valid)
{
    public string Status { get; init; } = "valid";
    public string? RevokedOn { get; init; }
    public string? RevocationReason { get; init; }
    public string? ReplacedBy { get; init; }
    public string? Replaces { get; init; }
    /// <summary>
    /// What a transfer registered on the title: lapsed (失效: the certificate no longer verifies as valid), reevaluate
    /// (须重新评聘) or restricted (在现单位不得聘任), with why and since when; null while the title stands.
    /// </summary>
    public string? TitleStatus { get; init; }
    public string? TitleStatusReason { get; init; }
    public string? TitleStatusOn { get; init; }
}

/// <summary>What anyone may see and do without signing in: current publicity notices, objections, certificate checks.</summary>
public static class PublicEndpoints
{
    public static void MapPublic(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/public").WithTags("Public").AllowAnonymous();
        group.MapGet("/publicity", Publicity).Fails(422);
        // The names of localities, series and levels the public pages show (public data, like the notices themselves).
        group.MapGet("/vocabulary", (World.WorldVocabulary world) => TypedResults.Ok(Designer.Engine.Domain.VocabularyLists.From(world.Current)));
        group.MapPost("/publicity/{id}/objections", Object).Accepts<JsonObject>("application/json")
            .RequireRateLimiting(ObjectionOptions.RateLimitPolicy).Fails(422);
        group.MapGet("/certificates/{number}", async Task<Results<Ok<CertificateCheck>, ProblemHttpResult>> (string number, DesignerDbContext db) =>
        {
            var certificate = await db.Certificates.AsNoTracking().FirstOrDefaultAsync(c => c.Number == number);
            if (certificate is null) return Problems.NotFound("该证书编号不存在 (no such certificate)");
            var marked = await db.TitlesHeld.AsNoTracking().Where(t => t.CertificateNumber == number && t.Status != TitleStatuses.Valid)
                .Select(t => new { t.Status, t.StatusReason, t.StatusOn }).FirstOrDefaultAsync();
            return TypedResults.Ok(new CertificateCheck(
                certificate.Number, Mask(certificate.Holder), certificate.Series, certificate.Level, certificate.Directed, certificate.ValidIn,
                certificate.IssuedOn, certificate.Locality, Valid: certificate.Status == CertificateStatuses.Valid && marked?.Status != Engine.Activities.Titles.TitleStatus.Lapsed)
            {
                Status = certificate.Status, RevokedOn = certificate.RevokedOn, RevocationReason = certificate.RevocationReason,
                ReplacedBy = certificate.ReplacedBy, Replaces = certificate.Replaces,
                TitleStatus = marked?.Status, TitleStatusReason = marked?.StatusReason, TitleStatusOn = marked?.StatusOn,
            });
        }).RequireRateLimiting(RateLimits.CertificateLookup);
    }

    private static async Task<Ok<Paged<PublicityNotice>>> Publicity(string? locality, int? page, int? pageSize, DesignerDbContext db, IClock clock, World.WorldVocabulary world)
    {
        var today = ChinaTime.DateOf(clock.Now).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var query = db.Tasks.AsNoTracking().Open().Where(t => t.Kind == BookmarkKinds.Publicity && (t.DueDate == null || string.Compare(t.DueDate, today) >= 0));
        if (!string.IsNullOrEmpty(locality)) query = query.Where(t => t.Locality == locality);
        var listed = await query.OrderBy(t => t.DueDate).ThenBy(t => t.Id).PageAsync(page, pageSize, t => t);
        var notices = listed.Items;
        var applicationIds = notices.Select(n => n.ApplicationId).ToList();
        var applications = await db.Applications.AsNoTracking().Where(a => applicationIds.Contains(a.Id))
            .Select(a => new { a.Id, a.DataJson }).ToDictionaryAsync(a => a.Id, a => JsonNode.Parse(a.DataJson));
        return TypedResults.Ok(new Paged<PublicityNotice>(notices.Select(n => new PublicityNotice(
            n.Id, n.Locality, n.Stage, ApplicationDtos.StageName(n.Stage, world.Current), n.Title, n.Subject,
            n.Org, Mask(n.ApplicantName), applications.GetValueOrDefault(n.ApplicationId)?["unit"]?.ToString(),
            applications.GetValueOrDefault(n.ApplicationId)?["series"]?.ToString(),
            applications.GetValueOrDefault(n.ApplicationId)?["level"]?.ToString(),
            n.WorkflowName, n.StartDate, n.DueDate)).ToList(), listed.Total, listed.Page, listed.PageSize));
    }

    /// <summary>
    /// Body: {name, contact, reason} and any other field of the publicity's objection form (objectionType, evidence…);
    /// `name` fills the form's objectorName, fields the form does not have are dropped. The form validates it (422, per field, in Chinese).
    /// </summary>
    private static async Task<Accepted<ObjectionReceipt>> Object(string id, HttpRequest request, ObjectionService objections) =>
        TypedResults.Accepted((string?)null, await objections.ObjectAsync(id, request));

    /// <summary>张三 → 张*, 张小三 → 张*三, 欧阳小明 → 欧**明.</summary>
    public static string Mask(string name)
    {
        var letters = StringInfo.ParseCombiningCharacters(name);
        if (letters.Length <= 1) return name;
        var first = name[..letters[1]];
        if (letters.Length == 2) return first + "*";
        var last = name[letters[^1]..];
        return first + new string('*', letters.Length - 2) + last;
    }
}
