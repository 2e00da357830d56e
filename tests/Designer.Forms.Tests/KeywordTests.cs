using System.Text.Json.Nodes;
using Designer.Engine.Forms;

namespace Designer.Forms.Tests;

/// <summary>The keywords of JSON Schema the validator enforces, draft-07 and 2020-12, each with its Chinese message.</summary>
public class KeywordTests
{
    private const string Draft202012 = "https://json-schema.org/draft/2020-12/schema";

    private static IReadOnlyList<FieldError> Validate(string schema, string data) =>
        TestForms.Single(schema).Validate("form", TestForms.Data(data));

    [Fact]
    public void Local_references_are_followed_with_the_title_of_the_field_that_refers()
    {
        var catalog = TestForms.Single($$"""
            { "$schema": "{{TestForms.Draft07}}", "type": "object", "required": ["phone"],
              "definitions": { "mobile": { "type": "string", "pattern": "^1[3-9]\\d{9}$", "x-patternHint": "11 位手机号码" } },
              "properties": { "phone": { "title": "联系电话", "$ref": "#/definitions/mobile" },
                              "backup": { "title": "备用电话", "$ref": "#/definitions/mobile" } } }
            """);

        Assert.Empty(catalog.CheckDefinition("form"));
        Assert.Equal(new FieldError("$.backup", "“备用电话”格式不正确，应为11 位手机号码"),
            Assert.Single(catalog.Validate("form", TestForms.Data("""{ "phone": "13900000000", "backup": "12345" }"""))));
        Assert.Equal("""{"phone":"13000000000"}""", TestForms.Json(catalog.MinimalValid("form")));
    }

    [Fact]
    public void A_reference_that_points_nowhere_is_a_definition_problem()
    {
        var problems = TestForms.Single($$"""
            { "$schema": "{{TestForms.Draft07}}", "type": "object",
              "properties": { "a": { "title": "甲", "$ref": "#/definitions/none" } } }
            """).CheckDefinition("form");

        Assert.Equal([new FieldError("$.properties.a.$ref", "引用“#/definitions/none”在表单中找不到")], problems);
    }

    [Fact]
    public void A_2020_12_form_is_accepted_and_validated_by_its_own_rules()
    {
        var catalog = TestForms.Single($$"""
            { "$schema": "{{Draft202012}}", "type": "object", "required": ["email"],
              "$defs": { "address": { "type": "string", "format": "email" } },
              "properties": {
                "email": { "title": "电子邮箱", "$ref": "#/$defs/address" },
                "scores": { "type": "array", "title": "成绩", "prefixItems": [ { "type": "integer", "title": "笔试" } ] }
              } }
            """);

        Assert.Empty(catalog.CheckDefinition("form"));
        Assert.Empty(catalog.Validate("form", catalog.MinimalValid("form")));
        Assert.Equal(
        [
            new FieldError("$.email", "“电子邮箱”必须是电子邮箱地址"),
            new FieldError("$.scores[0]", "“成绩”第 1 项必须是整数"),
        ], catalog.Validate("form", TestForms.Data("""{ "email": "不是邮箱", "scores": ["八十"] }""")));
    }

    [Fact]
    public void An_unknown_schema_version_is_a_definition_problem()
    {
        var problem = Assert.Single(TestForms.Single("""
            { "$schema": "http://json-schema.org/draft-04/schema#", "type": "object", "properties": {} }
            """).CheckDefinition("form"));

        Assert.Equal("$.$schema", problem.Path);
        Assert.Contains("2020-12", problem.Message);
    }

    [Theory]
    [InlineData("""{ "type": "string", "format": "date" }""", "\"2024-02-30\"", "“甲”必须是日期，格式为 YYYY-MM-DD（如 2024-01-01）")]
    [InlineData("""{ "type": "string", "format": "email" }""", "\"wang@\"", "“甲”必须是电子邮箱地址")]
    [InlineData("""{ "type": "string", "format": "uri" }""", "\"不是网址\"", "“甲”必须是网址")]
    [InlineData("""{ "type": "string", "maxLength": 2 }""", "\"王小芳\"", "“甲”不能超过 2 个字")]
    [InlineData("""{ "type": "string", "minLength": 2 }""", "\"王\"", "“甲”至少需要 2 个字")]
    [InlineData("""{ "type": "string", "pattern": "^\\d+$" }""", "\"x\"", "“甲”格式不正确")]
    [InlineData("""{ "type": "number", "minimum": 1 }""", "0", "“甲”不能小于 1")]
    [InlineData("""{ "type": "number", "maximum": 1 }""", "2", "“甲”不能大于 1")]
    [InlineData("""{ "type": "number", "exclusiveMaximum": 1 }""", "1", "“甲”必须小于 1")]
    [InlineData("""{ "type": "number", "multipleOf": 0.5 }""", "0.3", "“甲”必须是 0.5 的整数倍")]
    [InlineData("""{ "type": "string", "enum": ["a", "b"] }""", "\"c\"", "“甲”必须是以下之一：a、b")]
    [InlineData("""{ "type": "string", "const": "同意" }""", "\"不同意\"", "“甲”必须为“同意”")]
    [InlineData("""{ "type": "boolean" }""", "\"是\"", "“甲”必须选择“是”或“否”")]
    [InlineData("""{ "type": "array", "items": { "type": "string" }, "maxItems": 1 }""", """["x", "y"]""", "“甲”最多只能有 1 项")]
    [InlineData("""{ "type": "array", "items": { "type": "string" }, "minItems": 2 }""", """["x"]""", "“甲”至少需要 2 项")]
    [InlineData("""{ "type": "array", "items": { "type": "string" }, "uniqueItems": true }""", """["x", "x"]""", "“甲”中不能有重复项")]
    [InlineData("""{ "type": "array", "items": { "type": "string" }, "contains": { "const": "x" } }""", """["y"]""", "“甲”中符合要求的项数不对")]
    [InlineData("""{ "type": "object", "minProperties": 1 }""", "{}", "“甲”的字段数量不符合要求")]
    [InlineData("""{ "type": "string", "not": { "const": "无" } }""", "\"无\"", "“甲”不符合要求")]
    [InlineData("""{ "anyOf": [ { "title": "文本", "type": "string" }, { "title": "数字", "type": "number" } ] }""", "true", "“甲”须满足以下条件之一：文本、数字")]
    [InlineData("""{ "oneOf": [ { "title": "正数", "minimum": 0 }, { "title": "整数", "type": "integer" } ] }""", "1", "“甲”须且只能满足以下条件之一：正数、整数")]
    public void Each_keyword_has_a_chinese_message(string field, string value, string message)
    {
        var errors = Validate($$"""
            { "$schema": "{{TestForms.Draft07}}", "type": "object", "properties": { "a": { "title": "甲", "allOf": [{{field}}] } } }
            """.Replace("\"allOf\": [" + field + "]", field.Trim()[1..^1]), $$"""{ "a": {{value}} }""");

        Assert.Equal(new FieldError("$.a", message), Assert.Single(errors));
    }

    [Fact]
    public void The_same_keywords_are_enforced_in_2020_12()
    {
        var errors = Validate($$"""
            { "$schema": "{{Draft202012}}", "type": "object", "required": ["a"],
              "properties": { "a": { "type": "string", "title": "甲", "format": "date" } },
              "allOf": [ { "if": { "properties": { "a": { "const": "2024-01-01" } } }, "then": { "required": ["b"] } } ] }
            """, """{ "a": "2024-01-01" }""");

        Assert.Equal([new FieldError("$.b", "“b”为必填项")], errors);
    }

    [Fact]
    public void A_required_error_inside_a_list_item_names_the_missing_field_of_that_item()
    {
        var catalog = TestForms.Single(TestForms.Person);
        var data = catalog.MinimalValid("form");
        data["evidence"] = JsonNode.Parse("""[{}]""");

        var error = Assert.Single(catalog.Validate("form", data));

        Assert.Equal(("$.evidence[0].fileName", "/evidence/0/fileName"), (error.Path, error.Pointer));
    }
}
