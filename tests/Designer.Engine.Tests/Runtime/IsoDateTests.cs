using System.Globalization;
using Designer.Engine.Domain;

namespace Designer.Engine.Tests.Runtime;

/// <summary>The engine's own reading of yyyy-MM-dd dates agrees with .NET's exact parse on every kind of input.</summary>
public class IsoDateTests
{
    [Theory]
    [InlineData("2024-09-06")]
    [InlineData("2024-02-29")]
    [InlineData("2023-02-29")]
    [InlineData("2024-04-31")]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    [InlineData("0000-01-01")]
    [InlineData("2024-13-01")]
    [InlineData("2024-00-10")]
    [InlineData("2024-01-00")]
    [InlineData("2024-9-06")]
    [InlineData("2024/09/06")]
    [InlineData(" 2024-09-06")]
    [InlineData("2024-09-06 ")]
    [InlineData("2024-09-06T00:00")]
    [InlineData("２０２４-09-06")]
    [InlineData("20240906")]
    [InlineData("+024-09-06")]
    [InlineData("")]
    public void Reads_a_date_exactly_as_the_exact_parse_does(string text)
    {
        var expected = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date);
        Assert.Equal(expected, IsoDate.TryParse(text, out var read));
        Assert.Equal(date, read);
    }

    [Fact]
    public void Every_day_of_four_years_reads_back_as_written()
    {
        for (var day = new DateOnly(2023, 1, 1); day < new DateOnly(2027, 1, 1); day = day.AddDays(1))
        {
            Assert.True(IsoDate.TryParse(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), out var read));
            Assert.Equal(day, read);
        }
        Assert.False(IsoDate.TryParse((string?)null, out _));
    }
}
