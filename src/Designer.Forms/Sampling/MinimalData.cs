using System.Text.Json.Nodes;
using Designer.Forms.Definitions;
using Designer.Forms.Validation;

namespace Designer.Forms.Sampling;

/// <summary>
/// Builds the smallest data a schema accepts: required fields only, each at its default, first example,
/// constant, first option, minimum, or shortest acceptable text. Conditions (if/then/else) are followed: when the
/// data built so far meets an "if", the fields its "then" requires are added (those of "else" otherwise).
/// </summary>
internal sealed class MinimalData
{
    public const string SampleDate = "2024-01-01";
    public const string SampleText = "示例";
    private const int MaxItems = 1000;
    private const int MaxTextLength = 100_000;
    private const int MaxDepth = 64;
    private const int MaxConditionRounds = 8;

    private readonly JsonObject root;
    private int depth;

    private MinimalData(JsonObject root) => this.root = root;

    public static JsonNode? For(JsonObject schema) => new MinimalData(schema).Value(schema);

    /// <summary>
    /// The given fields kept as they are, plus the smallest values of the required fields missing, with the conditions
    /// decided on the given values (a case's kind "aid-xinjiang" makes the fields aid applicants need required).
    /// </summary>
    public static JsonObject Completing(JsonObject schema, JsonObject given)
    {
        var sampler = new MinimalData(schema);
        var resolved = SchemaTree.Resolve(schema, schema);
        var result = (JsonObject)given.DeepClone();
        foreach (var name in RequiredNames(resolved).Where(name => !result.ContainsKey(name)))
            sampler.Fill(result, name, SchemaTree.Property(schema, resolved, name));
        sampler.ApplyConditions(resolved, result);
        return result;
    }

    private JsonNode? Value(JsonObject site)
    {
        if (site["default"] is { } preset) return preset.DeepClone();
        if (site["examples"] is JsonArray { Count: > 0 } examples) return examples[0]?.DeepClone();
        if (site.ContainsKey("const")) return site["const"]?.DeepClone();
        if (site["enum"] is JsonArray { Count: > 0 } options) return options[0]?.DeepClone();
        if (site["oneOf"] is JsonArray { Count: > 0 } alternatives && alternatives.All(a => a is JsonObject o && o.ContainsKey("const")))
            return alternatives[0]!["const"]?.DeepClone();

        var schema = SchemaTree.Resolve(root, site);
        if (!ReferenceEquals(schema, site)) return Nested(schema);

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

    /// <summary>A referenced schema, with a depth limit for references to themselves.</summary>
    private JsonNode? Nested(JsonObject schema)
    {
        if (depth >= MaxDepth) return null;
        depth++;
        try { return Value(schema); }
        finally { depth--; }
    }

    private JsonObject Object(JsonObject schema)
    {
        var result = new JsonObject();
        foreach (var name in RequiredNames(schema))
            Fill(result, name, SchemaTree.Property(root, schema, name));
        ApplyConditions(schema, result);
        return result;
    }

    private void Fill(JsonObject result, string name, JsonObject? property) =>
        result[name] = property is not null ? Nested(property) : JsonValue.Create(SampleText);

    /// <summary>The object's own required fields plus those of its first alternative ("dataUrl or url") and its "all of" parts.</summary>
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

    /// <summary>
    /// Adds what the conditions that apply to the data require, and remakes a field a branch restricts further
    /// ("then": {"properties": {"unit": {"minLength": 5}}}) when its value breaks the restriction. Repeats, since
    /// a field added may meet another condition.
    /// </summary>
    private void ApplyConditions(JsonObject schema, JsonObject result)
    {
        for (var round = 0; round < MaxConditionRounds; round++)
        {
            var changed = false;
            foreach (var branch in ChosenBranches(schema, result))
            {
                foreach (var name in RequiredNames(branch).Where(name => !result.ContainsKey(name)))
                {
                    Fill(result, name, SchemaTree.Property(root, branch, name) ?? SchemaTree.Property(root, schema, name));
                    changed = true;
                }
                foreach (var (name, node) in branch["properties"] as JsonObject ?? [])
                {
                    if (node is not JsonObject restriction || !result.ContainsKey(name) || SchemaCondition.Holds(root, restriction, result[name])) continue;
                    var field = SchemaTree.Property(root, schema, name) is { } own ? SchemaTree.Resolve(root, own) : new JsonObject();
                    result[name] = Nested(SchemaMerger.Merge(field, restriction));
                    changed = true;
                }
            }
            if (!changed) return;
        }
    }

    /// <summary>The "then" of each condition whose "if" the data meets, the "else" of the others, nested conditions too.</summary>
    private IEnumerable<JsonObject> ChosenBranches(JsonObject schema, JsonObject data)
    {
        foreach (var conditional in SchemaTree.Conditionals(schema).ToList())
        {
            var branch = SchemaCondition.Holds(root, (JsonObject)conditional["if"]!, data) ? conditional["then"] : conditional["else"];
            if (branch is not JsonObject chosen) continue;
            yield return chosen;
            foreach (var nested in ChosenBranches(chosen, data)) yield return nested;
        }
    }

    private JsonArray Array(JsonObject schema)
    {
        var count = (int)Math.Min(SchemaTree.NumberValue(schema, "minItems") ?? 0, MaxItems);
        var items = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            var itemSchema = SchemaTree.Item(root, schema, i);
            // Distinct options keep uniqueItems arrays valid.
            var item = itemSchema?["enum"] is JsonArray options && i < options.Count
                ? options[i]?.DeepClone()
                : itemSchema is null ? JsonValue.Create(SampleText) : Nested(itemSchema);
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
        "time" => "09:00:00+08:00",
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
