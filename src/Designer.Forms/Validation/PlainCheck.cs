using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Designer.Forms.Validation;

/// <summary>
/// One compiled (sub)schema of a <see cref="PlainSchema"/>: each keyword it has, judged as JsonSchema.Net 8 judges it
/// (lengths in text elements, as a reader counts characters, bounds as doubles, "integer" as a number written without fraction or exponent that fits
/// 64 bits, patterns in ECMAScript syntax).
/// </summary>
internal sealed class PlainCheck
{
    private bool? always;

    public static PlainCheck Always(bool verdict) => new() { always = verdict };

    public PlainTypes? Types { get; set; }
    public string[]? Required { get; set; }
    public KeyValuePair<string, PlainCheck>[]? Properties { get; set; }
    public PlainCheck? Items { get; set; }
    public long? MinItems { get; set; }
    public long? MaxItems { get; set; }
    public bool UniqueItems { get; set; }
    public long? MinLength { get; set; }
    public long? MaxLength { get; set; }
    public double? Minimum { get; set; }
    public double? Maximum { get; set; }
    public Regex? Pattern { get; set; }
    public Func<PlainValue, bool>? Format { get; set; }
    public PlainScalar[]? Enum { get; set; }
    public PlainScalar? Const { get; set; }
    public PlainCheck[]? AllOf { get; set; }
    public PlainCheck[]? AnyOf { get; set; }
    public PlainCheck[]? OneOf { get; set; }
    public PlainCheck? Not { get; set; }
    public PlainCheck? If { get; set; }
    public PlainCheck? Then { get; set; }
    public PlainCheck? Else { get; set; }

    /// <exception cref="UndecidedException">The data holds a value these checks do not read.</exception>
    public bool Holds(JsonNode? node)
    {
        if (always is { } verdict) return verdict;
        var value = PlainValue.Of(node);
        if (Types is { } types && !types.Allows(value)) return false;
        var holds = value.Kind switch
        {
            JsonValueKind.Object => ObjectHolds((JsonObject)node!),
            JsonValueKind.Array => ArrayHolds((JsonArray)node!),
            JsonValueKind.String => StringHolds(value),
            JsonValueKind.Number => NumberHolds(value.Element.GetDouble()),
            _ => true,
        };
        if (!holds) return false;
        if (Enum is { } options && !options.Any(option => option.Matches(value))) return false;
        if (Const is { } constant && !constant.Matches(value)) return false;
        return CombinationsHold(node);
    }

    private bool ObjectHolds(JsonObject data)
    {
        if (Required is { } required)
            foreach (var name in required)
                if (!data.ContainsKey(name)) return false;
        if (Properties is { } properties)
            foreach (var (name, property) in properties)
                if (data.TryGetPropertyValue(name, out var field) && !property.Holds(field)) return false;
        return true;
    }

    private bool ArrayHolds(JsonArray data)
    {
        if (MinItems is { } min && data.Count < min) return false;
        if (MaxItems is { } max && data.Count > max) return false;
        if (UniqueItems && !AllDifferent(data)) return false;
        if (Items is { } items)
            foreach (var item in data)
                if (!items.Holds(item)) return false;
        return true;
    }

    private static bool AllDifferent(JsonArray data)
    {
        var values = data.Select(PlainValue.Of).ToList();
        // Numbers, lists and groups of fields compare by value in ways not reproduced here.
        if (values.Any(v => v.Kind is JsonValueKind.Number or JsonValueKind.Object or JsonValueKind.Array)) throw new UndecidedException();
        for (var i = 0; i < values.Count; i++)
            for (var j = i + 1; j < values.Count; j++)
                if (PlainScalar.Same(values[i], values[j])) return false;
        return true;
    }

    private bool StringHolds(PlainValue value)
    {
        var text = value.Text!;
        if (MinLength is not null || MaxLength is not null)
        {
            var length = TextElements(text);
            if (MinLength is { } min && length < min) return false;
            if (MaxLength is { } max && length > max) return false;
        }
        if (Pattern is { } pattern && !pattern.IsMatch(text)) return false;
        return Format is not { } format || format(value);
    }

    /// <summary>Characters as JsonSchema.Net counts them: text elements, so "😀" (two UTF-16 units) and "é" written as e + accent are one each.</summary>
    private static int TextElements(string text)
    {
        var count = 0;
        for (var rest = text.AsSpan(); !rest.IsEmpty; count++)
            rest = rest[System.Globalization.StringInfo.GetNextTextElementLength(rest)..];
        return count;
    }

    private bool NumberHolds(double number) =>
        (Minimum is not { } min || min <= number) && (Maximum is not { } max || number <= max);

    private bool CombinationsHold(JsonNode? node)
    {
        if (AllOf is { } all)
            foreach (var part in all)
                if (!part.Holds(node)) return false;
        if (AnyOf is { } any && !any.Any(part => part.Holds(node))) return false;
        if (OneOf is { } one && one.Count(part => part.Holds(node)) != 1) return false;
        if (Not is { } not && not.Holds(node)) return false;
        if (If is { } condition)
        {
            var branch = condition.Holds(node) ? Then : Else;
            if (branch is not null && !branch.Holds(node)) return false;
        }
        return true;
    }
}

/// <summary>A data value as the checks read it: its JSON kind, its text for a string, its element for a number.</summary>
internal readonly record struct PlainValue(JsonValueKind Kind, string? Text, JsonElement Element)
{
    /// <exception cref="UndecidedException">A value of a .NET type that is not plain JSON (a date, an object).</exception>
    public static PlainValue Of(JsonNode? node)
    {
        switch (node)
        {
            case null: return new(JsonValueKind.Null, null, default);
            case JsonObject: return new(JsonValueKind.Object, null, default);
            case JsonArray: return new(JsonValueKind.Array, null, default);
        }
        var value = (JsonValue)node;
        if (value.TryGetValue(out JsonElement element))
        {
            return element.ValueKind switch
            {
                JsonValueKind.String => new(JsonValueKind.String, element.GetString(), element),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null => new(element.ValueKind, null, element),
                _ => throw new UndecidedException(),
            };
        }
        if (value.TryGetValue(out string? text)) return new(JsonValueKind.String, text, default);
        if (value.TryGetValue(out bool flag)) return new(flag ? JsonValueKind.True : JsonValueKind.False, null, default);
        // A number made in code: read it as JsonSchema.Net would, from the JSON it is written as.
        if (value.TryGetValue(out int _) || value.TryGetValue(out long _) || value.TryGetValue(out decimal _)
            || (value.TryGetValue(out double d) && double.IsFinite(d)))
            return new(JsonValueKind.Number, null, JsonSerializer.SerializeToElement(value));
        throw new UndecidedException();
    }

    public static bool AllPlain(JsonNode? node)
    {
        switch (node)
        {
            case null: return true;
            case JsonObject map:
                foreach (var (_, field) in map)
                    if (!AllPlain(field)) return false;
                return true;
            case JsonArray list:
                foreach (var item in list)
                    if (!AllPlain(item)) return false;
                return true;
        }
        try
        {
            Of(node);
            return true;
        }
        catch (UndecidedException)
        {
            return false;
        }
    }
}

/// <summary>The JSON types a "type" keyword allows.</summary>
internal sealed class PlainTypes
{
    private readonly HashSet<string> names;

    private PlainTypes(HashSet<string> names) => this.names = names;

    private static readonly string[] Known = ["null", "boolean", "object", "array", "number", "integer", "string"];

    public static PlainTypes? Parse(JsonNode? value)
    {
        var list = value switch
        {
            JsonValue single when single.GetValueKind() == JsonValueKind.String => [single.GetValue<string>()],
            JsonArray many when many.All(t => t is JsonValue v && v.GetValueKind() == JsonValueKind.String) => many.Select(t => t!.GetValue<string>()).ToList(),
            _ => null,
        };
        return list is not null && list.All(Known.Contains) ? new PlainTypes([.. list]) : null;
    }

    public bool Allows(PlainValue value) => value.Kind switch
    {
        JsonValueKind.Null => names.Contains("null"),
        JsonValueKind.True or JsonValueKind.False => names.Contains("boolean"),
        JsonValueKind.Object => names.Contains("object"),
        JsonValueKind.Array => names.Contains("array"),
        JsonValueKind.String => names.Contains("string"),
        JsonValueKind.Number => names.Contains("number") || (names.Contains("integer") && IsInteger(value.Element)),
        _ => false,
    };

    /// <summary>As JsonSchema.Net reads "integer": a number without fraction, however written ("2.0" and "1e2" are integers).</summary>
    private static bool IsInteger(JsonElement number) =>
        number.TryGetDecimal(out var value) ? decimal.Truncate(value) == value : throw new UndecidedException();
}

/// <summary>An allowed value of "enum" or "const": a string, true, false or null (numbers and structures are left to JsonSchema.Net).</summary>
internal sealed record PlainScalar(JsonValueKind Kind, string? Text)
{
    public static PlainScalar? From(JsonNode? node)
    {
        if (node is null) return new(JsonValueKind.Null, null);
        if (node is not JsonValue value) return null;
        return value.GetValueKind() switch
        {
            JsonValueKind.String => new(JsonValueKind.String, value.GetValue<string>()),
            JsonValueKind.True => new(JsonValueKind.True, null),
            JsonValueKind.False => new(JsonValueKind.False, null),
            _ => null,
        };
    }

    public static PlainScalar[]? ListOf(JsonArray options)
    {
        var scalars = options.Select(From).ToArray();
        return scalars.Length > 0 && scalars.All(s => s is not null) ? [.. scalars.OfType<PlainScalar>()] : null;
    }

    public bool Matches(PlainValue value) => Kind == value.Kind && (Kind != JsonValueKind.String || string.Equals(Text, value.Text, StringComparison.Ordinal));

    public static bool Same(PlainValue a, PlainValue b) => a.Kind == b.Kind && (a.Kind != JsonValueKind.String || string.Equals(a.Text, b.Text, StringComparison.Ordinal));
}

/// <summary>The formats of the shipped forms, checked by JsonSchema.Net's own format checks (format assertion on).</summary>
internal static class PlainFormats
{
    private static readonly HashSet<string> Known = ["date", "uri", "data-url"];

    public static Func<PlainValue, bool>? Find(string name)
    {
        if (!Known.Contains(name)) return null;
        var format = Json.Schema.Formats.Get(name);
        return value => format.Validate(value.Element.ValueKind == JsonValueKind.String ? value.Element : JsonSerializer.SerializeToElement(value.Text), out _);
    }
}
