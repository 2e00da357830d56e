namespace Designer.Engine.Calendar;

/// <summary>
/// China's working-day calendar: weekends, official holidays and make-up working days (调休).
/// Publicity periods and correction deadlines are counted on it.
/// </summary>
public interface IWorkingDayCalendar
{
    bool IsWorkingDay(DateOnly date);

    /// <summary>The date <paramref name="workingDays"/> working days after <paramref name="start"/> (start itself not counted).</summary>
    DateOnly AddWorkingDays(DateOnly start, int workingDays);

    /// <summary>
    /// Last day of a period of <paramref name="workingDays"/> working days that begins on <paramref name="start"/>:
    /// start counts as day 1 when it is a working day, otherwise the period begins on the next working day.
    /// </summary>
    DateOnly EndOfPeriod(DateOnly start, int workingDays);

    /// <summary>Working days in the half-open range (from, to]; negative when to is before from.</summary>
    int WorkingDaysBetween(DateOnly from, DateOnly to);
}
