using System.Text.Json.Nodes;
using Designer.Engine.Forms;

namespace Designer.Forms.Tests;

public class ExtensionTests
{
    private const string Base = $$"""
        {
          "$schema": "{{TestForms.Draft07}}",
          "title": "个人申报表",
          "type": "object",
          "required": ["name", "level"],
          "properties": {
            "name": { "type": "string", "title": "姓名" },
            "level": { "type": "string", "title": "申报层级", "enum": ["intermediate", "deputy-senior"], "enumNames": ["中级", "副高级"] },
            "grassrootsYears": { "type": "number", "title": "基层工作年限", "minimum": 0 },
            "pledge": { "type": "boolean", "title": "承诺", "const": true }
          }
        }
        """;

    private const string BaseUi = """
        { "ui:order": ["name", "level", "grassrootsYears", "pledge"], "level": { "ui:widget": "radio" } }
        """;

    private const string Local = """
        {
          "x-extends": "apply",
          "title": "巴州申报表",
          "required": ["grassrootsYears", "department", "name"],
          "properties": {
            "level": { "enum": ["deputy-senior"], "enumNames": ["副高级"] },
            "grassrootsYears": { "description": "县（市）加 1-5 分" },
            "department": { "type": "string", "title": "行业主管部门" }
          }
        }
        """;

    private const string LocalUi = """
        { "ui:order": ["grassrootsYears", "department"], "level": { "ui:help": "副高级及以上" } }
        """;

    private static readonly FileFormCatalog Catalog =
        TestForms.Catalog(("apply", Base, BaseUi), ("bazhou/apply", Local, LocalUi));

    [Fact]
    public void Merged_schema_has_base_and_own_fields()
    {
        var schema = Catalog.GetSchema("bazhou/apply")!;

        var fields = schema["properties"]!.AsObject().Select(p => p.Key);
        Assert.Equal(["name", "level", "grassrootsYears", "pledge", "department"], fields);
        Assert.Equal("巴州申报表", schema["title"]!.GetValue<string>());
        Assert.Equal(TestForms.Draft07, schema["$schema"]!.GetValue<string>());
        Assert.False(schema.ContainsKey("x-extends"));
    }

    [Fact]
    public void Required_lists_are_unioned()
    {
        var required = Catalog.GetSchema("bazhou/apply")!["required"]!.AsArray().Select(n => n!.GetValue<string>());

        Assert.Equal(["name", "level", "grassrootsYears", "department"], required);
    }

    [Fact]
    public void Own_values_win_and_base_keywords_are_kept()
    {
        var properties = Catalog.GetSchema("bazhou/apply")!["properties"]!;

        Assert.Equal("""["deputy-senior"]""", properties["level"]!["enum"]!.ToJsonString());
        Assert.Equal("申报层级", properties["level"]!["title"]!.GetValue<string>());
        Assert.Equal("县（市）加 1-5 分", properties["grassrootsYears"]!["description"]!.GetValue<string>());
        Assert.Equal(0, properties["grassrootsYears"]!["minimum"]!.GetValue<int>());
    }

    [Fact]
    public void Base_form_is_left_unchanged()
    {
        var properties = Catalog.GetSchema("apply")!["properties"]!.AsObject();

        Assert.False(properties.ContainsKey("department"));
        Assert.Equal(2, properties["level"]!["enum"]!.AsArray().Count);
    }

    [Fact]
    public void Merged_form_validates_with_both_rule_sets()
    {
        var errors = Catalog.Validate("bazhou/apply", TestForms.Data("""{ "name": "王芳", "level": "intermediate", "pledge": false }"""));

        Assert.Equal(
        [
            new FieldError("$.grassrootsYears", "“基层工作年限”为必填项"),
            new FieldError("$.department", "“行业主管部门”为必填项"),
            new FieldError("$.level", "“申报层级”必须为“副高级”"),
            new FieldError("$.pledge", "“承诺”必须为“是”"),
        ], errors.OrderBy(e => e.Message.Contains("必填") ? 0 : 1).ToList());
    }

    [Fact]
    public void Ui_schemas_are_merged_and_orders_combined()
    {
        var ui = Catalog.GetUiSchema("bazhou/apply")!;

        var order = ui["ui:order"]!.AsArray().Select(n => n!.GetValue<string>());
        Assert.Equal(["name", "level", "grassrootsYears", "department", "pledge"], order);
        Assert.Equal("radio", ui["level"]!["ui:widget"]!.GetValue<string>());
        Assert.Equal("副高级及以上", ui["level"]!["ui:help"]!.GetValue<string>());
        Assert.Empty(Catalog.CheckDefinition("bazhou/apply"));
    }

    [Fact]
    public void New_fields_without_an_anchor_go_where_the_wildcard_stands()
    {
        var catalog = TestForms.Catalog(
            ("apply", Base, """{ "ui:order": ["name", "*", "pledge"] }"""),
            ("local", """{ "x-extends": "apply", "properties": { "extra": { "type": "string", "title": "附加" } } }""",
                """{ "ui:order": ["extra"] }"""));

        var order = catalog.GetUiSchema("local")!["ui:order"]!.AsArray().Select(n => n!.GetValue<string>());

        Assert.Equal(["name", "extra", "*", "pledge"], order);
    }

    [Fact]
    public void Extensions_may_be_chained()
    {
        var catalog = TestForms.Catalog(("apply", Base, null), ("bazhou/apply", Local, null),
            ("bazhou/apply-2025", """{ "x-extends": "bazhou/apply", "properties": { "note": { "type": "string", "title": "备注" } } }""", null));

        var fields = catalog.GetSchema("bazhou/apply-2025")!["properties"]!.AsObject().Select(p => p.Key);

        Assert.Contains("department", fields);
        Assert.Contains("note", fields);
        Assert.Contains("pledge", fields);
    }

    [Fact]
    public void Unknown_base_is_a_definition_error()
    {
        var catalog = TestForms.Catalog(("local", """{ "x-extends": "nowhere", "properties": {} }""", null));

        Assert.Equal(new FieldError("$['x-extends']", "基础表单“nowhere”不存在"), Assert.Single(catalog.CheckDefinition("local")));
        Assert.Null(catalog.GetSchema("local"));
        Assert.Equal("$", Assert.Single(catalog.Validate("local", new JsonObject())).Path);
        Assert.Empty(catalog.MinimalValid("local"));
    }

    [Fact]
    public void Cycles_are_definition_errors()
    {
        var catalog = TestForms.Catalog(
            ("a", """{ "x-extends": "b" }""", null),
            ("b", """{ "x-extends": "a" }""", null),
            ("c", """{ "x-extends": "a" }""", null));

        Assert.Equal(new FieldError("$['x-extends']", "表单扩展关系存在循环：a → b → a"), Assert.Single(catalog.CheckDefinition("a")));
        Assert.Equal(new FieldError("$['x-extends']", "表单扩展关系存在循环：b → a → b"), Assert.Single(catalog.CheckDefinition("b")));
        Assert.Equal(new FieldError("$['x-extends']", "表单扩展关系存在循环：a → b → a"), Assert.Single(catalog.CheckDefinition("c")));
    }

    [Fact]
    public void Self_extension_is_a_cycle()
    {
        var catalog = TestForms.Catalog(("a", """{ "x-extends": "a" }""", null));

        Assert.Equal("表单扩展关系存在循环：a → a", Assert.Single(catalog.CheckDefinition("a")).Message);
    }

    [Fact]
    public void Extends_must_be_a_form_id()
    {
        var catalog = TestForms.Catalog(("a", """{ "x-extends": 3 }""", null));

        Assert.Equal("$['x-extends']", Assert.Single(catalog.CheckDefinition("a")).Path);
    }

    [Fact]
    public void Broken_base_breaks_its_extensions()
    {
        var catalog = TestForms.Catalog(("apply", "{ not json", null), ("local", """{ "x-extends": "apply" }""", null));

        Assert.Equal(new FieldError("$['x-extends']", "基础表单“apply”的定义有误，无法合并"), Assert.Single(catalog.CheckDefinition("local")));
    }
}
