using System.Globalization;
using System.Text.Json.Nodes;
using Designer.Engine.Runtime;
using Designer.Persistence;
using Designer.Server.Applications;
using Designer.Server.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.Public;

/// <summary>What anyone may see and do without signing in: current publicity notices, objections, certificate checks.</summary>
public static class PublicEndpoints
{
    public static void MapPublic(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/public").WithTags("Public").AllowAnonymous();
        group.MapGet("/publicity", Publicity);
        group.MapPost("/publicity/{id}/objections", Object).Accepts<JsonObject>("application/json")
            .RequireRateLimiting(ObjectionOptions.RateLimitPolicy);
        group.MapGet("/certificates/{number}", async (string number, DesignerDbContext db) =>
        {
            var certificate = await db.Certificates.AsNoTracking().FirstOrDefaultAsync(c => c.Number == number);
            return certificate is null
                ? Problems.NotFound("该证书编号不存在 (no such certificate)")
                : Results.Ok(new
                {
                    number = certificate.Number, holder = Mask(certificate.Holder), series = certificate.Series, level = certificate.Level,
                    directed = certificate.Directed, validIn = certificate.ValidIn, issuedOn = certificate.IssuedOn, locality = certificate.Locality, valid = true,
                });
        }).RequireRateLimiting(RateLimits.CertificateLookup);
    }

    private static async Task<IResult> Publicity(string? locality, DesignerDbContext db, IClock clock)
    {
        var today = ChinaTime.DateOf(clock.Now).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var query = db.Tasks.AsNoTracking().Where(t => t.IsOpen && t.Kind == BookmarkKinds.Publicity && (t.DueDate == null || string.Compare(t.DueDate, today) >= 0));
        if (!string.IsNullOrEmpty(locality)) query = query.Where(t => t.Locality == locality);
        var notices = await query.OrderBy(t => t.DueDate).ThenBy(t => t.Id).ToListAsync();
        var applicationIds = notices.Select(n => n.ApplicationId).ToList();
        var applications = await db.Applications.AsNoTracking().Where(a => applicationIds.Contains(a.Id))
            .Select(a => new { a.Id, a.DataJson }).ToDictionaryAsync(a => a.Id, a => JsonNode.Parse(a.DataJson));
        return Results.Ok(notices.Select(n => new
        {
            id = n.Id, locality = n.Locality, stage = n.Stage, stageName = ApplicationDtos.StageName(n.Stage), title = n.Title, subject = n.Subject,
            org = n.Org, name = Mask(n.ApplicantName), unit = applications.GetValueOrDefault(n.ApplicationId)?["unit"]?.ToString(),
            series = applications.GetValueOrDefault(n.ApplicationId)?["series"]?.ToString(),
            level = applications.GetValueOrDefault(n.ApplicationId)?["level"]?.ToString(),
            workflowName = n.WorkflowName, startDate = n.StartDate, endDate = n.DueDate,
        }));
    }

    /// <summary>
    /// Body: {name, contact, reason} and any other field of the publicity's objection form (objectionType, evidence…);
    /// `name` fills the form's objectorName, other fields are dropped. The form validates it (422, per field, in Chinese).
    /// </summary>
    private static async Task<IResult> Object(string id, HttpRequest request, ObjectionService objections)
    {
        var receipt = await objections.ObjectAsync(id, request);
        return Results.Accepted(value: new { received = receipt.Received, publicityId = receipt.PublicityId, endDate = receipt.EndDate });
    }

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
