using Designer.Engine.Calendar;

namespace Designer.Engine.Tests.Calendar;

public class CalendarFileTests
{
    [Fact]
    public void FromJson_AcceptsRangesDatesAndYearLevelWorkdays()
    {
        var calendar = WorkingDayCalendar.FromJson("""
            { "years": { "2024": {
                "holidays": [ { "name": "国庆节", "from": "2024-10-01", "to": "2024-10-07" },
                              { "name": "元旦", "dates": ["2024-01-01"] } ],
                "workdays": ["2024-09-29", "2024-10-12"] } } }
            """);
        Assert.False(calendar.IsWorkingDay(new DateOnly(2024, 10, 4)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2024, 1, 1)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2024, 10, 12)));
        Assert.Equal([2024], calendar.CoveredYears);
    }

    [Theory]
    [InlineData("""{"years":{"2024":{"holidays":[{"name":"国庆节","from":"2024-10-01","to":"2024-10-7"}]}}}""", "$.years.2024.holidays[0] (国庆节).to", "\"2024-10-7\"")]
    [InlineData("""{"years":{"2024":{"holidays":[{"name":"国庆节","from":"2024-10-07","to":"2024-10-01"}]}}}""", "$.years.2024.holidays[0] (国庆节)", "before")]
    [InlineData("""{"years":{"2024":{"holidays":[{"name":"国庆节","from":"2024-10-01","to":"2024-10-07","workdays":["2024-10-14"]}]}}}""", "$.years.2024.holidays[0] (国庆节).workdays", "2024-10-14 is a Monday")]
    [InlineData("""{"years":{"2024":{"holidays":[{"name":"国庆节","from":"2024-10-01","to":"2024-10-07","workdays":["2024-10-05"]}]}}}""", "$.years.2024.holidays[0] (国庆节).workdays", "also listed as a holiday")]
    [InlineData("""{"years":{"2024":{"holidays":[{"dates":["2024-01-01"]}]}}}""", "$.years.2024.holidays[0].name", "non-empty")]
    [InlineData("""{"years":{"2024":{"holidays":[{"name":"元旦"}]}}}""", "$.years.2024.holidays[0] (元旦)", "either")]
    [InlineData("""{"years":{"2024":{"holidays":[{"name":"元旦","dates":["2042-01-01"]}]}}}""", "$.years.2024.holidays[0] (元旦).dates[0]", "too far")]
    [InlineData("""{"years":{"24":{"holidays":[]}}}""", "$.years.24", "four-digit year")]
    [InlineData("""{"years":{"2024":{}}}""", "$.years.2024.holidays", "array")]
    [InlineData("""{"description":"no years"}""", "$.years", "missing")]
    [InlineData("""{"years": {""", "$", "not valid JSON")]
    public void FromJson_RejectsMalformedData_NamingTheEntry(string json, string path, string detail)
    {
        var error = Assert.Throws<FormatException>(() => WorkingDayCalendar.FromJson(json));
        Assert.Contains(path, error.Message);
        Assert.Contains(detail, error.Message);
    }

    [Fact]
    public void Load_MalformedFile_NamesTheFile()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"calendar-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{"years":{"2024":{"holidays":[{"name":"春节","dates":["2024-02-30"]}]}}}""");
        try
        {
            var error = Assert.Throws<FormatException>(() => WorkingDayCalendar.Load(path));
            Assert.Contains(path, error.Message);
            Assert.Contains("$.years.2024.holidays[0] (春节).dates[0]", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

/// <summary>Finds workflows/calendar/cn-working-days.json by walking up from the test binaries to the repository root.</summary>
internal static class CalendarFile
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "workflows", "calendar", "cn-working-days.json");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("workflows/calendar/cn-working-days.json not found above " + AppContext.BaseDirectory);
    }
}
