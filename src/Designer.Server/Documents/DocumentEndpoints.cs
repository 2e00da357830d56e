using Designer.Engine.Runtime;
using Designer.Persistence;
using Designer.Persistence.Entities;
using Designer.Server.Applications;
using Designer.Server.Auth;
using Designer.Server.Committee;
using Designer.Server.Hosting;
using Designer.Server.Public;
using Designer.Server.Tasks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

using Designer.Server.World;

namespace Designer.Server.Documents;

/// <summary>
/// Printable and spreadsheet documents: the certificate PDF, and Excel exports of a publicity list, a committee session's
/// results and the application list. Each answers only what the caller may already read (404 otherwise).
/// </summary>
public static class DocumentEndpoints
{
    public const string PdfType = "application/pdf";

    public static void MapDocuments(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Documents").RequireAuthorization();
        group.MapGet("/applications/{id}/certificate.pdf", Certificate).Produces<Stream>(StatusCodes.Status200OK, PdfType);
        group.MapGet("/applications/export.xlsx", Applications).Produces<Stream>(StatusCodes.Status200OK, Spreadsheets.ContentType);
        group.MapGet("/publicity/{id}/export.xlsx", Publicity).Produces<Stream>(StatusCodes.Status200OK, Spreadsheets.ContentType);
        group.MapGet("/committee-sessions/{id}/export.xlsx", Session).Produces<Stream>(StatusCodes.Status200OK, Spreadsheets.ContentType);
    }

    private static async Task<FileContentHttpResult> Certificate(string id, HttpContext http, DesignerDbContext db)
    {
        var application = await ApplicationAccess.FindReadableAsync(db, http.CurrentUser(), id);
        var certificate = await db.Certificates.AsNoTracking().FirstOrDefaultAsync(c => c.ApplicationId == application.Id)
            ?? throw new ApiProblemException(Problems.NotFound("该申报尚未发证 (no certificate has been issued for this application)"));
        var verify = $"{http.Request.Scheme}://{http.Request.Host}/public/certificates/{Uri.EscapeDataString(certificate.Number)}";
        return TypedResults.File(CertificatePdf.Render(certificate, verify, http.Vocabulary()), PdfType, $"职称证书-{certificate.Number}.pdf");
    }

    /// <summary>The most rows one export holds (newest first); the list's filters narrow a larger set.</summary>
    public const int ExportLimit = 10_000;

    private static async Task<FileContentHttpResult> Applications([AsParameters] ApplicationFilter filter, HttpContext http, DesignerDbContext db)
    {
        var visible = ApplicationAccess.Visible(db, http.CurrentUser(), filter).Take(ExportLimit).Select(a => a.Id);
        var found = (await ApplicationAccess.SummariesAsync(db.Applications.Where(a => visible.Contains(a.Id)))).OrderByDescending(a => a.UpdatedAt).ThenByDescending(a => a.Id, StringComparer.Ordinal).ToList();
        var stages = (await db.Tasks.AsNoTracking().Where(t => t.IsOpen && visible.Contains(t.ApplicationId)).Select(t => new { t.ApplicationId, t.Stage }).ToListAsync())
            .ToLookup(t => t.ApplicationId, t => DocumentWords.Stage(t.Stage, http.Vocabulary()));
        var rows = found.Select(a => Row(
            ("申报编号", a.Id), ("姓名", a.ApplicantName), ("评审流程", a.WorkflowName), ("地区", DocumentWords.Locality(a.Locality, http.Vocabulary())),
            ("专业系列", DocumentWords.Series(a.Series, http.Vocabulary())), ("资格级别", DocumentWords.Level(a.Level, http.Vocabulary())), ("状态", DocumentWords.Status(a.Status)),
            ("当前环节", string.Join("、", stages[a.Id].Distinct())), ("创建日期", Date(a.CreatedAt)), ("更新日期", Date(a.UpdatedAt))));
        return TypedResults.File(Spreadsheets.Workbook(("申报列表", rows)), Spreadsheets.ContentType, "申报列表.xlsx");
    }

    /// <summary>
    /// The publicity list the notice belongs to: every running notice of the same organisation (unit, committee, locality)
    /// and stage, names masked as on the public page, with the objections lodged against each name.
    /// </summary>
    private static async Task<FileContentHttpResult> Publicity(string id, HttpContext http, DesignerDbContext db)
    {
        var user = http.CurrentUser();
        var notice = await db.Tasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id && t.Kind == BookmarkKinds.Publicity);
        if (notice is null || !(user.CanOverseeLocality(notice.Locality) || (user.IsReviewer && user.Locality == notice.Locality)))
            throw new ApiProblemException(Problems.NotFound("找不到该公示 (no such publicity)"));
        var list = notice.IsOpen
            ? await db.Tasks.AsNoTracking().Open().Where(t => t.Kind == BookmarkKinds.Publicity && t.Locality == notice.Locality &&
                t.Org == notice.Org && t.ResolvedOrg == notice.ResolvedOrg && t.Stage == notice.Stage).OrderBy(t => t.CreatedAt).ThenBy(t => t.Id).ToListAsync()
            : [notice];
        var applicationIds = list.Select(t => t.ApplicationId).ToList();
        var applications = await db.Applications.AsNoTracking().Where(a => applicationIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id);
        var rows = list.Select((t, index) =>
        {
            var application = applications[t.ApplicationId];
            var data = System.Text.Json.Nodes.JsonNode.Parse(application.DataJson);
            var objections = ApplicationRunner.StateOf(application).Bookmarks.FirstOrDefault(b => b.Id == t.BookmarkId)?.Payload["objections"]?.AsArray().Count ?? 0;
            return Row(("序号", index + 1), ("姓名", PublicEndpoints.Mask(t.ApplicantName)), ("工作单位", data?["unit"]?.ToString() ?? ""),
                ("专业系列", DocumentWords.Series(application.Series, http.Vocabulary())), ("资格级别", DocumentWords.Level(application.Level, http.Vocabulary())),
                ("公示环节", DocumentWords.Stage(t.Stage, http.Vocabulary())), ("公示开始", t.StartDate ?? ""), ("公示结束", t.DueDate ?? ""), ("异议数", objections));
        });
        return TypedResults.File(Spreadsheets.Workbook(($"{DocumentWords.Stage(notice.Stage, http.Vocabulary())}名单", rows)), Spreadsheets.ContentType,
            $"公示名单-{DocumentWords.Stage(notice.Stage, http.Vocabulary())}-{notice.StartDate}.xlsx");
    }

    /// <summary>The session named by committee and date, then its candidates in rank order with votes and decisions in words.</summary>
    private static async Task<FileContentHttpResult> Session(string id, HttpContext http, CommitteeService sessions)
    {
        var session = await sessions.FindAsync(http.CurrentUser(), id);
        var date = Date(session.CreatedAt);
        var about = new[]
        {
            Row(("项目", "评审委员会"), ("内容", session.Org)), Row(("项目", "地区"), ("内容", DocumentWords.Locality(session.Locality, http.Vocabulary()))),
            Row(("项目", "评审会日期"), ("内容", date)), Row(("项目", "状态"), ("内容", SessionStatus(session.Status))),
            Row(("项目", "组织人"), ("内容", session.CreatedBy)),
        };
        var results = CommitteeDtos.Session(session).Candidates.Select(c => Row(
            ("排名", c.Rank?.ToString() ?? ""), ("姓名", c.ApplicantName), ("赞成", c.For?.ToString() ?? ""), ("反对", c.Against?.ToString() ?? ""),
            ("弃权", c.Abstain?.ToString() ?? ""), ("决定", DocumentWords.Decision(c.Decision)), ("说明", c.Reason ?? "")));
        return TypedResults.File(Spreadsheets.Workbook(("评审会", about), ("表决结果", results)), Spreadsheets.ContentType,
            $"评审会表决结果-{date}.xlsx");
    }

    private static string SessionStatus(string status) => status switch
    {
        CommitteeStatus.Open => "表决中", CommitteeStatus.Closing => "正在结束", CommitteeStatus.Closed => "已结束", _ => status,
    };

    private static string Date(DateTime utc) => ChinaTime.DateOf(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc))).ToString("yyyy-MM-dd");

    private static IDictionary<string, object?> Row(params (string Column, object? Value)[] cells) =>
        cells.ToDictionary(c => c.Column, c => c.Value);
}
