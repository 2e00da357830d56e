using Designer.Engine.Forms;

namespace Designer.Forms.Tests;

public class DefinitionCheckTests
{
    [Fact]
    public void Sound_form_has_no_problems()
    {
        Assert.Empty(TestForms.Single(TestForms.Person).CheckDefinition("form"));
    }

    [Fact]
    public void Unknown_form()
    {
        var problem = Assert.Single(TestForms.Single(TestForms.Person).CheckDefinition("missing"));

        Assert.Equal(new FieldError("$", "未找到表单“missing”"), problem);
    }

    [Fact]
    public void Json_that_does_not_parse()
    {
        var catalog = TestForms.Single("""{ "type": "object", """);

        var problem = Assert.Single(catalog.CheckDefinition("form"));
        Assert.Equal("$", problem.Path);
        Assert.StartsWith("表单定义不是有效的 JSON", problem.Message);
        Assert.Null(catalog.GetSchema("form"));
    }

    [Fact]
    public void Schema_that_is_not_an_object()
    {
        var problem = Assert.Single(TestForms.Single("[1, 2]").CheckDefinition("form"));

        Assert.Equal(new FieldError("$", "表单定义必须是 JSON 对象"), problem);
    }

    [Fact]
    public void Ui_schema_that_does_not_parse()
    {
        var problem = Assert.Single(TestForms.Single(TestForms.Person, "{ nope").CheckDefinition("form"));

        Assert.Equal("ui:$", problem.Path);
    }

    [Fact]
    public void Broken_definition_reports_all_its_problems_with_paths()
    {
        var catalog = TestForms.Single("""
            {
              "$schema": "http://json-schema.org/draft-04/schema#",
              "type": "array",
              "required": ["name", "ghost"],
              "properties": {
                "name": { "type": "string" },
                "age": { "type": "integr", "title": "年龄", "minimum": 10, "maximum": 5 },
                "id": { "type": "string", "title": "编号", "pattern": "([" },
                "level": { "type": "string", "title": "层级", "enum": ["a", "b"], "enumNames": ["甲"] },
                "team": {
                  "type": "object", "title": "团队", "required": ["lead"],
                  "properties": { "size": { "type": "integer" } }
                },
                "rule": { "type": "string", "title": "规则", "$ref": "#/definitions/missing" }
              }
            }
            """);

        var problems = catalog.CheckDefinition("form").Select(p => p.Path).ToList();

        Assert.Equal(
        [
            "$.$schema",
            "$.type",
            "$.properties.name",
            "$.required[1]",
            "$.properties.age.type",
            "$.properties.age.minimum",
            "$.properties.id.pattern",
            "$.properties.level.enumNames",
            "$.properties.team.properties.size",
            "$.properties.team.required[0]",
            "$.properties.rule.$ref",
        ], problems);
    }

    [Fact]
    public void External_references_are_never_fetched()
    {
        var catalog = TestForms.Single($$"""
            { "$schema": "{{TestForms.Draft07}}", "type": "object",
              "properties": { "a": { "title": "甲", "$ref": "http://example.invalid/a.json" } } }
            """);

        Assert.Contains(new FieldError("$", "校验器无法加载该表单：不允许引用外部文件或网址：http://example.invalid/a.json"),
            catalog.CheckDefinition("form"));
        Assert.Equal("$", Assert.Single(catalog.Validate("form", new System.Text.Json.Nodes.JsonObject())).Path);
    }

    [Fact]
    public void Problem_messages_are_chinese_and_name_the_culprit()
    {
        var catalog = TestForms.Single($$"""
            { "$schema": "{{TestForms.Draft07}}", "type": "object", "required": ["ghost"],
              "properties": { "name": { "type": "string" } } }
            """);

        Assert.Equal(
        [
            new FieldError("$.properties.name", "字段“name”缺少中文标题（title）"),
            new FieldError("$.required[0]", "必填字段“ghost”未在 properties 中定义"),
        ], catalog.CheckDefinition("form"));
    }

    [Fact]
    public void Ui_order_must_match_the_fields()
    {
        var catalog = TestForms.Single($$"""
            { "$schema": "{{TestForms.Draft07}}", "type": "object",
              "properties": { "a": { "type": "string", "title": "甲" }, "b": { "type": "string", "title": "乙" } } }
            """, """{ "ui:order": ["a", "zzz", "a"], "c": { "ui:widget": "textarea" } }""");

        Assert.Equal(
        [
            new FieldError("ui:$.c", "界面定义中的“c”不是表单字段"),
            new FieldError("ui:$['ui:order'][1]", "排序中的“zzz”不是表单字段"),
            new FieldError("ui:$['ui:order'][2]", "排序中的“a”重复出现"),
            new FieldError("ui:$['ui:order']", "排序中缺少字段“b”（或加入 \"*\" 代表其余字段）"),
        ], catalog.CheckDefinition("form"));
    }

    [Fact]
    public void Ui_order_with_a_wildcard_may_leave_fields_out()
    {
        var catalog = TestForms.Single(TestForms.Person, """{ "ui:order": ["name", "*"] }""");

        Assert.Empty(catalog.CheckDefinition("form"));
    }
}
