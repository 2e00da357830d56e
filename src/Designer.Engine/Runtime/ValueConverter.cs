using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Designer.Engine.Domain;
using Designer.Engine.Model;

namespace Designer.Engine.Runtime;

/// <summary>Turns an input's JSON value (literal text or computed value) into the input's CLR type.</summary>
public static class ValueConverter
{
    public static T Convert<T>(JsonNode? value, T fallback)
    {
        if (value is null) return fallback;
        var target = typeof(T);
        if (target == typeof(JsonNode)) return (T)(object)value;
        if (target == typeof(string)) return (T)(object)(ToText(value));
        if (value is JsonValue scalar && scalar.TryGetValue<string>(out var text))
            return FromText<T>(text, fallback);
        try
        {
            if (target == typeof(bool) && value is JsonValue b && b.TryGetValue<bool>(out var flag)) return (T)(object)flag;
            if (target == typeof(IReadOnlyList<string>)) return (T)(object)ToStringList(value);
            return value.Deserialize<T>(JsonText.Options) ?? fallback;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NotSupportedException)
        {
            throw new FormatException($"值 {value.ToJsonString()} 不是 {FriendlyName(target)} (cannot convert to {FriendlyName(target)})");
        }
    }

    private static T FromText<T>(string text, T fallback)
    {
        var target = typeof(T);
        if (string.IsNullOrWhiteSpace(text) && target != typeof(string)) return fallback;
        object? result = target switch
        {
            _ when target == typeof(int) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : null,
            _ when target == typeof(double) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null,
            _ when target == typeof(bool) => bool.TryParse(text, out var b) ? b : null,
            _ when target == typeof(TimeSpan) => TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var t) ? t : null,
            _ when target == typeof(IReadOnlyList<string>) => SplitList(text),
            _ when target == typeof(Fraction) => Fraction.TryParse(text, out var f) ? f : null,
            _ => ParseJson<T>(text),
        };
        return result is null
            ? throw new FormatException($"值 “{text}” 不是 {FriendlyName(target)} (cannot convert '{text}' to {FriendlyName(target)})")
            : (T)result;
    }

    private static object? ParseJson<T>(string text)
    {
        try { return JsonSerializer.Deserialize<T>(text, JsonText.Options); }
        catch (JsonException) { return null; }
    }

    private static IReadOnlyList<string> SplitList(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.StartsWith('['))
            return ParseJson<List<string>>(trimmed) as IReadOnlyList<string> ?? [];
        return trimmed.Split([',', '，', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    private static IReadOnlyList<string> ToStringList(JsonNode value) => value switch
    {
        JsonArray array => array.Select(ToText).ToList(),
        _ => SplitList(ToText(value)),
    };

    public static string ToText(JsonNode? value) => value switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.AsNumber() is { } d => d.ToString(CultureInfo.InvariantCulture),
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false",
        _ => value.ToJsonString(JsonText.Compact),
    };

    public static bool IsTruthy(JsonNode? value) => value switch
    {
        null => false,
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v when v.AsNumber() is { } d => d != 0 && !double.IsNaN(d),
        JsonValue v when v.TryGetValue<string>(out var s) => s.Length > 0 && s != "false",
        _ => true,
    };

    private static string FriendlyName(Type type) => type switch
    {
        _ when type == typeof(int) => "整数 (integer)",
        _ when type == typeof(double) => "数字 (number)",
        _ when type == typeof(bool) => "布尔值 (boolean)",
        _ when type == typeof(string) => "文本 (text)",
        _ when type == typeof(TimeSpan) => "时长 (timespan, e.g. 00:00:05)",
        _ when type == typeof(IReadOnlyList<string>) => "文本列表 (list of text)",
        _ when type == typeof(Fraction) => "比例，如 2/3、60% (share, e.g. 2/3 or 60%)",
        _ => type.Name,
    };
}
