using System.Text.Json.Nodes;
using Designer.Forms.Definitions;

namespace Designer.Forms.Validation;

/// <summary>The Chinese labels of a field's allowed values: "enumNames" (or "x-enumNames") when present.</summary>
internal static class OptionLabels
{
    public static IReadOnlyList<string> For(JsonObject schema)
    {
        if (schema["enum"] is not JsonArray values) return [];
        var names = schema["enumNames"] as JsonArray ?? schema["x-enumNames"] as JsonArray;
        return values
            .Select((value, i) => names is not null && i < names.Count && names[i] is JsonValue name && name.TryGetValue(out string? text)
                ? text
                : Display(value))
            .ToList();
    }

    /// <summary>
    /// The labels of a "oneOf" of titled constants (the draft-07 way to label options: [{"const":"junior","title":"员级"}]);
    /// null when the oneOf is anything else.
    /// </summary>
    public static IReadOnlyList<string>? Constants(JsonObject schema) =>
        schema["oneOf"] is JsonArray { Count: > 0 } branches && branches.All(b => b is JsonObject o && o.ContainsKey("const"))
            ? branches.Cast<JsonObject>().Select(b => SchemaTree.StringValue(b, "title") ?? Display(b["const"])).ToList()
            : null;

    public static string Display(JsonNode? value) => value switch
    {
        null => "空",
        JsonValue v when v.TryGetValue(out bool flag) => flag ? "是" : "否",
        JsonValue v when v.TryGetValue(out string? text) => text,
        _ => value.ToJsonString(),
    };

    /// <summary>The titles of the alternatives of an anyOf/oneOf, e.g. "上传文件" / "填写文件地址".</summary>
    public static IReadOnlyList<string> Alternatives(JsonObject schema, string keyword) =>
        schema[keyword] is JsonArray branches
            ? branches.OfType<JsonObject>().Select(b => SchemaTree.StringValue(b, "title")).OfType<string>().ToList()
            : [];
}
