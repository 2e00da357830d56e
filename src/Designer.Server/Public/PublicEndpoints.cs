using System.Globalization;
using System.Text.Json.Nodes;
using Designer.Engine.Runtime;
using Designer.Persistence;
using Designer.Server.Applications;
using Designer.Server.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.Public;

public sealed record ObjectionRequest(string? Name, string? Contact, string? Reason);

/// <summary>What anyone may see and do without signing in: current publicity notices, objections, certificate checks.</summary>
public static class PublicEndpoints
{
    public static void MapPublic(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/public").WithTags("Public").AllowAnonymous();
        group.MapGet("/publicity", Publicity);
        group.MapPost("/publicity/{id}/objections", Object);
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
        });
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

    private static async Task<IResult> Object(string id, ObjectionRequest request, DesignerDbContext db, ApplicationRunner runner)
    {
        var notice = await db.Tasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id && t.Kind == BookmarkKinds.Publicity);
        if (notice is null || !notice.IsOpen) return Problems.NotFound("该公示不存在或已结束 (no such running publicity)");
        if (string.IsNullOrWhiteSpace(request.Reason)) return Problems.Invalid("$.reason", "请填写异议理由");
        var data = new JsonObject { ["name"] = request.Name ?? "", ["contact"] = request.Contact ?? "", ["reason"] = request.Reason };
        var application = await db.Applications.FirstAsync(a => a.Id == notice.ApplicationId);
        await runner.ActAsync(application, notice.BookmarkId, new ResumeInput("object", data, $"public:{request.Name}", request.Reason));
        return Results.Accepted(value: new { received = true, publicityId = id, endDate = notice.DueDate });
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
