using System.Text.Json.Nodes;
using Designer.Forms.Definitions;
using NJsonSchema.Validation;

namespace Designer.Forms.Validation;

/// <summary>Chinese message for one validator error, naming the field by its label.</summary>
internal static class ChineseMessages
{
    public static string For(ValidationErrorKind kind, string label, JsonObject? schema, string? propertyName)
    {
        var s = schema ?? new JsonObject();
        return kind switch
        {
            ValidationErrorKind.PropertyRequired => $"{label}为必填项",
            ValidationErrorKind.NoAdditionalPropertiesAllowed => $"表单中没有字段“{propertyName}”，不能填写",
            ValidationErrorKind.StringExpected => $"{label}必须是文本",
            ValidationErrorKind.NumberExpected => $"{label}必须是数字",
            ValidationErrorKind.IntegerExpected => $"{label}必须是整数",
            ValidationErrorKind.BooleanExpected => $"{label}必须选择“是”或“否”",
            ValidationErrorKind.ObjectExpected => $"{label}格式不正确，应为一组字段",
            ValidationErrorKind.ArrayExpected => $"{label}必须是列表",
            ValidationErrorKind.NullExpected => $"{label}必须为空",
            ValidationErrorKind.NoTypeValidates => $"{label}的类型不正确",
            ValidationErrorKind.StringTooShort => $"{label}至少需要 {Number(s, "minLength")} 个字",
            ValidationErrorKind.StringTooLong => $"{label}不能超过 {Number(s, "maxLength")} 个字",
            ValidationErrorKind.PatternMismatch => PatternMismatch(label, s),
            ValidationErrorKind.NumberTooSmall => TooSmall(label, s),
            ValidationErrorKind.NumberTooBig => TooBig(label, s),
            ValidationErrorKind.IntegerTooBig => $"{label}的数值过大",
            ValidationErrorKind.NumberNotMultipleOf or ValidationErrorKind.IntegerNotMultipleOf
                => $"{label}必须是 {Number(s, "multipleOf")} 的整数倍",
            ValidationErrorKind.TooFewItems => $"{label}至少需要 {Number(s, "minItems")} 项",
            ValidationErrorKind.TooManyItems => $"{label}最多只能有 {Number(s, "maxItems")} 项",
            ValidationErrorKind.ItemsNotUnique => $"{label}中不能有重复项",
            ValidationErrorKind.TooFewProperties or ValidationErrorKind.TooManyProperties => $"{label}的字段数量不符合要求",
            ValidationErrorKind.NotInEnumeration => NotInEnumeration(label, s),
            ValidationErrorKind.DateExpected => $"{label}必须是日期，格式为 YYYY-MM-DD（如 2024-01-01）",
            ValidationErrorKind.DateTimeExpected => $"{label}必须是日期时间（如 2024-01-01T09:00:00+08:00）",
            ValidationErrorKind.TimeExpected => $"{label}必须是时间（如 09:00:00）",
            ValidationErrorKind.EmailExpected => $"{label}必须是电子邮箱地址",
            ValidationErrorKind.UriExpected => $"{label}必须是网址",
            ValidationErrorKind.NotAnyOf => Alternatives(label, s, "anyOf", "须满足以下条件之一"),
            ValidationErrorKind.NotOneOf => Alternatives(label, s, "oneOf", "须且只能满足以下条件之一"),
            ValidationErrorKind.ExcludedSchemaValidates => $"{label}不符合要求",
            _ when kind.ToString().EndsWith("Expected", StringComparison.Ordinal) => $"{label}的格式不正确",
            _ => $"{label}填写不正确",
        };
    }

    private static string PatternMismatch(string label, JsonObject schema) =>
        SchemaTree.StringValue(schema, "x-patternHint") is { } hint
            ? $"{label}格式不正确，应为{hint}"
            : $"{label}格式不正确";

    private static string TooSmall(string label, JsonObject schema) =>
        ExclusiveBound(schema, "minimum", "exclusiveMinimum", lowerBound: true) is { } bound
            ? $"{label}必须大于 {bound}"
            : $"{label}不能小于 {Number(schema, "minimum")}";

    private static string TooBig(string label, JsonObject schema) =>
        ExclusiveBound(schema, "maximum", "exclusiveMaximum", lowerBound: false) is { } bound
            ? $"{label}必须小于 {bound}"
            : $"{label}不能大于 {Number(schema, "maximum")}";

    /// <summary>The exclusive bound when it is the binding one: draft-07 numeric form, or draft-04 boolean form.</summary>
    private static string? ExclusiveBound(JsonObject schema, string inclusive, string exclusive, bool lowerBound)
    {
        if (schema[exclusive] is not JsonValue value) return null;
        if (value.TryGetValue(out bool isExclusive)) return isExclusive ? Number(schema, inclusive) : null;
        var exclusiveBound = SchemaTree.NumberValue(schema, exclusive);
        var inclusiveBound = SchemaTree.NumberValue(schema, inclusive);
        var binding = inclusiveBound is null || (lowerBound ? exclusiveBound >= inclusiveBound : exclusiveBound <= inclusiveBound);
        return binding ? Number(schema, exclusive) : null;
    }

    private static string NotInEnumeration(string label, JsonObject schema)
    {
        var options = OptionLabels.For(schema);
        return options.Count == 1
            ? $"{label}必须为“{options[0]}”"
            : $"{label}必须是以下之一：{string.Join("、", options)}";
    }

    private static string Alternatives(string label, JsonObject schema, string keyword, string lead)
    {
        var titles = OptionLabels.Alternatives(schema, keyword);
        return titles.Count > 0 ? $"{label}{lead}：{string.Join("、", titles)}" : $"{label}不符合任何一种允许的填写方式";
    }

    private static string Number(JsonObject schema, string keyword) => schema[keyword]?.ToJsonString() ?? "?";
}
