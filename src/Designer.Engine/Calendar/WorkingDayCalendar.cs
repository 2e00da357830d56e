namespace Designer.Engine.Calendar;

/// <summary>
/// Working-day calendar backed by a list of official holidays and make-up working days (调休上班).
/// A date that is neither counts as a working day from Monday to Friday. Years the data does not cover
/// therefore count weekends only.
/// </summary>
public sealed class WorkingDayCalendar : IWorkingDayCalendar
{
    private readonly IReadOnlyDictionary<DateOnly, string> _holidays;
    private readonly IReadOnlySet<DateOnly> _makeUpWorkdays;

    private WorkingDayCalendar(CalendarData data)
    {
        _holidays = data.Holidays;
        _makeUpWorkdays = data.MakeUpWorkdays;
        CoveredYears = data.Years;
    }

    /// <summary>A calendar without holidays: Monday to Friday are working days.</summary>
    public static WorkingDayCalendar WeekendsOnly { get; } =
        new(new CalendarData(new Dictionary<DateOnly, string>(), new HashSet<DateOnly>(), []));

    /// <summary>Years whose holidays the data lists.</summary>
    public IReadOnlyList<int> CoveredYears { get; }

    /// <summary>Reads a calendar file (format: workflows/calendar/cn-working-days.json).</summary>
    /// <exception cref="FormatException">The file is not valid calendar data; the message names the file and the entry.</exception>
    public static WorkingDayCalendar Load(string path) => new(CalendarFileReader.Read(File.ReadAllText(path), path));

    /// <exception cref="FormatException">The text is not valid calendar data; the message names the entry.</exception>
    public static WorkingDayCalendar FromJson(string json) => new(CalendarFileReader.Read(json, "calendar JSON"));

    /// <summary>The holiday's name ("国庆节") when the date is an official day off, otherwise null.</summary>
    public string? HolidayName(DateOnly date) => _holidays.GetValueOrDefault(date);

    public bool IsWorkingDay(DateOnly date)
    {
        if (_holidays.ContainsKey(date)) return false;
        if (_makeUpWorkdays.Contains(date)) return true;
        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>Negative <paramref name="workingDays"/> counts backwards; 0 returns start.</summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        var step = workingDays < 0 ? -1 : 1;
        var date = start;
        for (var remaining = Math.Abs(workingDays); remaining > 0;)
        {
            date = date.AddDays(step);
            if (IsWorkingDay(date)) remaining--;
        }
        return date;
    }

    public DateOnly EndOfPeriod(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingDays, 1);
        return AddWorkingDays(start.AddDays(-1), workingDays);
    }

    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from) return -WorkingDaysBetween(to, from);
        var count = 0;
        for (var date = from.AddDays(1); date <= to; date = date.AddDays(1))
            if (IsWorkingDay(date)) count++;
        return count;
    }
}
