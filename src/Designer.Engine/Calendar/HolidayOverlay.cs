using System.Globalization;
using System.Text.Json.Nodes;
using Designer.Engine.Model;

namespace Designer.Engine.Calendar;

/// <summary>
/// A locality's own holiday on top of the national calendar (Xinjiang's 肉孜节, 古尔邦节), with the document that sets it.
/// <paramref name="Workdays"/> are weekend days the same notice makes working days.
/// </summary>
public sealed record HolidayOverlay(string Id, string Locality, string Name, DateOnly From, DateOnly To, IReadOnlyList<DateOnly> Workdays, string Source)
{
    public string Note { get; init; } = "";

    public IEnumerable<DateOnly> Dates() => Enumerable.Range(0, To.DayNumber - From.DayNumber + 1).Select(From.AddDays);

    /// <summary>Reads {"id"?, "locality", "name", "from", "to"?, "workdays"?, "source", "note"?}.</summary>
    /// <exception cref="CalendarFieldException">A field is missing or wrong; the exception names it by JSON path.</exception>
    public static HolidayOverlay FromJson(JsonObject node, string path, string? fallbackId = null)
    {
        string Text(string field, string what) => node[field].AsString() is { } s && s.Trim().Length > 0
            ? s.Trim()
            : throw new CalendarFieldException($"{path}.{field}", $"必须填写{what} ({field} is required)");
        var locality = Text("locality", "地区");
        var name = Text("name", "节日名称");
        var source = Text("source", "依据文件");
        var from = Date(node["from"], $"{path}.from");
        var to = node["to"] is null ? from : Date(node["to"], $"{path}.to");
        if (to < from) throw new CalendarFieldException($"{path}.to", $"结束日期 {to:yyyy-MM-dd} 早于开始日期 {from:yyyy-MM-dd} (to is before from)");
        if (to.DayNumber - from.DayNumber > 31) throw new CalendarFieldException($"{path}.to", "假期超过一个月，请核对日期 (spans more than a month)");
        var workdays = node["workdays"] switch
        {
            null => [],
            JsonArray items => items.Select((item, i) => Date(item, $"{path}.workdays[{i}]")).ToList(),
            _ => throw new CalendarFieldException($"{path}.workdays", "必须是日期数组 (must be an array of yyyy-MM-dd dates)"),
        };
        for (var i = 0; i < workdays.Count; i++)
            if (workdays[i].DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                throw new CalendarFieldException($"{path}.workdays[{i}]", $"{workdays[i]:yyyy-MM-dd} 不是周末，不能调为上班日 (not a weekend day)");
        return new HolidayOverlay(node["id"].AsString() ?? fallbackId ?? Guid.NewGuid().ToString("N")[..12], locality, name, from, to, workdays, source)
        {
            Note = node["note"].AsString() ?? "",
        };
    }

    public JsonObject ToJson() => new()
    {
        ["id"] = Id, ["locality"] = Locality, ["name"] = Name, ["from"] = From.ToString("yyyy-MM-dd"), ["to"] = To.ToString("yyyy-MM-dd"),
        ["workdays"] = new JsonArray([.. Workdays.Select(d => JsonValue.Create(d.ToString("yyyy-MM-dd")))]), ["source"] = Source, ["note"] = Note,
    };

    private static DateOnly Date(JsonNode? node, string path) =>
        node.AsString() is { } text && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new CalendarFieldException(path, $"必须是 yyyy-MM-dd 格式的日期 (must be a yyyy-MM-dd date, got {node?.ToJsonString() ?? "nothing"})");
}

/// <summary>The national calendar with a locality's overlays (and its parents'): their holidays are days off, their make-up days working days.</summary>
public sealed class OverlaidCalendar(IWorkingDayCalendar national, IReadOnlyCollection<HolidayOverlay> overlays) : IWorkingDayCalendar
{
    private readonly Dictionary<DateOnly, string> _holidays = overlays.SelectMany(o => o.Dates().Select(d => (d, o.Name)))
        .GroupBy(p => p.d).ToDictionary(g => g.Key, g => g.First().Name);
    private readonly HashSet<DateOnly> _workdays = overlays.SelectMany(o => o.Workdays).ToHashSet();

    /// <summary>The local holiday's name when the date is one, otherwise null (national holidays: ask the national calendar).</summary>
    public string? LocalHolidayName(DateOnly date) => _holidays.GetValueOrDefault(date);

    public bool IsWorkingDay(DateOnly date)
    {
        if (_holidays.ContainsKey(date)) return false;
        if (_workdays.Contains(date)) return true;
        return national.IsWorkingDay(date);
    }

    public DateOnly AddWorkingDays(DateOnly start, int workingDays) => WorkingDayArithmetic.Add(this, start, workingDays);

    public DateOnly EndOfPeriod(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingDays, 1);
        return AddWorkingDays(start.AddDays(-1), workingDays);
    }

    public int WorkingDaysBetween(DateOnly from, DateOnly to) => WorkingDayArithmetic.Between(this, from, to);
}

internal static class WorkingDayArithmetic
{
    public static DateOnly Add(IWorkingDayCalendar calendar, DateOnly start, int workingDays)
    {
        var step = workingDays < 0 ? -1 : 1;
        var date = start;
        for (var remaining = Math.Abs(workingDays); remaining > 0;)
        {
            date = date.AddDays(step);
            if (calendar.IsWorkingDay(date)) remaining--;
        }
        return date;
    }

    public static int Between(IWorkingDayCalendar calendar, DateOnly from, DateOnly to)
    {
        if (to < from) return -Between(calendar, to, from);
        var count = 0;
        for (var date = from.AddDays(1); date <= to; date = date.AddDays(1))
            if (calendar.IsWorkingDay(date)) count++;
        return count;
    }
}
