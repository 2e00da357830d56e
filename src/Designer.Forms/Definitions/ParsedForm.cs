using System.Text.Json;
using System.Text.Json.Nodes;
using Designer.Engine.Forms;

namespace Designer.Forms.Definitions;

/// <summary>A form's own schema and UI schema as parsed from text, before its x-extends base is merged in.</summary>
internal sealed record ParsedForm(string Id, JsonObject? Schema, JsonObject Ui, IReadOnlyList<FieldError> Problems)
{
    public const string ExtendsKeyword = "x-extends";

    public static ParsedForm Parse(FormSource source)
    {
        var problems = new List<FieldError>();
        var schema = ParseObject(source.SchemaJson, JsonPath.Root, "表单定义", problems);
        var ui = source.UiSchemaJson is null
            ? new JsonObject()
            : ParseObject(source.UiSchemaJson, JsonPath.UiRoot, "界面定义", problems) ?? new JsonObject();
        return new ParsedForm(source.Id, schema, ui, problems);
    }

    /// <summary>The id named by x-extends; null when the form extends nothing or the value is not a string.</summary>
    public string? BaseId =>
        Schema?[ExtendsKeyword] is JsonValue value && value.TryGetValue(out string? id) ? id : null;

    public bool DeclaresBase => Schema?.ContainsKey(ExtendsKeyword) == true;

    private static JsonObject? ParseObject(string? text, string rootPath, string what, List<FieldError> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add(new FieldError(rootPath, $"{what}为空"));
            return null;
        }
        try
        {
            if (JsonNode.Parse(text) is JsonObject parsed) return parsed;
            problems.Add(new FieldError(rootPath, $"{what}必须是 JSON 对象"));
        }
        catch (JsonException e)
        {
            var line = e.LineNumber is { } n ? $"（第 {n + 1} 行）" : "";
            problems.Add(new FieldError(rootPath, $"{what}不是有效的 JSON{line}：{e.Message}"));
        }
        return null;
    }
}
