using System.Text.Json.Nodes;
using Designer.Engine.Calendar;
using Designer.Persistence;
using Designer.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.Calendar;

/// <summary>
/// The calendar in force on this server: the national working days with the windows and holiday overlays saved in the
/// database. Read by every engine run; replaced (never changed in place) after each edit.
/// </summary>
public sealed class CalendarStore(EngineHost.EngineHost host, ILogger<CalendarStore> log)
{
    public CalendarInForce Current => host.CalendarInForce;

    /// <summary>Reads the saved entries; an entry that can no longer be read is skipped with a warning.</summary>
    public async Task ReloadAsync(DesignerDbContext db)
    {
        var entries = await db.CalendarEntries.AsNoTracking().ToListAsync();
        var windows = new List<ApplicationWindow>();
        var holidays = new List<HolidayOverlay>();
        foreach (var entry in entries)
        {
            try
            {
                var json = JsonNode.Parse(entry.Json)!.AsObject();
                if (entry.Kind == CalendarEntryRecord.WindowKind) windows.Add(ApplicationWindow.FromJson(json, "$", entry.Id));
                else if (entry.Kind == CalendarEntryRecord.HolidayKind) holidays.Add(HolidayOverlay.FromJson(json, "$", entry.Id));
            }
            catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or InvalidOperationException)
            {
                log.LogWarning("Calendar entry {Id} cannot be read and is ignored: {Message}", entry.Id, e.Message);
            }
        }
        host.CalendarInForce = new CalendarInForce(host.Calendar, windows, holidays);
    }

    /// <summary>The first start: the project's workflows/calendar/ windows and holidays become the database's entries.</summary>
    public async Task SeedAsync(DesignerDbContext db, string calendarFolder)
    {
        if (!await db.CalendarEntries.AnyAsync() && Directory.Exists(calendarFolder))
        {
            var files = CalendarInForce.Load(host.Calendar, calendarFolder);
            var now = DateTime.UtcNow;
            foreach (var window in files.Windows)
                db.CalendarEntries.Add(Record(CalendarEntryRecord.WindowKind, window.Id, window.Locality, window.ToJson(), "system", now));
            foreach (var holiday in files.Holidays)
                db.CalendarEntries.Add(Record(CalendarEntryRecord.HolidayKind, holiday.Id, holiday.Locality, holiday.ToJson(), "system", now));
            await db.SaveChangesAsync();
            log.LogInformation("Seeded {Windows} application windows and {Holidays} locality holidays from {Folder}", files.Windows.Count, files.Holidays.Count, calendarFolder);
        }
        await ReloadAsync(db);
    }

    public static CalendarEntryRecord Record(string kind, string id, string locality, JsonObject json, string by, DateTime at) => new()
    {
        Id = id, Kind = kind, Locality = locality, Json = json.ToJsonString(), UpdatedBy = by, UpdatedAt = at,
    };
}
