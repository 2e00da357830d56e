using Designer.Engine.Forms;

namespace Designer.Forms.Tests;

/// <summary>Conditional fields as the Studio's form designer writes them: allOf:[{if:{properties:{x:{const}}},then}].</summary>
public class ConditionalFormTests
{
    /// <summary>An enterprise applicant must name the unit; otherwise the unit, when given, is at most 20 characters.</summary>
    private const string EmployerForm = $$"""
    {
      "$schema": "{{TestForms.Draft07}}",
      "type": "object",
      "required": ["name", "employmentType"],
      "properties": {
        "name": { "type": "string", "title": "姓名" },
        "employmentType": { "type": "string", "title": "人员类别", "enum": ["public-institution", "enterprise"], "enumNames": ["事业单位", "企业"] },
        "unit": { "type": "string", "title": "工作单位" }
      },
      "allOf": [
        {
          "if": { "properties": { "employmentType": { "const": "enterprise" } }, "required": ["employmentType"] },
          "then": {
            "required": ["unit", "creditCode"],
            "properties": { "creditCode": { "type": "string", "title": "统一社会信用代码", "minLength": 18, "maxLength": 18 } }
          },
          "else": { "properties": { "unit": { "maxLength": 20 } } }
        }
      ]
    }
    """;

    private const string EmployerUi = """{ "ui:order": ["name", "employmentType", "unit", "creditCode"] }""";

    private static readonly FileFormCatalog Catalog = TestForms.Single(EmployerForm, EmployerUi);

    [Fact]
    public void A_form_with_a_conditional_field_is_sound()
    {
        Assert.Empty(Catalog.CheckDefinition("form"));
    }

    [Fact]
    public void When_the_condition_holds_then_requires_the_field_by_its_own_path()
    {
        var errors = Catalog.Validate("form", TestForms.Data("""{ "name": "王芳", "employmentType": "enterprise" }"""));

        Assert.Equal(
        [
            new FieldError("$.unit", "“工作单位”为必填项"),
            new FieldError("$.creditCode", "“统一社会信用代码”为必填项"),
        ], errors);
        Assert.Equal(["/unit", "/creditCode"], errors.Select(e => e.Pointer));
    }

    [Fact]
    public void When_the_condition_does_not_hold_the_field_is_not_required()
    {
        Assert.Empty(Catalog.Validate("form", TestForms.Data("""{ "name": "王芳", "employmentType": "public-institution" }""")));
    }

    [Fact]
    public void A_field_defined_under_then_is_checked_with_its_own_title()
    {
        var error = Assert.Single(Catalog.Validate("form", TestForms.Data(
            """{ "name": "王芳", "employmentType": "enterprise", "unit": "和静县某公司", "creditCode": "123" }""")));

        Assert.Equal(new FieldError("$.creditCode", "“统一社会信用代码”至少需要 18 个字"), error);
    }

    [Fact]
    public void Else_applies_its_rules_when_the_condition_does_not_hold()
    {
        var error = Assert.Single(Catalog.Validate("form", TestForms.Data(
            $$"""{ "name": "王芳", "employmentType": "public-institution", "unit": "{{new string('单', 21)}}" }""")));

        Assert.Equal(new FieldError("$.unit", "“工作单位”不能超过 20 个字"), error);
    }

    [Fact]
    public void A_condition_that_fails_is_not_itself_an_error()
    {
        // The "if" fails on a missing employmentType; only the missing field is reported, not the unmet condition.
        var error = Assert.Single(Catalog.Validate("form", TestForms.Data("""{ "name": "王芳" }""")));

        Assert.Equal(new FieldError("$.employmentType", "“人员类别”为必填项"), error);
    }

    [Fact]
    public void Minimal_data_meets_the_condition_it_triggers()
    {
        var catalog = TestForms.Single(EmployerForm.Replace("""["public-institution", "enterprise"]""", """["enterprise", "public-institution"]"""));

        var minimal = catalog.MinimalValid("form");

        Assert.Equal("""{"name":"示例","employmentType":"enterprise","unit":"示例","creditCode":"示例示例示例示例示例示例示例示例示例"}""", TestForms.Json(minimal));
        Assert.Empty(catalog.Validate("form", minimal));
    }

    [Fact]
    public void Minimal_data_around_given_fields_meets_the_conditions_the_given_values_trigger()
    {
        // The first option (public-institution) triggers nothing; a given "enterprise" makes unit and creditCode required.
        var minimal = Catalog.MinimalValid("form", TestForms.Data("""{ "employmentType": "enterprise", "name": "王芳" }""").AsObject());

        Assert.Equal("王芳", minimal["name"]!.GetValue<string>());
        Assert.True(minimal.ContainsKey("unit") && minimal.ContainsKey("creditCode"), TestForms.Json(minimal));
        Assert.Empty(Catalog.Validate("form", minimal));
    }

    [Fact]
    public void Minimal_data_follows_else_and_its_restrictions_of_existing_fields()
    {
        var catalog = TestForms.Single($$"""
            { "$schema": "{{TestForms.Draft07}}", "type": "object", "required": ["kind", "note"],
              "properties": { "kind": { "type": "string", "title": "类别", "enum": ["a", "b"] },
                              "note": { "type": "string", "title": "说明" },
                              "reason": { "type": "string", "title": "理由" } },
              "if": { "properties": { "kind": { "const": "b" } } },
              "then": { "required": ["reason"] },
              "else": { "properties": { "note": { "minLength": 5 } } } }
            """);

        var minimal = catalog.MinimalValid("form");

        Assert.Equal("""{"kind":"a","note":"示例示例示"}""", TestForms.Json(minimal));
        Assert.Empty(catalog.Validate("form", minimal));
    }

    [Fact]
    public void The_ui_order_may_list_conditional_fields_and_must_not_miss_them()
    {
        var problems = TestForms.Single(EmployerForm, """{ "ui:order": ["name", "employmentType", "unit"] }""").CheckDefinition("form");

        Assert.Equal([new FieldError("ui:$['ui:order']", "排序中缺少字段“creditCode”（或加入 \"*\" 代表其余字段）")], problems);
    }

    [Fact]
    public void A_conditional_field_needs_a_title_and_a_required_name_must_exist()
    {
        var catalog = TestForms.Single($$"""
            { "$schema": "{{TestForms.Draft07}}", "type": "object",
              "properties": { "kind": { "type": "string", "title": "类别" } },
              "allOf": [ { "if": { "properties": { "kind": { "const": "b" } } },
                           "then": { "required": ["ghost"], "properties": { "extra": { "type": "string" } } } } ] }
            """);

        Assert.Equal(
        [
            new FieldError("$.allOf[0].then.properties.extra", "字段“extra”缺少中文标题（title）"),
            new FieldError("$.allOf[0].then.required[0]", "必填字段“ghost”未在 properties 中定义"),
        ], catalog.CheckDefinition("form"));
    }
}
