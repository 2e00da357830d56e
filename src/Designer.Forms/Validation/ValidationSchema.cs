using System.Text.Json.Nodes;
using Designer.Forms.Definitions;

namespace Designer.Forms.Validation;

/// <summary>
/// Rewrites a form schema into the shape the validator understands, without changing its meaning:
/// NJsonSchema 10 ignores "const", so a const becomes a one-value enum, and a "oneOf" of titled constants
/// (the draft-07 way to label options) becomes an enum with "enumNames".
/// </summary>
internal static class ValidationSchema
{
    public static JsonObject Normalise(JsonObject schema)
    {
        var copy = (JsonObject)schema.DeepClone();
        NormaliseInPlace(copy);
        return copy;
    }

    private static void NormaliseInPlace(JsonObject schema)
    {
        if (schema.ContainsKey("const") && !schema.ContainsKey("enum"))
        {
            schema["enum"] = new JsonArray(schema["const"]?.DeepClone());
            schema.Remove("const");
        }
        if (schema["oneOf"] is JsonArray options && IsListOfConstants(options) && !schema.ContainsKey("enum"))
        {
            var branches = options.Cast<JsonObject>().ToList();
            schema["enum"] = new JsonArray(branches.Select(b => b["const"]?.DeepClone()).ToArray());
            schema["enumNames"] = new JsonArray(branches.Select(b => (JsonNode?)JsonValue.Create(Label(b))).ToArray());
            schema.Remove("oneOf");
        }
        foreach (var (child, _) in SchemaTree.Children(schema, JsonPath.Root).ToList())
            NormaliseInPlace(child);
    }

    /// <summary>Every "$ref" that points outside the schema itself (anything but "#...").</summary>
    public static IEnumerable<string> ExternalReferences(JsonNode? node) => node switch
    {
        JsonObject schema => schema.SelectMany(p =>
            p.Key == "$ref" && p.Value is JsonValue v && v.TryGetValue(out string? target) && !target.StartsWith('#')
                ? [target]
                : ExternalReferences(p.Value)),
        JsonArray list => list.SelectMany(ExternalReferences),
        _ => [],
    };

    private static bool IsListOfConstants(JsonArray options) =>
        options.Count > 0 && options.All(o => o is JsonObject branch && branch.ContainsKey("const"));

    private static string Label(JsonObject branch) =>
        SchemaTree.StringValue(branch, "title") ?? branch["const"]?.ToJsonString() ?? "null";
}
