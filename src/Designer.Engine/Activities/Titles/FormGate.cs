using System.Text.Json.Nodes;
using Designer.Engine.Forms;
using Designer.Engine.Model;
using Designer.Engine.Runtime;

namespace Designer.Engine.Activities.Titles;

/// <summary>
/// A conclusion in a step's form that decides which actions agree with it: when the field (a JSON pointer such as
/// "/conclusion", or a plain field name) holds one of <see cref="Values"/>, or is blank (<see cref="Empty"/> true) or
/// filled (false), only <see cref="Actions"/> may be taken. A party organisation's 不予推荐 allows only reject; a
/// return needs the correction list filled in (一次性告知).
/// </summary>
[SharedLiteral]
public sealed record FormGate(string Field, JsonArray? Values = null, bool? Empty = null, IReadOnlyList<string>? Actions = null, string? Note = null)
{
    public IReadOnlyList<string> Segments => Field.Trim().TrimStart('/').Split('/', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The field as a JSON path ("$.currentPerformance.political"), the form the form errors use.</summary>
    public string JsonPath => "$" + string.Concat(Segments.Select(s => int.TryParse(s, out _) ? $"[{s}]" : $".{s}"));

    public string Pointer => "/" + string.Join("/", Segments);

    public IReadOnlyList<string> AllowedActions => Actions ?? [];

    /// <summary>True when this gate speaks about the data (the field's value is one of the values, or blank/filled as required).</summary>
    public bool Applies(JsonNode? data)
    {
        var value = ValueIn(data);
        if (Empty is { } empty) return IsBlank(value) == empty;
        return Values?.Any(v => v is null ? value is null : JsonNode.DeepEquals(v, value)) == true;
    }

    /// <summary>True when the data and the action disagree: the gate applies and the action is not one it allows.</summary>
    public bool Forbids(JsonNode? data, string action) => Applies(data) && !AllowedActions.Contains(action);

    public JsonNode? ValueIn(JsonNode? data)
    {
        var node = data;
        foreach (var segment in Segments)
            node = node switch
            {
                JsonObject o => o[segment],
                JsonArray a when int.TryParse(segment, out var i) && i >= 0 && i < a.Count => a[i],
                _ => null,
            };
        return node;
    }

    /// <summary>The field's schema inside a form schema (through properties and items), or null when the form has no such field.</summary>
    public JsonObject? SchemaIn(JsonObject? formSchema) => FormFields.SchemaAt(formSchema, Segments);

    /// <summary>A copy of the field's schema in the catalog's form (null without a form, or when it has no such field).</summary>
    public JsonObject? SchemaIn(IFormCatalog? forms, string? formId) =>
        forms is not null && !string.IsNullOrEmpty(formId) ? forms.GetFieldSchema(formId, Segments) : null;

    public static bool IsBlank(JsonNode? value) => value switch
    {
        null => true,
        JsonValue v when v.TryGetValue<string>(out var s) => string.IsNullOrWhiteSpace(s),
        JsonArray a => a.Count == 0,
        JsonObject o => o.Count == 0,
        _ => false,
    };

    /// <summary>How the field's value reads to a reviewer: the form's Chinese option label when it has one.</summary>
    public string Describe(JsonNode? value, JsonObject? fieldSchema)
    {
        if (IsBlank(value)) return "未填写";
        if (fieldSchema?["enum"] is JsonArray options && fieldSchema["enumNames"] is JsonArray names)
            for (var i = 0; i < options.Count && i < names.Count; i++)
                if (JsonNode.DeepEquals(options[i], value)) return names[i].AsString() ?? value!.ToJsonString();
        return value is JsonArray list ? $"{list.Count} 项" : value!.ToJsonString(JsonText.Compact);
    }
}
