using System.Text.Json.Nodes;

namespace Designer.Forms.Definitions;

/// <summary>Navigation over the sub-schemas of a JSON Schema object.</summary>
internal static class SchemaTree
{
    private static readonly string[] SchemaMapKeywords = ["properties", "definitions", "patternProperties"];
    private static readonly string[] SchemaListKeywords = ["oneOf", "anyOf", "allOf"];
    private static readonly string[] SingleSchemaKeywords = ["additionalProperties", "additionalItems", "not"];

    /// <summary>The direct sub-schemas of a schema, each with its JSON path.</summary>
    public static IEnumerable<(JsonObject Schema, string Path)> Children(JsonObject schema, string path)
    {
        foreach (var keyword in SchemaMapKeywords)
        {
            if (schema[keyword] is not JsonObject map) continue;
            var mapPath = JsonPath.Property(path, keyword);
            foreach (var (name, child) in map)
                if (child is JsonObject childSchema) yield return (childSchema, JsonPath.Property(mapPath, name));
        }

        foreach (var keyword in SchemaListKeywords)
            foreach (var child in Indexed(schema[keyword], JsonPath.Property(path, keyword)))
                yield return child;

        foreach (var keyword in SingleSchemaKeywords)
            if (schema[keyword] is JsonObject child) yield return (child, JsonPath.Property(path, keyword));

        switch (schema["items"])
        {
            case JsonObject items:
                yield return (items, JsonPath.Property(path, "items"));
                break;
            case JsonArray tuple:
                foreach (var child in Indexed(tuple, JsonPath.Property(path, "items")))
                    yield return child;
                break;
        }
    }

    public static JsonObject? Property(JsonObject schema, string name) =>
        schema["properties"] is JsonObject properties ? properties[name] as JsonObject : null;

    /// <summary>The schema of the array's element at the index: "items" as one schema, or the tuple's entry.</summary>
    public static JsonObject? Item(JsonObject schema, int index) => schema["items"] switch
    {
        JsonObject items => items,
        JsonArray tuple when index < tuple.Count => tuple[index] as JsonObject,
        _ => schema["additionalItems"] as JsonObject,
    };

    public static IReadOnlyList<string> RequiredNames(JsonObject schema) =>
        schema["required"] is JsonArray required
            ? required.OfType<JsonValue>().Select(v => v.TryGetValue(out string? s) ? s : null).OfType<string>().ToList()
            : [];

    /// <summary>The declared type, or the first non-null one of a type list; inferred from the keywords when absent.</summary>
    public static string? MainType(JsonObject schema)
    {
        switch (schema["type"])
        {
            case JsonValue single when single.TryGetValue(out string? type):
                return type;
            case JsonArray list:
                var types = list.OfType<JsonValue>().Select(v => v.TryGetValue(out string? t) ? t : null).OfType<string>().ToList();
                return types.FirstOrDefault(t => t != "null") ?? types.FirstOrDefault();
        }
        if (schema["properties"] is not null) return "object";
        if (schema["items"] is not null) return "array";
        return null;
    }

    public static string? StringValue(JsonObject schema, string keyword) =>
        schema[keyword] is JsonValue value && value.TryGetValue(out string? text) ? text : null;

    public static decimal? NumberValue(JsonObject schema, string keyword) =>
        schema[keyword] is JsonValue value && value.TryGetValue(out decimal number) ? number : null;

    private static IEnumerable<(JsonObject, string)> Indexed(JsonNode? node, string path)
    {
        if (node is not JsonArray list) yield break;
        for (var i = 0; i < list.Count; i++)
            if (list[i] is JsonObject child) yield return (child, JsonPath.Index(path, i));
    }
}
