using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Designer.Forms.Definitions;

namespace Designer.Forms.Validation;

/// <summary>
/// A draft-07 form schema compiled into plain C# checks, for the keywords the shipped forms use (type, required,
/// properties, items, enum, const, lengths, bounds, pattern, the date and uri formats, allOf/anyOf/oneOf/not,
/// if/then/else). It answers only whether data is valid, with the same verdict as JsonSchema.Net, and without copying
/// the data into a JsonElement; what is wrong and where is still told by JsonSchema.Net. A schema with any other
/// keyword is not compiled (<see cref="TryCompile"/> returns null) and JsonSchema.Net validates it alone.
/// </summary>
internal sealed class PlainSchema
{
    // Keywords that never change a verdict (annotations). Anything else unknown makes the schema fall back.
    private static readonly HashSet<string> Annotations =
    [
        "title", "description", "examples", "default", "readOnly", "writeOnly", "$comment", "enumNames",
    ];

    private readonly PlainCheck root;

    private PlainSchema(PlainCheck root) => this.root = root;

    /// <param name="prepared">The schema as the validator gets it (<see cref="ValidationSchema.ForValidator"/>).</param>
    public static PlainSchema? TryCompile(JsonObject prepared)
    {
        if (SchemaTree.StringValue(prepared, "$schema") != Dialects.Draft07) return null;
        try
        {
            return Compile(prepared, isRoot: true) is { } check ? new PlainSchema(check) : null;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException or OverflowException)
        {
            return null; // a keyword value of an unexpected shape: JsonSchema.Net decides
        }
    }

    /// <summary>True or false when decided; null when the data holds a value these checks do not read (JsonSchema.Net decides).</summary>
    public bool? IsValid(JsonNode data)
    {
        try
        {
            // JsonSchema.Net reads a copy of all the data: a value that cannot be written as JSON (NaN, a .NET object)
            // fails there even where no keyword looks at it.
            return PlainValue.AllPlain(data) ? root.Holds(data) : null;
        }
        catch (UndecidedException)
        {
            return null;
        }
    }

    private static PlainCheck? Compile(JsonNode? node, bool isRoot = false)
    {
        if (node is JsonValue boolean && boolean.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
            return PlainCheck.Always(boolean.GetValueKind() == JsonValueKind.True);
        if (node is not JsonObject schema) return null;
        var check = new PlainCheck();
        foreach (var (keyword, value) in schema)
        {
            if (Annotations.Contains(keyword) || keyword.StartsWith("x-", StringComparison.Ordinal)) continue;
            if (!Apply(check, keyword, value, isRoot)) return null;
        }
        return check;
    }

    private static bool Apply(PlainCheck check, string keyword, JsonNode? value, bool isRoot)
    {
        switch (keyword)
        {
            case "$schema":
                return isRoot;
            case "type":
                return (check.Types = PlainTypes.Parse(value)) is not null;
            case "required":
                check.Required = value is JsonArray names && names.All(n => n is JsonValue v && v.GetValueKind() == JsonValueKind.String)
                    ? names.Select(n => n!.GetValue<string>()).ToArray()
                    : null;
                return check.Required is not null;
            case "properties":
                if (value is not JsonObject properties) return false;
                var compiled = new List<KeyValuePair<string, PlainCheck>>();
                foreach (var (name, subschema) in properties)
                {
                    if (Compile(subschema) is not { } property) return false;
                    compiled.Add(new(name, property));
                }
                check.Properties = compiled.ToArray();
                return true;
            case "items":
                return value is not JsonArray && (check.Items = Compile(value)) is not null;
            case "minItems": return (check.MinItems = Count(value)) is not null;
            case "maxItems": return (check.MaxItems = Count(value)) is not null;
            case "minLength": return (check.MinLength = Count(value)) is not null;
            case "maxLength": return (check.MaxLength = Count(value)) is not null;
            case "uniqueItems":
                if (value is not JsonValue flag || flag.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False)) return false;
                check.UniqueItems = flag.GetValueKind() == JsonValueKind.True;
                return true;
            case "minimum": return (check.Minimum = Number(value)) is not null;
            case "maximum": return (check.Maximum = Number(value)) is not null;
            case "pattern":
                if (value is not JsonValue pattern || pattern.GetValueKind() != JsonValueKind.String) return false;
                // As JsonSchema.Net builds it (ECMAScript syntax), without its compilation to IL: the strings are short.
                check.Pattern = new Regex(pattern.GetValue<string>(), RegexOptions.ECMAScript);
                return true;
            case "format":
                return value is JsonValue format && format.GetValueKind() == JsonValueKind.String
                    && (check.Format = PlainFormats.Find(format.GetValue<string>())) is not null;
            case "enum":
                return value is JsonArray options && (check.Enum = PlainScalar.ListOf(options)) is not null;
            case "const":
                return (check.Const = PlainScalar.From(value)) is not null;
            case "allOf": return (check.AllOf = List(value)) is not null;
            case "anyOf": return (check.AnyOf = List(value)) is not null;
            case "oneOf": return (check.OneOf = List(value)) is not null;
            case "not": return (check.Not = Compile(value)) is not null;
            case "if": return (check.If = Compile(value)) is not null;
            case "then": return (check.Then = Compile(value)) is not null;
            case "else": return (check.Else = Compile(value)) is not null;
            default:
                return false;
        }
    }

    private static PlainCheck[]? List(JsonNode? value)
    {
        if (value is not JsonArray { Count: > 0 } list) return null;
        var checks = list.Select(item => Compile(item)).ToArray();
        return checks.All(c => c is not null) ? [.. checks.OfType<PlainCheck>()] : null;
    }

    private static long? Count(JsonNode? value) =>
        Number(value) is { } number && JsonSerializer.SerializeToElement(value).TryGetInt64(out var count) && count >= 0 && count == number ? count : null;

    private static double? Number(JsonNode? value) =>
        value is JsonValue number && number.GetValueKind() == JsonValueKind.Number ? JsonSerializer.SerializeToElement(number).GetDouble() : null;
}

/// <summary>Thrown by a check that meets a value it cannot judge the way JsonSchema.Net would.</summary>
internal sealed class UndecidedException : Exception;
