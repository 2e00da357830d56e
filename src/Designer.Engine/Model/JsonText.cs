using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Designer.Engine.Model;

/// <summary>One place for how the project reads and writes JSON: camelCase, indented, Chinese kept readable.</summary>
public static class JsonText
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static readonly JsonSerializerOptions Compact = new(Options) { WriteIndented = false };

    public static string Write(JsonNode? node, bool indented = true) =>
        node?.ToJsonString(indented ? Options : Compact) ?? "null";

    public static string Serialize<T>(T value, bool indented = true) =>
        JsonSerializer.Serialize(value, indented ? Options : Compact);

    public static T? Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options);

    public static T? Deserialize<T>(JsonNode? node) => node is null ? default : node.Deserialize<T>(Options);

    public static string? AsString(this JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node?.ToJsonString();

    public static JsonObject? AsObject(this JsonNode? node) => node as JsonObject;

    /// <summary>
    /// The number a JSON value holds, however it was made: parsed from text or created from a CLR int, long or double
    /// (JsonValue.TryGetValue&lt;double&gt; fails on a value created from an int).
    /// </summary>
    public static double? AsNumber(this JsonNode? node)
    {
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.Number) return null;
        // Read directly where that gives the double its JSON text stands for (parsed text, or a double, long or int);
        // anything else (a decimal, a float) through its text, as JavaScript would read it.
        if (value.TryGetValue<JsonElement>(out var element)) { if (element.TryGetDouble(out var parsed) && double.IsFinite(parsed)) return parsed; }
        else if (value.TryGetValue<double>(out var real)) return real;
        else if (value.TryGetValue<long>(out var whole)) return whole;
        else if (value.TryGetValue<int>(out var small)) return small;
        return double.Parse(value.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
