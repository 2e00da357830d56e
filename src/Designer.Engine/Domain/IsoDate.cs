using System.Globalization;

namespace Designer.Engine.Domain;

/// <summary>
/// Dates written `yyyy-MM-dd` (the engine's, the calendar's and the forms' one way of writing a day), read as
/// <c>DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, …)</c> reads them,
/// without its general format parser for the plain case (ten ASCII characters): steps read dates at every transition.
/// </summary>
public static class IsoDate
{
    public static bool TryParse(ReadOnlySpan<char> text, out DateOnly date)
    {
        if (text.Length == 10 && text[4] == '-' && text[7] == '-'
            && Digits(text[..4], out var year) && Digits(text.Slice(5, 2), out var month) && Digits(text.Slice(8, 2), out var day))
        {
            date = default;
            if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
            date = new DateOnly(year, month, day);
            return true;
        }
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    public static bool TryParse(string? text, out DateOnly date)
    {
        if (text is null)
        {
            date = default;
            return false;
        }
        return TryParse(text.AsSpan(), out date);
    }

    private static bool Digits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (c is < '0' or > '9') return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }
}
