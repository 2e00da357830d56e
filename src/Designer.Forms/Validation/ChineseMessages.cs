using System.Text.Json.Nodes;
using Designer.Forms.Definitions;

namespace Designer.Forms.Validation;

/// <summary>Chinese message for one failed keyword, naming the field by its label.</summary>
internal static class ChineseMessages
{
    /// <param name="keyword">The failed keyword ("minLength"); "" for a false schema, such as "additionalProperties": false.</param>
    /// <param name="schema">The schema holding the keyword, to quote its limits and option labels.</param>
    /// <param name="parentKeyword">For a false schema: the keyword it stands under ("additionalProperties").</param>
    public static string For(string keyword, string label, JsonObject? schema, string? propertyName, string? parentKeyword = null)
    {
        var s = schema ?? new JsonObject();
        return keyword switch
        {
            "required" => $"{label}为必填项",
            "" when parentKeyword is "additionalProperties" or "unevaluatedProperties" => $"表单中没有字段“{propertyName}”，不能填写",
            "" => $"{label}不能填写",
            "type" => TypeExpected(label, s),
            "minLength" => $"{label}至少需要 {Number(s, "minLength")} 个字",
            "maxLength" => $"{label}不能超过 {Number(s, "maxLength")} 个字",
            "pattern" => PatternMismatch(label, s),
            "minimum" => $"{label}不能小于 {Number(s, "minimum")}",
            "maximum" => $"{label}不能大于 {Number(s, "maximum")}",
            "exclusiveMinimum" => $"{label}必须大于 {Number(s, "exclusiveMinimum")}",
            "exclusiveMaximum" => $"{label}必须小于 {Number(s, "exclusiveMaximum")}",
            "multipleOf" => $"{label}必须是 {Number(s, "multipleOf")} 的整数倍",
            "minItems" => $"{label}至少需要 {Number(s, "minItems")} 项",
            "maxItems" => $"{label}最多只能有 {Number(s, "maxItems")} 项",
            "uniqueItems" => $"{label}中不能有重复项",
            "contains" or "minContains" or "maxContains" => $"{label}中符合要求的项数不对",
            "minProperties" or "maxProperties" => $"{label}的字段数量不符合要求",
            "enum" => OneOfValues(label, OptionLabels.For(s)),
            "const" => OneOfValues(label, [OptionLabels.Display(s["const"])]),
            "format" => FormatExpected(label, SchemaTree.StringValue(s, "format")),
            "anyOf" => Alternatives(label, s, "anyOf", "须满足以下条件之一"),
            "oneOf" => OptionLabels.Constants(s) is { } constants
                ? OneOfValues(label, constants)
                : Alternatives(label, s, "oneOf", "须且只能满足以下条件之一"),
            "not" => $"{label}不符合要求",
            "dependencies" or "dependentRequired" => $"{label}缺少与已填字段相关的必填项",
            _ => $"{label}填写不正确",
        };
    }

    private static string TypeExpected(string label, JsonObject schema)
    {
        var declared = schema["type"] is JsonArray list ? list.Count(t => t?.ToString() != "null") : 1;
        if (declared > 1) return $"{label}的类型不正确";
        return SchemaTree.MainType(schema) switch
        {
            "string" => $"{label}必须是文本",
            "number" => $"{label}必须是数字",
            "integer" => $"{label}必须是整数",
            "boolean" => $"{label}必须选择“是”或“否”",
            "object" => $"{label}格式不正确，应为一组字段",
            "array" => $"{label}必须是列表",
            "null" => $"{label}必须为空",
            _ => $"{label}的类型不正确",
        };
    }

    private static string FormatExpected(string label, string? format) => format switch
    {
        "date" => $"{label}必须是日期，格式为 YYYY-MM-DD（如 2024-01-01）",
        "date-time" => $"{label}必须是日期时间（如 2024-01-01T09:00:00+08:00）",
        "time" => $"{label}必须是时间（如 09:00:00+08:00）",
        "email" or "idn-email" => $"{label}必须是电子邮箱地址",
        "uri" or "uri-reference" or "iri" or "iri-reference" => $"{label}必须是网址",
        _ => $"{label}的格式不正确",
    };

    private static string PatternMismatch(string label, JsonObject schema) =>
        SchemaTree.StringValue(schema, "x-patternHint") is { } hint
            ? $"{label}格式不正确，应为{hint}"
            : $"{label}格式不正确";

    private static string OneOfValues(string label, IReadOnlyList<string> options) =>
        options.Count == 1
            ? $"{label}必须为“{options[0]}”"
            : $"{label}必须是以下之一：{string.Join("、", options)}";

    private static string Alternatives(string label, JsonObject schema, string keyword, string lead)
    {
        var titles = OptionLabels.Alternatives(schema, keyword);
        return titles.Count > 0 ? $"{label}{lead}：{string.Join("、", titles)}" : $"{label}不符合任何一种允许的填写方式";
    }

    private static string Number(JsonObject schema, string keyword) => schema[keyword]?.ToJsonString() ?? "?";
}
