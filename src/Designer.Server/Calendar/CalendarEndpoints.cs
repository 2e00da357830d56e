using System.Text.Json.Nodes;
using Designer.Engine.Calendar;
using Designer.Engine.Forms;
using Designer.Persistence;
using Designer.Persistence.Entities;
using Designer.Server.Audit;
using Designer.Server.Auth;
using Designer.Server.Hosting;
using Designer.Server.World;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.Calendar;

/// <summary>
/// The year's calendar: application windows (/api/calendar/windows) and locality holidays (/api/calendar/holidays).
/// Staff read (a locality admin their locality and its parents'); the policy admin writes every locality, a locality
/// admin their own. Every write is audited and takes effect for the next submission and the next timer.
/// </summary>
public static class CalendarEndpoints
{
    public static void MapCalendar(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/calendar").WithTags("Calendar").RequireAuthorization(Policies.Staff);
        group.MapGet("/windows", ListWindows);
        group.MapPost("/windows", (CalendarWindowRequest request, HttpContext http, DesignerDbContext db, CalendarStore store, AuditLog audit) =>
            SaveWindow(null, request, http, db, store, audit)).Fails(422);
        group.MapPut("/windows/{id}", (string id, CalendarWindowRequest request, HttpContext http, DesignerDbContext db, CalendarStore store, AuditLog audit) =>
            SaveWindow(id, request, http, db, store, audit)).Fails(422);
        group.MapDelete("/windows/{id}", (string id, HttpContext http, DesignerDbContext db, CalendarStore store, AuditLog audit) =>
            Delete(CalendarEntryRecord.WindowKind, id, http, db, store, audit));
        group.MapGet("/holidays", ListHolidays);
        group.MapPost("/holidays", (CalendarHolidayRequest request, HttpContext http, DesignerDbContext db, CalendarStore store, AuditLog audit) =>
            SaveHoliday(null, request, http, db, store, audit)).Fails(422);
        group.MapPut("/holidays/{id}", (string id, CalendarHolidayRequest request, HttpContext http, DesignerDbContext db, CalendarStore store, AuditLog audit) =>
            SaveHoliday(id, request, http, db, store, audit)).Fails(422);
        group.MapDelete("/holidays/{id}", (string id, HttpContext http, DesignerDbContext db, CalendarStore store, AuditLog audit) =>
            Delete(CalendarEntryRecord.HolidayKind, id, http, db, store, audit));
    }

    private const string AuditWindow = "calendar.window";
    private const string AuditHoliday = "calendar.holiday";

    private static async Task<Ok<Paged<CalendarWindow>>> ListWindows(string? locality, int? page, int? pageSize, HttpContext http, DesignerDbContext db)
    {
        var entries = await Readable(db, http.CurrentUser(), LocalityParents.Of(http.Vocabulary()), CalendarEntryRecord.WindowKind, locality).ToListAsync();
        var windows = entries.Select(e => (Entry: e, Window: ApplicationWindow.FromJson(JsonNode.Parse(e.Json)!.AsObject(), "$", e.Id)))
            .OrderBy(w => w.Window.Locality).ThenByDescending(w => w.Window.Opens).ThenBy(w => w.Entry.Id).ToList();
        return TypedResults.Ok(Page(windows.Select(w => ToDto(w.Entry, w.Window)).ToList(), page, pageSize));
    }

    private static async Task<Ok<Paged<CalendarHoliday>>> ListHolidays(string? locality, int? page, int? pageSize, HttpContext http, DesignerDbContext db)
    {
        var entries = await Readable(db, http.CurrentUser(), LocalityParents.Of(http.Vocabulary()), CalendarEntryRecord.HolidayKind, locality).ToListAsync();
        var holidays = entries.Select(e => (Entry: e, Holiday: HolidayOverlay.FromJson(JsonNode.Parse(e.Json)!.AsObject(), "$", e.Id)))
            .OrderBy(h => h.Holiday.Locality).ThenByDescending(h => h.Holiday.From).ThenBy(h => h.Entry.Id).ToList();
        return TypedResults.Ok(Page(holidays.Select(h => ToDto(h.Entry, h.Holiday)).ToList(), page, pageSize));
    }

    private static async Task<Results<Ok<CalendarWindow>, ProblemHttpResult>> SaveWindow(string? id, CalendarWindowRequest request, HttpContext http,
        DesignerDbContext db, CalendarStore store, AuditLog audit)
    {
        var user = http.CurrentUser();
        var codes = new CalendarVocabulary(http.Vocabulary());
        var existing = id is null ? null : await WritableAsync(db, user, LocalityParents.Of(http.Vocabulary()), CalendarEntryRecord.WindowKind, id);
        var json = new JsonObject
        {
            ["id"] = existing?.Id ?? NewId(), ["locality"] = request.Locality, ["name"] = request.Name ?? "",
            ["kinds"] = Array(request.Kinds), ["series"] = Array(request.Series), ["levels"] = Array(request.Levels), ["counties"] = Array(request.Counties),
            ["opens"] = request.Opens, ["closes"] = request.Closes, ["source"] = request.Source ?? "", ["status"] = request.Status ?? "draft",
        };
        ApplicationWindow window;
        try { window = ApplicationWindow.FromJson(json, "$"); }
        catch (CalendarFieldException e) { return Problems.Invalid(e.Path, e.Detail); }
        if (CheckLocality(user, window.Locality, codes) is { } refused) return refused;
        foreach (var (field, values, allowed) in new[] { ("kinds", window.Kinds, codes.Kinds), ("series", window.Series, codes.Series), ("levels", window.Levels, codes.Levels) })
            for (var i = 0; i < values.Count; i++)
                if (!allowed.Contains(values[i]))
                    return Problems.Invalid($"$.{field}[{i}]", $"“{values[i]}” 不是有效代码 (unknown code; expected one of {string.Join(", ", allowed)})");
        var saved = await SaveAsync(db, existing, CalendarEntryRecord.WindowKind, window.Id, window.Locality, window.ToJson(), user);
        audit.Record(user.UserName, AuditWindow, window.Id, window.Locality,
            $"{(existing is null ? "新增" : "修改")}申报时间 {window.Name} {window.Dates}（{(window.Published ? "已发布" : "草稿")}）", window.ToJson());
        await db.SaveChangesAsync();
        await store.ReloadAsync(db);
        return TypedResults.Ok(ToDto(saved, window));
    }

    private static async Task<Results<Ok<CalendarHoliday>, ProblemHttpResult>> SaveHoliday(string? id, CalendarHolidayRequest request, HttpContext http,
        DesignerDbContext db, CalendarStore store, AuditLog audit)
    {
        var user = http.CurrentUser();
        var codes = new CalendarVocabulary(http.Vocabulary());
        var existing = id is null ? null : await WritableAsync(db, user, LocalityParents.Of(http.Vocabulary()), CalendarEntryRecord.HolidayKind, id);
        var json = new JsonObject
        {
            ["id"] = existing?.Id ?? NewId(), ["locality"] = request.Locality, ["name"] = request.Name, ["from"] = request.From,
            ["to"] = request.To ?? request.From, ["workdays"] = Array(request.Workdays), ["source"] = request.Source, ["note"] = request.Note ?? "",
        };
        HolidayOverlay holiday;
        try { holiday = HolidayOverlay.FromJson(json, "$"); }
        catch (CalendarFieldException e) { return Problems.Invalid(e.Path, e.Detail); }
        if (CheckLocality(user, holiday.Locality, codes) is { } refused) return refused;
        var saved = await SaveAsync(db, existing, CalendarEntryRecord.HolidayKind, holiday.Id, holiday.Locality, holiday.ToJson(), user);
        audit.Record(user.UserName, AuditHoliday, holiday.Id, holiday.Locality,
            $"{(existing is null ? "新增" : "修改")}地区节假日 {holiday.Name} {holiday.From:yyyy-MM-dd} 至 {holiday.To:yyyy-MM-dd}", holiday.ToJson());
        await db.SaveChangesAsync();
        await store.ReloadAsync(db);
        return TypedResults.Ok(ToDto(saved, holiday));
    }

    private static async Task<NoContent> Delete(string kind, string id, HttpContext http, DesignerDbContext db, CalendarStore store, AuditLog audit)
    {
        var user = http.CurrentUser();
        var entry = await WritableAsync(db, user, LocalityParents.Of(http.Vocabulary()), kind, id);
        db.CalendarEntries.Remove(entry);
        audit.Record(user.UserName, kind == CalendarEntryRecord.WindowKind ? AuditWindow : AuditHoliday, id, entry.Locality,
            kind == CalendarEntryRecord.WindowKind ? "删除申报时间" : "删除地区节假日", JsonNode.Parse(entry.Json));
        await db.SaveChangesAsync();
        await store.ReloadAsync(db);
        return TypedResults.NoContent();
    }

    /// <summary>A locality admin reads their locality's entries and the holidays of the authorities above it.</summary>
    private static IQueryable<CalendarEntryRecord> Readable(DesignerDbContext db, CurrentUser user, LocalityParents parents, string kind, string? locality)
    {
        var entries = db.CalendarEntries.AsNoTracking().Where(e => e.Kind == kind);
        if (!user.SeesEverything)
        {
            var visible = parents.SelfAndAncestors(user.Locality).ToList();
            entries = entries.Where(e => visible.Contains(e.Locality));
        }
        return string.IsNullOrEmpty(locality) ? entries : entries.Where(e => e.Locality == locality);
    }

    /// <summary>404 for an entry the caller may not see; 403 for one they see but may not change (a region's holiday).</summary>
    private static async Task<CalendarEntryRecord> WritableAsync(DesignerDbContext db, CurrentUser user, LocalityParents parents, string kind, string id)
    {
        var entry = await db.CalendarEntries.FirstOrDefaultAsync(e => e.Kind == kind && e.Id == id);
        if (entry is null || !(user.SeesEverything || parents.SelfAndAncestors(user.Locality).Contains(entry.Locality)))
            throw new ApiProblemException(Problems.NotFound("找不到该日历条目 (no such calendar entry)"));
        if (!user.CanWriteDefinitionsOf(entry.Locality))
            throw new ApiProblemException(Problems.Forbidden("只能修改本地区的日历 (you may change your own locality's calendar only)"));
        return entry;
    }

    private static ProblemHttpResult? CheckLocality(CurrentUser user, string locality, CalendarVocabulary codes)
    {
        if (!codes.LocalityExists(locality))
            return Problems.Invalid("$.locality", $"地区 “{locality}” 不存在 (unknown locality)");
        return user.CanWriteDefinitionsOf(locality) ? null : Problems.Forbidden("只能修改本地区的日历 (you may change your own locality's calendar only)");
    }

    private static async Task<CalendarEntryRecord> SaveAsync(DesignerDbContext db, CalendarEntryRecord? existing, string kind, string id, string locality, JsonObject json, CurrentUser user)
    {
        var entry = existing ?? CalendarStore.Record(kind, id, locality, json, user.UserName, DateTime.UtcNow);
        if (existing is null) db.CalendarEntries.Add(entry);
        entry.Locality = locality;
        entry.Json = json.ToJsonString();
        entry.UpdatedAt = DateTime.UtcNow;
        entry.UpdatedBy = user.UserName;
        await Task.CompletedTask;
        return entry;
    }

    private static CalendarWindow ToDto(CalendarEntryRecord entry, ApplicationWindow w) => new(
        w.Id, w.Locality, w.Name, w.Kinds, w.Series, w.Levels, w.Counties, w.Opens.ToString("yyyy-MM-dd"), w.Closes.ToString("yyyy-MM-dd"),
        w.Source, w.Published ? "published" : "draft", entry.UpdatedAt, entry.UpdatedBy);

    private static CalendarHoliday ToDto(CalendarEntryRecord entry, HolidayOverlay h) => new(
        h.Id, h.Locality, h.Name, h.From.ToString("yyyy-MM-dd"), h.To.ToString("yyyy-MM-dd"), h.Workdays.Select(d => d.ToString("yyyy-MM-dd")).ToList(),
        h.Source, h.Note, entry.UpdatedAt, entry.UpdatedBy);

    private static Paged<T> Page<T>(IReadOnlyList<T> all, int? page, int? pageSize)
    {
        return all.Page(page, pageSize, item => item);
    }

    private static JsonArray Array(IReadOnlyList<string>? items) => new([.. (items ?? []).Select(i => JsonValue.Create(i))]);

    private static string NewId() => Guid.NewGuid().ToString("N")[..12];
}
