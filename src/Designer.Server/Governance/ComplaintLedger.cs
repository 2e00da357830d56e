using Designer.Engine.Forms;
using System.Text.Json.Nodes;
using Designer.Engine.Runtime;
using Designer.Persistence;
using Designer.Persistence.Entities;
using Designer.Server.Audit;
using Designer.Server.Auth;
using Designer.Server.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.Governance;

/// <summary>Answer time for reports (configuration section Complaints).</summary>
public sealed class ComplaintOptions
{
    public const string Section = "Complaints";
    /// <summary>
    /// Working days (on the locality's calendar) the office has to answer. 003 §四(五) says 明确办理时限 without a number:
    /// 15 working days is the project's assumption, to be confirmed per locality.
    /// </summary>
    public int WorkingDays { get; set; } = 15;
}

/// <summary>A report as received: the office that answers it and by when.</summary>
public sealed record ComplaintRequest(string? Locality, string? Subject, string? Content, string? Name, string? Contact);

public sealed record ComplaintReceipt(string Id, string Office, string ReceivedOn, string DueOn);

public sealed record ComplaintCloseRequest(string? Finding);

/// <summary>A report in the ledger; `overdue` when still open after its due day.</summary>
public sealed record ComplaintDto(
    string Id, string Locality, string Subject, string Content, string ReporterName, string? ReporterContact, string Office, string? Handler,
    string ReceivedOn, string DueOn, string Status, bool Overdue, string? Finding, string? ClosedOn)
{
    /// <summary>Who handled it, by display name (Handler stays the user name).</summary>
    public string? HandlerName { get; init; }
}

/// <summary>
/// The complaints and reports ledger (003 §四(五): 建立职称工作台账，明确责任人，明确办理时限，及时受理举报并认真核查处理),
/// beyond a publicity's objections: anyone reports (no account needed, like an objection); the locality's HR office
/// answers within the time limit, naming who handled it and what was found. Staff of the locality read the ledger
/// (overdue first); the locality's admin and its HR reviewers close a report. Receipt and closing are audited.
/// </summary>
public sealed class ComplaintLedger(DesignerDbContext db, AuditLog audit, IClock clock, EngineHost.EngineHost host, World.WorldVocabulary world,
    Microsoft.Extensions.Options.IOptions<ComplaintOptions> options)
{
    public const string Open = "open";
    public const string Closed = "closed";
    private DateOnly Today => ChinaTime.DateOf(clock.Now);

    public async Task<ComplaintReceipt> ReceiveAsync(ComplaintRequest request)
    {
        var errors = new List<FieldError>();
        var locality = request.Locality?.Trim() ?? "";
        if (!new Committee.WorldCodes(world.Current).LocalityExists(locality)) errors.Add(new("$.locality", $"地区 “{locality}” 不存在 (unknown locality)"));
        Require(errors, "$.subject", request.Subject, 200, "反映事项（如申报编号、评委会或单位）");
        Require(errors, "$.content", request.Content, 4000, "反映的问题");
        Require(errors, "$.name", request.Name, 50, "姓名");
        if (request.Contact?.Length > 100) errors.Add(new("$.contact", "联系方式最长 100 字 (contact is too long)"));
        if (errors.Count > 0) throw new ApiProblemException(Problems.FormErrors(errors, errors[0].Message));

        var received = Today;
        var complaint = new ComplaintRecord
        {
            Id = Guid.NewGuid().ToString("N")[..12], Locality = locality, Subject = request.Subject!.Trim(), Content = request.Content!.Trim(),
            ReporterName = request.Name!.Trim(), ReporterContact = string.IsNullOrWhiteSpace(request.Contact) ? null : request.Contact.Trim(),
            Office = $"{locality}/hr", ReceivedOn = received.ToString("yyyy-MM-dd"),
            DueOn = host.CalendarInForce.WorkingDaysOf(locality).AddWorkingDays(received, Math.Max(1, options.Value.WorkingDays)).ToString("yyyy-MM-dd"),
            Status = Open, CreatedAt = clock.Now.UtcDateTime,
        };
        db.Complaints.Add(complaint);
        audit.Record("public", GovernanceAuditKinds.ComplaintReceive, GovernanceAuditKinds.ComplaintSubject(complaint.Id), locality,
            $"受理举报：{complaint.Subject}（办理时限 {complaint.DueOn}）", new JsonObject { ["office"] = complaint.Office, ["dueOn"] = complaint.DueOn });
        await db.SaveChangesAsync();
        return new ComplaintReceipt(complaint.Id, complaint.Office, complaint.ReceivedOn, complaint.DueOn);
    }

    public async Task<Paged<ComplaintDto>> ListAsync(CurrentUser user, string? locality, string? status, bool? overdue, int? page, int? pageSize)
    {
        var complaints = db.Complaints.AsNoTracking();
        complaints = complaints.ForStaff(user, c => c.Locality == user.Locality, "无权查看举报台账 (staff only)");
        if (!string.IsNullOrEmpty(locality)) complaints = complaints.Where(c => c.Locality == locality);
        if (!string.IsNullOrEmpty(status)) complaints = complaints.Where(c => c.Status == status);
        var today = Today.ToString("yyyy-MM-dd");
        if (overdue == true) complaints = complaints.Where(c => c.Status == Open && string.Compare(c.DueOn, today) < 0);
        var paged = await complaints.OrderBy(c => c.Status == Open ? 0 : 1).ThenBy(c => c.DueOn).ThenBy(c => c.Id).PageAsync(page, pageSize, c => c);
        var handlers = paged.Items.Select(c => c.Handler).OfType<string>().Distinct().ToList();
        var names = handlers.Count == 0 ? new Dictionary<string, string>()
            : await db.Users.AsNoTracking().Where(u => handlers.Contains(u.UserName!)).ToDictionaryAsync(u => u.UserName!, u => u.DisplayName);
        return new Paged<ComplaintDto>(paged.Items.Select(c => Dto(c, today) with { HandlerName = c.Handler is { } h ? names.GetValueOrDefault(h) : null }).ToList(),
            paged.Total, paged.Page, paged.PageSize);
    }

    public async Task<ComplaintDto> CloseAsync(CurrentUser user, string id, ComplaintCloseRequest request)
    {
        var complaint = await db.Complaints.FirstOrDefaultAsync(c => c.Id == id);
        if (complaint is null || !(user.CanOverseeLocality(complaint.Locality) || (user.IsReviewer && user.Locality == complaint.Locality)))
            throw new ApiProblemException(Problems.NotFound("找不到该举报 (no such report)"));
        if (!(user.IsPolicyAdmin || (user.IsLocalityAdmin && user.Locality == complaint.Locality) || (user.IsReviewer && user.Org == complaint.Office)))
            throw new ApiProblemException(Problems.Forbidden($"只有 {complaint.Office} 的办理人或管理员可以办结举报 (the answering office closes it)"));
        var finding = request.Finding?.Trim() ?? "";
        if (finding.Length is 0 or > 4000) throw new ApiProblemException(Problems.Invalid("$.finding", "请写明核查结果和处理意见（最长 4000 字）(finding is required)"));
        if (complaint.Status == Closed) throw new ApiProblemException(Problems.Conflict("该举报已办结 (already closed)"));
        var today = Today.ToString("yyyy-MM-dd");
        (complaint.Status, complaint.Finding, complaint.Handler, complaint.ClosedOn) = (Closed, finding, user.UserName, today);
        audit.Record(user.UserName, GovernanceAuditKinds.ComplaintClose, GovernanceAuditKinds.ComplaintSubject(id), complaint.Locality,
            $"{user.UserName} 办结举报“{complaint.Subject}”{(string.Compare(today, complaint.DueOn) > 0 ? "（超过办理时限）" : "")}：{finding}",
            new JsonObject { ["finding"] = finding, ["dueOn"] = complaint.DueOn, ["closedOn"] = today });
        await db.SaveChangesAsync();
        return Dto(complaint, today) with { HandlerName = user.DisplayName };
    }

    private static void Require(List<FieldError> errors, string path, string? value, int max, string what)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Trim().Length > max)
            errors.Add(new(path, $"请填写{what}（最长 {max} 字）({path[2..]} is required, at most {max} characters)"));
    }

    private static ComplaintDto Dto(ComplaintRecord c, string today) => new(
        c.Id, c.Locality, c.Subject, c.Content, c.ReporterName, c.ReporterContact, c.Office, c.Handler, c.ReceivedOn, c.DueOn, c.Status,
        c.Status == Open && string.Compare(c.DueOn, today) < 0, c.Finding, c.ClosedOn);
}
