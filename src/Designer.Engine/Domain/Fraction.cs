using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Designer.Engine.Domain;

/// <summary>
/// An exact share such as 2/3 (三分之二) or 3/5, compared in whole numbers so that "2/3 以上" passes at exactly two
/// thirds (4 of 6, 6 of 9). Written "2/3", "60%" or a decimal ("0.6" is 3/5; "0.6667" stays 6667/10000, which is
/// not two thirds: write 2/3). Zero means "not set" where an input allows that.
/// </summary>
[JsonConverter(typeof(FractionJsonConverter))]
public readonly record struct Fraction
{
    public long Numerator { get; }
    public long Denominator { get; }

    public Fraction(long numerator, long denominator)
    {
        if (denominator <= 0) throw new ArgumentOutOfRangeException(nameof(denominator), "分母必须为正数 (the denominator must be positive)");
        var gcd = Gcd(Math.Abs(numerator), denominator);
        (Numerator, Denominator) = gcd == 0 ? (0, 1) : (numerator / gcd, denominator / gcd);
    }

    public static readonly Fraction Zero = new(0, 1);
    public static readonly Fraction TwoThirds = new(2, 3);

    public bool IsZero => Numerator == 0;
    public double Value => (double)Numerator / Denominator;

    /// <summary>part/whole ≥ this share, exactly ("以上" includes the number itself).</summary>
    public bool IsReachedBy(long part, long whole) => part * Denominator >= Numerator * whole;

    /// <summary>This share of a count, rounded down (a cap: 不超过) or up (a minimum: at least this share).</summary>
    public long Of(long count, ShareRounding rounding) => rounding switch
    {
        ShareRounding.Down => Numerator * count / Denominator,
        ShareRounding.Up => (Numerator * count + Denominator - 1) / Denominator,
        _ => (2 * Numerator * count + Denominator) / (2 * Denominator),
    };

    public static bool TryParse(string? text, out Fraction fraction)
    {
        fraction = Zero;
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0) return false;
        if (trimmed.EndsWith('%') || trimmed.EndsWith('％'))
        {
            if (!TryParseDecimal(trimmed[..^1], out var percent)) return false;
            fraction = new Fraction(percent.Numerator, percent.Denominator * 100);
        }
        else if (trimmed.Split('/') is [var top, var bottom])
        {
            if (!long.TryParse(top.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ||
                !long.TryParse(bottom.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var d) || d <= 0 || n < 0) return false;
            fraction = new Fraction(n, d);
        }
        else if (!TryParseDecimal(trimmed, out fraction)) return false;
        return true;
    }

    public static Fraction FromDecimal(decimal value)
    {
        var scale = 1L;
        while (value != decimal.Truncate(value) && scale < 1_000_000_000) { value *= 10; scale *= 10; }
        return new Fraction((long)decimal.Truncate(value), scale);
    }

    private static bool TryParseDecimal(string text, out Fraction fraction)
    {
        fraction = Zero;
        if (!decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0) return false;
        fraction = FromDecimal(value);
        return true;
    }

    public override string ToString() => Denominator == 1 ? Numerator.ToString(CultureInfo.InvariantCulture) : $"{Numerator}/{Denominator}";

    /// <summary>For messages: 2/3 reads “三分之二”, 3/5 “60%”.</summary>
    public string Describe() => (Numerator, Denominator) switch
    {
        (2, 3) => "三分之二",
        (1, 3) => "三分之一",
        (1, 2) => "二分之一",
        _ when 100 % Denominator == 0 || 1000 % Denominator == 0 => Value.ToString("0.#%", CultureInfo.InvariantCulture),
        _ => ToString(),
    };

    private static long Gcd(long a, long b) { while (b != 0) (a, b) = (b, a % b); return a; }
}

public enum ShareRounding { Down, Up, Nearest }

public sealed class FractionJsonConverter : JsonConverter<Fraction>
{
    public override Fraction Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var number) && number >= 0) return Fraction.FromDecimal(number);
        if (reader.TokenType == JsonTokenType.String && Fraction.TryParse(reader.GetString(), out var parsed)) return parsed;
        throw new JsonException("不是比例，应写作 2/3、60% 或 0.6 (not a share: write 2/3, 60% or 0.6)");
    }

    public override void Write(Utf8JsonWriter writer, Fraction value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}
