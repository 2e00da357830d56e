using System.Text.Json.Nodes;
using Designer.Forms.Definitions;

namespace Designer.Forms.Sampling;

/// <summary>
/// Builds the smallest data a schema accepts: required fields only, each at its default, first example,
/// first option, minimum, or shortest acceptable text. Expects a schema normalised for validation
/// (constants already turned into enums).
/// </summary>
internal static class MinimalData
{
    public const string SampleDate = "2024-01-01";
    public const string SampleText = "示例";
    private const int MaxItems = 1000;
    private const int MaxTextLength = 100_000;

    public static JsonNode? For(JsonObject schema)
    {
        if (schema["default"] is { } preset) return preset.DeepClone();
        if (schema["examples"] is JsonArray { Count: > 0 } examples) return examples[0]?.DeepClone();
        if (schema["enum"] is JsonArray { Count: > 0 } options) return options[0]?.DeepClone();

        return SchemaTree.MainType(schema) switch
        {
            "object" => Object(schema),
            "array" => Array(schema),
            "string" => JsonValue.Create(Text(schema)),
            "integer" => JsonValue.Create((long)Math.Ceiling(Number(schema))),
            "number" => JsonValue.Create(Number(schema)),
            "boolean" => JsonValue.Create(false),
            _ => null,
        };
    }

    private static JsonObject Object(JsonObject schema)
    {
        var result = new JsonObject();
        foreach (var name in RequiredNames(schema))
            result[name] = SchemaTree.Property(schema, name) is { } property ? For(property) : JsonValue.Create(SampleText);
        return result;
    }

    /// <summary>The object's own required fields plus those of its first alternative ("dataUrl or url").</summary>
    private static IEnumerable<string> RequiredNames(JsonObject schema)
    {
        var names = SchemaTree.RequiredNames(schema).ToList();
        foreach (var keyword in new[] { "anyOf", "oneOf" })
            if (schema[keyword] is JsonArray { Count: > 0 } branches && branches[0] is JsonObject first)
                names.AddRange(SchemaTree.RequiredNames(first));
        if (schema["allOf"] is JsonArray parts)
            names.AddRange(parts.OfType<JsonObject>().SelectMany(SchemaTree.RequiredNames));
        return names.Distinct();
    }

    private static JsonArray Array(JsonObject schema)
    {
        var count = (int)Math.Min(SchemaTree.NumberValue(schema, "minItems") ?? 0, MaxItems);
        var items = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            var itemSchema = SchemaTree.Item(schema, i);
            // Distinct options keep uniqueItems arrays valid.
            var item = itemSchema?["enum"] is JsonArray options && i < options.Count
                ? options[i]?.DeepClone()
                : itemSchema is null ? JsonValue.Create(SampleText) : For(itemSchema);
            items.Add(item);
        }
        return items;
    }

    private static string Text(JsonObject schema)
    {
        var format = SchemaTree.StringValue(schema, "format");
        if (format is not null && FormatSample(format) is { } formatted) return formatted;
        if (SchemaTree.StringValue(schema, "pattern") is { } pattern && PatternSampler.Sample(pattern) is { } sample)
            return sample;

        var minLength = (int)Math.Min(SchemaTree.NumberValue(schema, "minLength") ?? 0, MaxTextLength);
        var maxLength = (int)Math.Min(SchemaTree.NumberValue(schema, "maxLength") ?? MaxTextLength, MaxTextLength);
        var length = Math.Max(0, Math.Min(Math.Max(minLength, SampleText.Length), maxLength));
        return string.Concat(Enumerable.Repeat(SampleText, length / SampleText.Length + 1))[..length];
    }

    private static string? FormatSample(string format) => format switch
    {
        "date" => SampleDate,
        "date-time" => SampleDate + "T09:00:00+08:00",
        "time" => "09:00:00",
        "email" => "applicant@example.com",
        "uri" or "url" => "https://example.com/",
        "data-url" => "data:text/plain;base64,56S65L6L", // "示例" in UTF-8
        _ => null,
    };

    private static decimal Number(JsonObject schema)
    {
        decimal? lower = SchemaTree.NumberValue(schema, "minimum");
        if (SchemaTree.NumberValue(schema, "exclusiveMinimum") is { } exclusive && (lower is null || exclusive >= lower))
            lower = exclusive + 1;
        var upper = SchemaTree.NumberValue(schema, "maximum");
        var value = lower ?? Math.Min(0m, upper ?? 0m);
        if (SchemaTree.NumberValue(schema, "multipleOf") is { } multiple and > 0)
            value = Math.Ceiling(value / multiple) * multiple;
        return value;
    }
}
