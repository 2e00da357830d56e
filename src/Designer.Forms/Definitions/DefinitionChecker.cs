using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Designer.Engine.Forms;

namespace Designer.Forms.Definitions;

/// <summary>
/// Finds the problems of a resolved form schema: draft-07 or 2020-12 object form, titled fields, sound keywords,
/// local references that resolve.
/// </summary>
internal static class DefinitionChecker
{
    private static readonly HashSet<string> KnownTypes = ["string", "number", "integer", "boolean", "object", "array", "null"];

    // Sub-schemas that add rules to the same object as their parent: the fields they name may be the parent's.
    private static readonly HashSet<string> RuleBranches = ["allOf", "anyOf", "oneOf", "then", "else"];

    // Sub-schemas that only test the data ("if" picks then or else): their fields need no title.
    private static readonly HashSet<string> Tests = ["if", "not", "contains", "propertyNames"];

    /// <summary>What a sub-schema sees of its surroundings: the fields its object defines elsewhere, and whether it only tests.</summary>
    private sealed record Scope(IReadOnlySet<string> ObjectFields, bool IsTest)
    {
        public static Scope Root { get; } = new(new HashSet<string>(), false);
    }

    public static IReadOnlyList<FieldError> Check(JsonObject schema)
    {
        var problems = new List<FieldError>();
        CheckRoot(schema, problems);
        CheckSchema(schema, schema, JsonPath.Root, Scope.Root, problems);
        return problems;
    }

    private static void CheckRoot(JsonObject schema, List<FieldError> problems)
    {
        var version = SchemaTree.StringValue(schema, "$schema");
        if (version is null)
            problems.Add(new(JsonPath.Property(JsonPath.Root, "$schema"), $"缺少 $schema，应为 {Dialects.Draft07}"));
        else if (!Dialects.IsDraft07(version) && !Dialects.Is202012(version))
            problems.Add(new(JsonPath.Property(JsonPath.Root, "$schema"),
                $"$schema 应为 draft-07（{Dialects.Draft07}）或 2020-12（{Dialects.Draft202012}），实际为“{version}”"));

        if (SchemaTree.StringValue(schema, "type") != "object")
            problems.Add(new(JsonPath.Property(JsonPath.Root, "type"), "表单的根类型（type）必须是 \"object\""));
        if (schema["properties"] is not JsonObject)
            problems.Add(new(JsonPath.Property(JsonPath.Root, "properties"), "表单没有定义字段（properties 必须是对象）"));
    }

    private static void CheckSchema(JsonObject root, JsonObject schema, string path, Scope scope, List<FieldError> problems)
    {
        CheckType(schema, path, problems);
        CheckProperties(schema, path, scope, problems);
        CheckRequired(schema, path, scope, problems);
        CheckPattern(schema, path, problems);
        CheckEnum(schema, path, problems);
        CheckRanges(schema, path, problems);
        CheckReference(root, schema, path, problems);

        var ownFields = new HashSet<string>(scope.ObjectFields);
        ownFields.UnionWith((schema["properties"] as JsonObject)?.Select(p => p.Key) ?? []);
        foreach (var (child, childPath, keyword) in SchemaTree.Children(schema, path))
        {
            var childScope = RuleBranches.Contains(keyword) ? new Scope(ownFields, scope.IsTest)
                : keyword == "if" || keyword == "not" ? new Scope(ownFields, IsTest: true)
                : new Scope(new HashSet<string>(), scope.IsTest || Tests.Contains(keyword));
            CheckSchema(root, child, childPath, childScope, problems);
        }
    }

    private static void CheckType(JsonObject schema, string path, List<FieldError> problems)
    {
        var declared = schema["type"] switch
        {
            null => new List<string>(),
            JsonArray list => list.Select(t => t is JsonValue v && v.TryGetValue(out string? s) ? s : "?").ToList(),
            JsonValue v when v.TryGetValue(out string? s) => [s],
            _ => new List<string> { "?" },
        };
        foreach (var type in declared.Where(t => !KnownTypes.Contains(t)))
            problems.Add(new(JsonPath.Property(path, "type"), $"未知的类型“{type}”"));
    }

    private static void CheckProperties(JsonObject schema, string path, Scope scope, List<FieldError> problems)
    {
        if (!schema.ContainsKey("properties")) return;
        var propertiesPath = JsonPath.Property(path, "properties");
        if (schema["properties"] is not JsonObject properties)
        {
            problems.Add(new(propertiesPath, "properties 必须是对象"));
            return;
        }
        foreach (var (name, property) in properties)
        {
            var propertyPath = JsonPath.Property(propertiesPath, name);
            if (property is not JsonObject field)
                problems.Add(new(propertyPath, $"字段“{name}”的定义必须是 JSON 对象"));
            // A test, or a branch adding rules to a field its object already defines, needs no title of its own.
            else if (!scope.IsTest && !scope.ObjectFields.Contains(name) && string.IsNullOrWhiteSpace(SchemaTree.StringValue(field, "title")))
                problems.Add(new(propertyPath, $"字段“{name}”缺少中文标题（title）"));
        }
    }

    private static void CheckRequired(JsonObject schema, string path, Scope scope, List<FieldError> problems)
    {
        if (!schema.ContainsKey("required")) return;
        var requiredPath = JsonPath.Property(path, "required");
        if (schema["required"] is not JsonArray required)
        {
            problems.Add(new(requiredPath, "required 必须是字段名的列表"));
            return;
        }
        var fields = SchemaTree.FieldNames(schema);
        for (var i = 0; i < required.Count; i++)
        {
            var name = required[i] is JsonValue v && v.TryGetValue(out string? s) ? s : null;
            if (name is null)
                problems.Add(new(JsonPath.Index(requiredPath, i), "required 中的每一项必须是字段名（字符串）"));
            else if (!fields.Contains(name) && !scope.ObjectFields.Contains(name))
                problems.Add(new(JsonPath.Index(requiredPath, i), $"必填字段“{name}”未在 properties 中定义"));
        }
    }

    private static void CheckPattern(JsonObject schema, string path, List<FieldError> problems)
    {
        if (!schema.ContainsKey("pattern")) return;
        var patternPath = JsonPath.Property(path, "pattern");
        if (SchemaTree.StringValue(schema, "pattern") is not { } pattern)
        {
            problems.Add(new(patternPath, "pattern 必须是正则表达式字符串"));
            return;
        }
        try
        {
            _ = new Regex(pattern);
        }
        catch (ArgumentException e)
        {
            problems.Add(new(patternPath, $"正则表达式无效：{e.Message}"));
        }
    }

    private static void CheckReference(JsonObject root, JsonObject schema, string path, List<FieldError> problems)
    {
        // External references are refused when the validator is made (FormValidator.Create).
        if (SchemaTree.StringValue(schema, "$ref") is { } reference && reference.StartsWith('#') && SchemaTree.AtPointer(root, reference) is not JsonObject)
            problems.Add(new(JsonPath.Property(path, "$ref"), $"引用“{reference}”在表单中找不到"));
    }

    private static void CheckEnum(JsonObject schema, string path, List<FieldError> problems)
    {
        if (schema.ContainsKey("enum") && schema["enum"] is not JsonArray { Count: > 0 })
            problems.Add(new(JsonPath.Property(path, "enum"), "enum 必须是非空列表"));

        foreach (var namesKeyword in new[] { "enumNames", "x-enumNames" })
        {
            if (!schema.ContainsKey(namesKeyword)) continue;
            var values = (schema["enum"] as JsonArray)?.Count ?? 0;
            if (schema[namesKeyword] is not JsonArray names || names.Count != values)
                problems.Add(new(JsonPath.Property(path, namesKeyword),
                    $"{namesKeyword} 的数量必须与 enum 一致（enum 有 {values} 项）"));
        }
    }

    private static void CheckRanges(JsonObject schema, string path, List<FieldError> problems)
    {
        foreach (var (low, high) in new[] { ("minimum", "maximum"), ("minLength", "maxLength"), ("minItems", "maxItems") })
        {
            if (SchemaTree.NumberValue(schema, low) is { } min && SchemaTree.NumberValue(schema, high) is { } max && min > max)
                problems.Add(new(JsonPath.Property(path, low), $"{low}（{min}）大于 {high}（{max}）"));
        }
    }
}
