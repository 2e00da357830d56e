using Designer.Engine.Calendar;

namespace Designer.Engine.Tests.Calendar;

public class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar China = WorkingDayCalendar.Load(CalendarFile.Path);

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd");

    [Fact]
    public void NationalDay2024_IsOffAndItsMakeUpDaysAreWorked()
    {
        for (var day = D("2024-10-01"); day <= D("2024-10-07"); day = day.AddDays(1))
            Assert.False(China.IsWorkingDay(day), $"{day} should be off");
        Assert.True(China.IsWorkingDay(D("2024-09-29")));   // Sunday, make-up day
        Assert.True(China.IsWorkingDay(D("2024-10-12")));   // Saturday, make-up day
        Assert.False(China.IsWorkingDay(D("2024-09-28")));  // ordinary Saturday
        Assert.True(China.IsWorkingDay(D("2024-10-08")));
        Assert.Equal("国庆节", China.HolidayName(D("2024-10-03")));
    }

    [Fact]
    public void SpringFestival2024_IsOffAndItsMakeUpDaysAreWorked()
    {
        for (var day = D("2024-02-10"); day <= D("2024-02-17"); day = day.AddDays(1))
            Assert.False(China.IsWorkingDay(day), $"{day} should be off");
        Assert.True(China.IsWorkingDay(D("2024-02-04")));   // Sunday, make-up day
        Assert.True(China.IsWorkingDay(D("2024-02-18")));   // Sunday, make-up day
        Assert.True(China.IsWorkingDay(D("2024-02-09")));   // 除夕 is only "encouraged" off
    }

    [Fact]
    public void FiveDayPublicityFrom27September2024_EndsOn9October()
    {
        // Sep 27 Fri = 1, Sep 29 Sun (make-up) = 2, Sep 30 = 3, Oct 1–7 off, Oct 8 = 4, Oct 9 = 5.
        Assert.Equal(D("2024-10-09"), China.EndOfPeriod(D("2024-09-27"), 5));
        // Start not counted: Sep 29, Sep 30, Oct 8, Oct 9, Oct 10.
        Assert.Equal(D("2024-10-10"), China.AddWorkingDays(D("2024-09-27"), 5));
    }

    [Fact]
    public void EndOfPeriod_StartingOnADayOff_BeginsOnTheNextWorkingDay()
    {
        // Feb 10–17 off, Feb 18 (Sunday) is the first working day.
        Assert.Equal(D("2024-02-18"), China.EndOfPeriod(D("2024-02-10"), 1));
        Assert.Equal(D("2024-02-22"), China.EndOfPeriod(D("2024-02-10"), 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => China.EndOfPeriod(D("2024-02-10"), 0));
    }

    [Fact]
    public void AddWorkingDays_AcrossSpringFestival2024_AndZeroAndNegative()
    {
        // Feb 7 Wed: Feb 8 = 1, Feb 9 = 2, Feb 18 (make-up Sunday) = 3.
        Assert.Equal(D("2024-02-18"), China.AddWorkingDays(D("2024-02-07"), 3));
        Assert.Equal(D("2024-02-11"), China.AddWorkingDays(D("2024-02-11"), 0));
        Assert.Equal(D("2024-02-09"), China.AddWorkingDays(D("2024-02-18"), -1));
    }

    [Fact]
    public void WorkingDaysBetween_IsHalfOpenAndSigned()
    {
        // (Sep 27, Oct 9]: Sep 29, Sep 30, Oct 8, Oct 9.
        Assert.Equal(4, China.WorkingDaysBetween(D("2024-09-27"), D("2024-10-09")));
        Assert.Equal(-4, China.WorkingDaysBetween(D("2024-10-09"), D("2024-09-27")));
        Assert.Equal(0, China.WorkingDaysBetween(D("2024-10-01"), D("2024-10-07")));
        Assert.Equal(0, China.WorkingDaysBetween(D("2024-10-08"), D("2024-10-08")));
        // Feb 2024 has 21 weekdays; 5 of them (Feb 12–16) are off, 2 Sundays are worked: 18.
        Assert.Equal(18, China.WorkingDaysBetween(D("2024-01-31"), D("2024-02-29")));
    }

    [Fact]
    public void YearsOutsideTheData_CountWeekendsOnly()
    {
        Assert.DoesNotContain(2030, China.CoveredYears);
        Assert.True(China.IsWorkingDay(D("2030-10-01")));   // a Tuesday; no holiday data for 2030
        Assert.False(China.IsWorkingDay(D("2030-10-05")));  // Saturday
        Assert.Equal(D("2030-10-07"), China.AddWorkingDays(D("2030-10-03"), 2));
        Assert.Equal(D("2024-10-10"), WorkingDayCalendar.WeekendsOnly.EndOfPeriod(D("2024-10-04"), 5));
        Assert.True(WorkingDayCalendar.WeekendsOnly.IsWorkingDay(D("2024-10-01")));
    }

    [Theory]
    // year, holiday dates, make-up working days (counted from each year's notice)
    [InlineData(2020, 1 + 10 + 3 + 5 + 3 + 8, 1 + 2 + 1 + 2)]
    [InlineData(2021, 3 + 7 + 3 + 5 + 3 + 3 + 7, 2 + 2 + 1 + 2)]
    [InlineData(2022, 3 + 7 + 3 + 5 + 3 + 3 + 7, 2 + 1 + 2 + 2)]
    [InlineData(2023, 3 + 7 + 1 + 5 + 3 + 8, 2 + 2 + 1 + 2)]
    [InlineData(2024, 1 + 8 + 3 + 5 + 1 + 3 + 7, 2 + 1 + 2 + 1 + 2)]
    [InlineData(2025, 1 + 8 + 3 + 5 + 3 + 8, 2 + 1 + 2)]
    [InlineData(2026, 3 + 9 + 3 + 5 + 3 + 3 + 7, 1 + 2 + 1 + 2)]
    public void DataFile_CoversEachYearWithTheNoticesTotals(int year, int holidayDates, int makeUpDays)
    {
        Assert.Contains(year, China.CoveredYears);
        // The dates of a year's notice; 2023's 元旦 starts on 2022-12-31.
        var first = new DateOnly(year, 1, 1).AddDays(year == 2023 ? -1 : 0);
        var last = new DateOnly(year, 12, 31).AddDays(year == 2022 ? -1 : 0);
        var days = Enumerable.Range(0, last.DayNumber - first.DayNumber + 1).Select(first.AddDays).ToList();
        Assert.Equal(holidayDates, days.Count(d => China.HolidayName(d) is not null));
        Assert.Equal(makeUpDays, days.Count(d => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday && China.IsWorkingDay(d)));
    }

    [Fact]
    public void SpringFestival2020_RunsToTheExtendedEnd_AndFebruary1IsNoLongerWorked()
    {
        Assert.False(China.IsWorkingDay(D("2020-01-31")));
        Assert.False(China.IsWorkingDay(D("2020-02-01")));
        Assert.False(China.IsWorkingDay(D("2020-02-02")));
        Assert.True(China.IsWorkingDay(D("2020-02-03")));
        Assert.True(China.IsWorkingDay(D("2020-01-19")));
    }
}
