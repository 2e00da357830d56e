using System.Text.Json.Nodes;
using Designer.Engine.Domain;
using Designer.Engine.Runtime;
using Designer.Persistence;
using Designer.Persistence.Entities;
using Designer.Server.Audit;
using Designer.Server.Auth;
using Designer.Server.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.Record;

/// <summary>
/// The applicant's record: titles held, continuing-education hours, integrity findings. Reads and writes with the
/// caller's rights (<see cref="RecordAccess"/>; a person the caller may not see is 404), every write audited, and
/// the record as the engine reads it at eligibility (<see cref="ForEngineAsync"/>).
/// </summary>
public sealed class RecordService(DesignerDbContext db, AuditLog audit, IClock clock, World.WorldVocabulary world, EducationHoursRegistrars registrars)
{
    private DateOnly Today => ChinaTime.DateOf(clock.Now);
    private DateTime Now => clock.Now.UtcDateTime;

    public async Task<DesignerUser> PersonAsync(CurrentUser user, string userName, bool write)
    {
        var person = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == userName);
        if (person is null || !RecordAccess.CanRead(user, person.UserName!, person.Locality))
            throw new ApiProblemException(Problems.NotFound($"找不到用户 {userName} 的记录 (no such person)"));
        if (write && !RecordAccess.CanWrite(user, person.Locality))
            throw new ApiProblemException(Problems.Forbidden("只有本地区人社部门审核人员和管理员可以登记 (only HR reviewers of the locality and admins write the record)"));
        return person;
    }

    public async Task<PersonRecord> RecordAsync(CurrentUser user, string userName)
    {
        var person = await PersonAsync(user, userName, write: false);
        return new PersonRecord(person.UserName!, person.DisplayName, person.Locality, await TitlesAsync(userName),
            await HoursAsync(userName), await IntegrityOfAsync(userName), RecordAccess.CanWrite(user, person.Locality));
    }

    public async Task<List<TitleHeld>> TitlesAsync(string userName) =>
        (await db.TitlesHeld.AsNoTracking().Where(t => t.UserName == userName).OrderBy(t => t.ObtainedOn).ThenBy(t => t.Id).ToListAsync())
        .Select(ToDto).ToList();

    public async Task<List<EducationHours>> HoursAsync(string userName) =>
        (await db.EducationHours.AsNoTracking().Where(h => h.UserName == userName).OrderBy(h => h.Year).ThenBy(h => h.Category).ThenBy(h => h.Id).ToListAsync())
        .Select(ToDto).ToList();

    public async Task<List<IntegrityEntry>> IntegrityOfAsync(string userName) =>
        (await db.IntegrityRecords.AsNoTracking().Where(r => r.UserName == userName).OrderBy(r => r.From).ThenBy(r => r.Id).ToListAsync())
        .Select(ToDto).ToList();

    public async Task<TitleHeld> AddTitleAsync(CurrentUser user, string userName, TitleRequest request)
    {
        await PersonAsync(user, userName, write: true);
        if (TitleValidation.Title(request, Today, new RecordVocabulary(world.Current)) is { Count: > 0 } errors) throw new ApiProblemException(Problems.FormErrors(errors));
        var title = NewTitle(userName, request, user.UserName);
        db.TitlesHeld.Add(title);
        audit.Record(user.UserName, RecordAuditKinds.TitleAdd, RecordAuditKinds.PersonSubject(userName), await LocalityOfAsync(userName),
            $"登记职称 {title.Series} {title.Level}{(title.Directed ? "（定向）" : "")}，{title.ObtainedOn} 取得", Data(title));
        await db.SaveChangesAsync();
        return ToDto(title);
    }

    public async Task<EducationHours> AddHoursAsync(CurrentUser user, string userName, EducationHoursRequest request)
    {
        var person = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == userName);
        var registers = person is not null && await registrars.RegistersInAsync(user, person.Locality);
        if (person is null || !(RecordAccess.CanRead(user, person.UserName!, person.Locality) || registers))
            throw new ApiProblemException(Problems.NotFound($"找不到用户 {userName} 的记录 (no such person)"));
        if (!registers)
            throw new ApiProblemException(Problems.Forbidden("只有本地区人社部门审核人员和管理员可以登记 (only HR reviewers of the locality and admins write the record)"));
        if (TitleValidation.Hours(request, Today) is { Count: > 0 } errors) throw new ApiProblemException(Problems.FormErrors(errors));
        var enterpriseStaff = (await UnitRecordAsync(db, person.UnitName, person.Locality))?["employmentType"]?.GetValue<string>() == "enterprise";
        if (await registrars.RefusalAsync(user, person.Locality, request.Category!, enterpriseStaff) is { } refusal)
            throw new ApiProblemException(Problems.Forbidden(refusal));
        var entry = new EducationHoursRecord
        {
            UserName = userName, Year = request.Year!.Value, Category = request.Category!, Hours = request.Exempt == true ? request.Hours ?? 0 : request.Hours!.Value,
            Source = request.Source, Exempt = request.Exempt == true, ExemptionReason = request.Exempt == true ? request.ExemptionReason : null,
            RegisteredBy = user.UserName, RegisteredAt = Now,
        };
        db.EducationHours.Add(entry);
        audit.Record(user.UserName, RecordAuditKinds.EducationHoursAdd, RecordAuditKinds.PersonSubject(userName), await LocalityOfAsync(userName),
            entry.Exempt ? $"登记 {entry.Year} 年度{entry.Category}继续教育免修：{entry.ExemptionReason}" : $"登记 {entry.Year} 年度{entry.Category}继续教育 {entry.Hours} 学时",
            JsonSerializerData(entry));
        await db.SaveChangesAsync();
        return ToDto(entry);
    }

    /// <summary>
    /// 总学时审验: HR of the person's locality (or an admin) verifies the hours registered for a cycle of years, a
    /// registrar whose registry entry verifies its category (<see cref="EducationHoursRegistrars"/>) those of its
    /// category; the eligibility rules read each entry's `verified`. Entries registered later are unverified until
    /// verified again.
    /// </summary>
    public async Task<EducationHoursVerification> VerifyHoursAsync(CurrentUser user, string userName, VerifyHoursRequest request)
    {
        var person = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == userName);
        var enterpriseStaff = person is not null &&
                              (await UnitRecordAsync(db, person.UnitName, person.Locality))?["employmentType"]?.GetValue<string>() == "enterprise";
        var categories = person is null ? [] : await registrars.VerifiesAsync(user, person.Locality, enterpriseStaff);
        if (person is null || !(RecordAccess.CanRead(user, person.UserName!, person.Locality) || await registrars.RegistersInAsync(user, person.Locality)))
            throw new ApiProblemException(Problems.NotFound($"找不到用户 {userName} 的记录 (no such person)"));
        if (categories.Count == 0)
            throw new ApiProblemException(Problems.Forbidden("只有本地区人社部门审核人员、管理员和登记为审验该类学时的机构可以审验 (only HR of the locality, admins and registrars that verify may verify hours)"));
        var errors = new List<Designer.Engine.Forms.FieldError>();
        if (request.FromYear is not { } from || from < 1950 || from > Today.Year) errors.Add(new("$.fromYear", $"起始年度须在 1950 至 {Today.Year} 之间 (fromYear is missing or out of range)"));
        if (request.ToYear is not { } to || to < 1950 || to > Today.Year) errors.Add(new("$.toYear", $"截止年度须在 1950 至 {Today.Year} 之间 (toYear is missing or out of range)"));
        else if (request.FromYear is { } f && to < f) errors.Add(new("$.toYear", "截止年度不能早于起始年度 (toYear is before fromYear)"));
        if (errors.Count > 0) throw new ApiProblemException(Problems.FormErrors(errors));
        var entries = await db.EducationHours.Where(h => h.UserName == userName && h.Year >= request.FromYear!.Value && h.Year <= request.ToYear!.Value &&
                                                     categories.Contains(h.Category)).ToListAsync();
        if (entries.Count == 0)
            throw new ApiProblemException(Problems.FormErrors([new("$.fromYear", $"{request.FromYear} 至 {request.ToYear} 年度没有登记的{(categories.Count == 1 ? CategoryName(categories[0]) : "继续教育")}学时，无从审验 (no hours registered in these years)")]));
        foreach (var entry in entries.Where(e => e.VerifiedAt is null))
        {
            entry.VerifiedBy = user.UserName;
            entry.VerifiedAt = Now;
        }
        var result = new EducationHoursVerification(userName, request.FromYear!.Value, request.ToYear!.Value,
            entries.Where(e => e.Category == "public").Sum(e => e.Hours), entries.Where(e => e.Category == "professional").Sum(e => e.Hours),
            entries.Sum(e => e.Hours), entries.Count, user.UserName, Now, categories);
        audit.Record(user.UserName, RecordAuditKinds.EducationHoursVerify, RecordAuditKinds.PersonSubject(userName), await LocalityOfAsync(userName),
            $"审验 {result.FromYear} 至 {result.ToYear} 年度继续教育总学时 {result.TotalHours}（公需 {result.PublicHours}，专业 {result.ProfessionalHours}）", JsonSerializerData(result));
        await db.SaveChangesAsync();
        return result;
    }

    private static string CategoryName(string category) => category == "public" ? "公需科目" : "专业科目";

    public async Task<IntegrityEntry> AddIntegrityAsync(CurrentUser user, IntegrityRequest request)
    {
        if (TitleValidation.Integrity(request) is { Count: > 0 } errors) throw new ApiProblemException(Problems.FormErrors(errors));
        var person = await PersonAsync(user, request.UserName!, write: true);
        var from = TitleValidation.Date(request.From)!.Value;
        var entry = NewIntegrity(person.UserName!, person.Locality, request.Finding!, from, TitleValidation.Date(request.Until), "manual", user.UserName);
        db.IntegrityRecords.Add(entry);
        audit.Record(user.UserName, RecordAuditKinds.IntegrityAdd, RecordAuditKinds.PersonSubject(entry.UserName), entry.Locality,
            $"记入诚信档案：{entry.Finding}（{entry.From} 至 {entry.Until}）", JsonSerializerData(entry));
        await db.SaveChangesAsync();
        return ToDto(entry);
    }

    /// <summary>The integrity register the caller may see: their own; their locality's; everything for the policy admin and auditors.</summary>
    public async Task<Paged<IntegrityEntry>> IntegrityListAsync(CurrentUser user, string? userName, int? page, int? pageSize)
    {
        var query = db.IntegrityRecords.AsNoTracking();
        if (!user.SeesEverything)
            query = RecordAccess.WritesRecords(user) ? query.Where(r => r.Locality == user.Locality) : query.Where(r => r.UserName == user.UserName);
        if (!string.IsNullOrEmpty(userName)) query = query.Where(r => r.UserName == userName);
        return await query.OrderByDescending(r => r.From).ThenBy(r => r.Id).PageAsync(page, pageSize, (IntegrityRecordEntity r) => ToDto(r));
    }

    /// <summary>
    /// The record as eligibility rules and scripts read it: `titles`, `educationHours`, `integrity` in the shapes of
    /// administration.md (ApplicantRecord's helpers read them), and `unitRecord`, the registered record of the
    /// application's unit (by id, or by name in the workflow's locality) when there is one.
    /// </summary>
    public static async Task<JsonObject> ForEngineAsync(DesignerDbContext db, string userName, string? unit = null, string? locality = null)
    {
        var record = await PersonForEngineAsync(db, userName);
        if (await UnitRecordAsync(db, unit, locality) is { } unitRecord) record[ApplicantRecord.UnitRecord] = unitRecord;
        return record;
    }

    /// <summary>The unit as the registry holds it: whether HR approved it for autonomous evaluation comes from here, not from the form.</summary>
    public static async Task<JsonObject?> UnitRecordAsync(DesignerDbContext db, string? unit, string? locality)
    {
        if (string.IsNullOrWhiteSpace(unit)) return null;
        var units = db.Organisations.AsNoTracking().Where(o => o.Kind == "unit");
        var found = await units.FirstOrDefaultAsync(o => o.Id == unit)
                    ?? (locality is null ? null : await units.FirstOrDefaultAsync(o => o.Name == unit && o.Locality == locality));
        return found is null ? null : new JsonObject
        {
            ["id"] = found.Id, ["name"] = found.Name, ["locality"] = found.Locality, ["county"] = found.County,
            ["employmentType"] = found.EmploymentType, ["quota"] = found.Quota, ["autonomousEvaluation"] = found.AutonomousEvaluation,
        };
    }

    private static async Task<JsonObject> PersonForEngineAsync(DesignerDbContext db, string userName)
    {
        var titles = await db.TitlesHeld.AsNoTracking().Where(t => t.UserName == userName).OrderBy(t => t.ObtainedOn).ToListAsync();
        var hours = await db.EducationHours.AsNoTracking().Where(h => h.UserName == userName).OrderBy(h => h.Year).ToListAsync();
        var integrity = await db.IntegrityRecords.AsNoTracking().Where(r => r.UserName == userName).OrderBy(r => r.From).ToListAsync();
        return new JsonObject
        {
            [ApplicantRecord.Titles] = new JsonArray([.. titles.Select(t => (JsonNode)new JsonObject
            {
                ["series"] = t.Series, ["level"] = t.Level, ["directed"] = t.Directed, ["validIn"] = t.ValidIn,
                ["obtainedOn"] = t.ObtainedOn, ["source"] = t.Source, ["certificateNumber"] = t.CertificateNumber, ["status"] = t.Status,
                ["statusReason"] = t.StatusReason, ["statusOn"] = t.StatusOn,
            })]),
            [ApplicantRecord.EducationHours] = new JsonArray([.. hours.Select(h => (JsonNode)new JsonObject
            {
                ["year"] = h.Year, ["category"] = h.Category, ["hours"] = h.Hours, ["source"] = h.Source, ["exempt"] = h.Exempt,
                ["exemptionReason"] = h.ExemptionReason, ["registeredBy"] = h.RegisteredBy, ["verified"] = h.VerifiedAt is not null,
            })]),
            [ApplicantRecord.Integrity] = new JsonArray([.. integrity.Select(r => (JsonNode)new JsonObject
            {
                ["finding"] = r.Finding, ["from"] = r.From, ["until"] = r.Until, ["source"] = r.Source,
            })]),
        };
    }

    public static TitleHeldRecord NewTitle(string userName, TitleRequest request, string registeredBy, DateTime? at = null) => new()
    {
        UserName = userName, Series = request.Series!, Level = request.Level!, Directed = request.Directed == true,
        ValidIn = string.IsNullOrWhiteSpace(request.ValidIn) ? null : request.ValidIn, ObtainedOn = request.ObtainedOn!,
        Source = request.Source ?? "import", CertificateNumber = string.IsNullOrWhiteSpace(request.CertificateNumber) ? null : request.CertificateNumber,
        RegisteredBy = registeredBy, RegisteredAt = at ?? DateTime.UtcNow,
    };

    public static IntegrityRecordEntity NewIntegrity(string userName, string locality, string finding, DateOnly from, DateOnly? until, string source, string recordedBy) => new()
    {
        UserName = userName, Locality = locality, Finding = finding, From = from.ToString("yyyy-MM-dd"),
        Until = (until ?? ApplicantRecord.DefaultUntil(from)).ToString("yyyy-MM-dd"), Source = source, RecordedBy = recordedBy, RecordedAt = DateTime.UtcNow,
    };

    private async Task<string> LocalityOfAsync(string userName) =>
        await db.Users.AsNoTracking().Where(u => u.UserName == userName).Select(u => u.Locality).FirstOrDefaultAsync() ?? "";

    private static JsonNode? Data(TitleHeldRecord title) => JsonSerializerData(title);
    private static JsonNode? JsonSerializerData<T>(T value) => System.Text.Json.JsonSerializer.SerializeToNode(value, Designer.Engine.Model.JsonText.Options);

    public static TitleHeld ToDto(TitleHeldRecord t) =>
        new(t.Id, t.UserName, t.Series, t.Level, t.Directed, t.ValidIn, t.ObtainedOn, t.Source, t.CertificateNumber, t.RegisteredBy, t.RegisteredAt)
        {
            Status = t.Status, StatusReason = t.StatusReason, StatusOn = t.StatusOn,
        };

    public static EducationHours ToDto(EducationHoursRecord h) =>
        new(h.Id, h.UserName, h.Year, h.Category, h.Hours, h.Source, h.Exempt, h.ExemptionReason, h.RegisteredBy, h.RegisteredAt, h.VerifiedBy, h.VerifiedAt);

    public IntegrityEntry ToDto(IntegrityRecordEntity r) =>
        new(r.Id, r.UserName, r.Locality, r.Finding, r.From, r.Until, r.Source, r.RecordedBy, r.RecordedAt,
            ApplicantRecord.ActiveIntegrityRecord(new JsonArray(new JsonObject { ["from"] = r.From, ["until"] = r.Until }), Today) is not null);
}
