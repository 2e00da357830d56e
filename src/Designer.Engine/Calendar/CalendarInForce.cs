using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Designer.Engine.Model;

namespace Designer.Engine.Calendar;

/// <summary>
/// The year's calendar a submission and its timers are held to: the national working-day calendar, per-locality
/// holiday overlays (workflows/calendar/locality-holidays.json) and application windows (workflows/calendar/windows.json).
/// Immutable: an edit makes a new one.
/// </summary>
public sealed class CalendarInForce
{
    private readonly ConcurrentDictionary<string, IWorkingDayCalendar> _byLocality = new();

    public CalendarInForce(IWorkingDayCalendar national, IReadOnlyList<ApplicationWindow> windows, IReadOnlyList<HolidayOverlay> holidays,
        LocalityParents? parents = null)
    {
        National = national;
        Windows = windows;
        Holidays = holidays;
        Parents = parents ?? LocalityParents.None;
    }

    /// <summary>Whose overlays a locality also keeps (its region's, for a prefecture).</summary>
    public LocalityParents Parents { get; }

    public IWorkingDayCalendar National { get; }
    public IReadOnlyList<ApplicationWindow> Windows { get; }
    public IReadOnlyList<HolidayOverlay> Holidays { get; }

    /// <summary>No windows and no overlays: every date is open, working days are the national ones.</summary>
    public static CalendarInForce NationalOnly(IWorkingDayCalendar national) => new(national, [], []);

    /// <summary>The working days of a locality: national, with its own overlays and its parents'.</summary>
    public IWorkingDayCalendar WorkingDaysOf(string locality) => _byLocality.GetOrAdd(locality, code =>
    {
        var chain = Parents.SelfAndAncestors(code).ToHashSet();
        var overlays = Holidays.Where(h => chain.Contains(h.Locality)).ToList();
        return overlays.Count == 0 ? National : new OverlaidCalendar(National, overlays);
    });

    public CalendarInForce With(IReadOnlyList<ApplicationWindow>? windows = null, IReadOnlyList<HolidayOverlay>? holidays = null) =>
        new(National, windows ?? Windows, holidays ?? Holidays, Parents);

    public CalendarInForce WithParents(LocalityParents parents) => new(National, Windows, Holidays, parents);

    /// <summary>
    /// Whether an application of these fields may be submitted to the locality on the date. Published windows that
    /// govern the application decide; when none governs it, the locality has set no window for it and it is open.
    /// </summary>
    public WindowVerdict Check(string locality, JsonObject application, DateOnly date)
    {
        var governing = Windows.Where(w => w.Published && w.Governs(locality, application)).OrderBy(w => w.Opens).ToList();
        return Verdict(governing, date);
    }

    /// <summary>
    /// The portal's view of a procedure: open when some window that may govern its applications is open, or when it
    /// handles a kind of application no window names (a window for the units' 自主评审 applications does not close a
    /// procedure of every kind). Within a kind that has windows, the windows decide.
    /// </summary>
    public WindowVerdict CheckProcedure(string locality, WorkflowScope scope, DateOnly date)
    {
        var overlapping = Windows.Where(w => w.Published && w.Overlaps(locality, scope)).OrderBy(w => w.Opens).ToList();
        if (overlapping.Count > 0 && HandlesKindWithoutWindow(overlapping, scope))
            return new WindowVerdict(true, overlapping.FirstOrDefault(w => w.Contains(date)), overlapping);
        return Verdict(overlapping, date);
    }

    private static bool HandlesKindWithoutWindow(IReadOnlyList<ApplicationWindow> windows, WorkflowScope scope)
    {
        if (windows.Any(w => w.Kinds.Count == 0)) return false;
        var named = windows.SelectMany(w => w.Kinds).ToHashSet();
        // A scope open to every kind handles kinds no window names.
        return scope.Kinds.Count == 0 || scope.Kinds.Any(k => !named.Contains(k));
    }

    private static WindowVerdict Verdict(List<ApplicationWindow> windows, DateOnly date)
    {
        if (windows.Count == 0) return new WindowVerdict(true, null, []);
        if (windows.FirstOrDefault(w => w.Contains(date)) is { } open) return new WindowVerdict(true, open, windows);
        // Closed: name the next window to open, else the last one that closed.
        var named = windows.FirstOrDefault(w => w.Opens > date) ?? windows.MaxBy(w => w.Closes)!;
        return new WindowVerdict(false, named, windows);
    }

    /// <summary>Reads the project's data files under workflows/calendar/ (either may be missing).</summary>
    /// <exception cref="CalendarFieldException">An entry is wrong; the message names the file and the entry.</exception>
    public static CalendarInForce Load(IWorkingDayCalendar national, string calendarFolder, LocalityParents? parents = null)
    {
        var windowsFile = Path.Combine(calendarFolder, WindowsFileName);
        var holidaysFile = Path.Combine(calendarFolder, HolidaysFileName);
        var windows = File.Exists(windowsFile) ? ReadWindows(Parse(File.ReadAllText(windowsFile), windowsFile)["windows"], $"{WindowsFileName}: $.windows") : [];
        var holidays = File.Exists(holidaysFile) ? ReadHolidays(Parse(File.ReadAllText(holidaysFile), holidaysFile)["holidays"], $"{HolidaysFileName}: $.holidays") : [];
        return new CalendarInForce(national, windows, holidays, parents);
    }

    public const string WindowsFileName = "windows.json";
    public const string HolidaysFileName = "locality-holidays.json";

    public static IReadOnlyList<ApplicationWindow> ReadWindows(JsonNode? node, string path) => node switch
    {
        null => [],
        JsonArray items => items.Select((item, i) => item is JsonObject o
            ? ApplicationWindow.FromJson(o, $"{path}[{i}]", $"window-{i + 1}")
            : throw new CalendarFieldException($"{path}[{i}]", "必须是对象 (must be an object)")).ToList(),
        _ => throw new CalendarFieldException(path, "必须是数组 (must be an array)"),
    };

    public static IReadOnlyList<HolidayOverlay> ReadHolidays(JsonNode? node, string path) => node switch
    {
        null => [],
        JsonArray items => items.Select((item, i) => item is JsonObject o
            ? HolidayOverlay.FromJson(o, $"{path}[{i}]", $"holiday-{i + 1}")
            : throw new CalendarFieldException($"{path}[{i}]", "必须是对象 (must be an object)")).ToList(),
        _ => throw new CalendarFieldException(path, "必须是数组 (must be an array)"),
    };

    private static JsonObject Parse(string json, string source)
    {
        try
        {
            return JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) as JsonObject
                   ?? throw new CalendarFieldException(source, "必须是 JSON 对象 (must be a JSON object)");
        }
        catch (JsonException e) { throw new CalendarFieldException(source, $"JSON 格式错误 (invalid JSON): {e.Message}"); }
    }
}

/// <summary>Open or closed; the window that decided (the open one, or the next/last one when closed); every window that governs.</summary>
public sealed record WindowVerdict(bool Open, ApplicationWindow? Window, IReadOnlyList<ApplicationWindow> Governing)
{
    /// <summary>“不在申报时间内：“…”（2022-11-01 至 2022-11-15）”, for a closed verdict.</summary>
    public string Message => Window is null
        ? "可以申报 (open)"
        : $"不在申报时间内：{Window.Describe()} (outside the application window {Window.Opens:yyyy-MM-dd}..{Window.Closes:yyyy-MM-dd})";
}
