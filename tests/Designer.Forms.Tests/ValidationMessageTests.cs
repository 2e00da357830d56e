using System.Text.Json.Nodes;
using Designer.Engine.Forms;

namespace Designer.Forms.Tests;

public class ValidationMessageTests
{
    private static readonly FileFormCatalog Catalog = TestForms.Single(TestForms.Person);

    private static JsonObject Valid() => TestForms.Data("""
        { "name": "王芳", "education": "bachelor", "yearsInField": 5, "pledge": true }
        """).AsObject();

    private static FieldError SingleError(Action<JsonObject> change)
    {
        var data = Valid();
        change(data);
        return Assert.Single(Catalog.Validate("form", data));
    }

    [Fact]
    public void Valid_data_has_no_errors()
    {
        Assert.Empty(Catalog.Validate("form", Valid()));
    }

    [Fact]
    public void Missing_required_field_is_named_by_its_title()
    {
        var error = SingleError(d => d.Remove("name"));

        Assert.Equal(new FieldError("$.name", "“姓名”为必填项"), error);
    }

    [Fact]
    public void Every_missing_required_field_is_reported()
    {
        var errors = Catalog.Validate("form", new JsonObject());

        Assert.Equal(["$.name", "$.education", "$.yearsInField", "$.pledge"], errors.Select(e => e.Path));
    }

    [Fact]
    public void Enum_error_lists_the_chinese_labels()
    {
        var error = SingleError(d => d["education"] = "doctorate");

        Assert.Equal(new FieldError("$.education", "“学历”必须是以下之一：大专、本科、硕士研究生"), error);
    }

    [Fact]
    public void OneOf_constants_are_labelled_by_their_titles()
    {
        var error = SingleError(d => d["level"] = "full-senior");

        Assert.Equal(new FieldError("$.level", "“层级”必须是以下之一：员级、助理级"), error);
    }

    [Fact]
    public void OneOf_constant_is_accepted()
    {
        var data = Valid();
        data["level"] = "assistant";

        Assert.Empty(Catalog.Validate("form", data));
    }

    [Fact]
    public void Minimum()
    {
        var error = SingleError(d => d["yearsInField"] = -1);

        Assert.Equal(new FieldError("$.yearsInField", "“工作年限”不能小于 0"), error);
    }

    [Fact]
    public void Maximum()
    {
        Assert.Equal("“工作年限”不能大于 60", SingleError(d => d["yearsInField"] = 61).Message);
    }

    [Fact]
    public void Exclusive_minimum()
    {
        Assert.Equal("“票数”必须大于 0", SingleError(d => d["votes"] = 0).Message);
    }

    [Fact]
    public void Wrong_type_is_reported_once()
    {
        var error = SingleError(d => d["education"] = 3);

        Assert.Equal(new FieldError("$.education", "“学历”必须是文本"), error);
    }

    [Fact]
    public void Number_expected()
    {
        Assert.Equal("“工作年限”必须是数字", SingleError(d => d["yearsInField"] = "五年").Message);
    }

    [Fact]
    public void Integer_expected()
    {
        Assert.Equal("“票数”必须是整数", SingleError(d => d["votes"] = 1.5).Message);
    }

    [Fact]
    public void Pattern_mismatch_shows_the_hint()
    {
        var error = SingleError(d => d["idNumber"] = "12345");

        Assert.Equal(new FieldError("$.idNumber", "“公民身份号码”格式不正确，应为18 位身份证号码"), error);
    }

    [Fact]
    public void Const_must_hold()
    {
        var error = SingleError(d => d["pledge"] = false);

        Assert.Equal(new FieldError("$.pledge", "“承诺材料真实”必须为“是”"), error);
    }

    [Fact]
    public void String_length_limits()
    {
        Assert.Equal("“姓名”至少需要 2 个字", SingleError(d => d["name"] = "王").Message);
        Assert.Equal("“姓名”不能超过 10 个字", SingleError(d => d["name"] = new string('王', 11)).Message);
    }

    [Fact]
    public void Date_format()
    {
        var error = SingleError(d => d["birthDate"] = "2024-13-01");

        Assert.Equal(new FieldError("$.birthDate", "“出生日期”必须是日期，格式为 YYYY-MM-DD（如 2024-01-01）"), error);
    }

    [Fact]
    public void Errors_inside_list_items_name_the_item()
    {
        var errors = Catalog.Validate("form", WithEvidence("""[{ "fileName": "a.pdf" }, {}]"""));

        Assert.Equal(new FieldError("$.evidence[1].fileName", "“附件”第 2 项的“文件名”为必填项"), Assert.Single(errors));
    }

    [Fact]
    public void Item_of_the_wrong_type_hides_the_errors_below_it()
    {
        var errors = Catalog.Validate("form", WithEvidence("""[1]"""));

        Assert.Equal(new FieldError("$.evidence[0]", "“附件”第 1 项格式不正确，应为一组字段"), Assert.Single(errors));
    }

    [Fact]
    public void Fields_of_nested_objects_name_their_parent()
    {
        var catalog = FileFormCatalog.Load(RepositoryPaths.Schemas);
        var data = catalog.MinimalValid("political-review");
        data["currentPerformance"]!["political"] = "合格";

        var error = Assert.Single(catalog.Validate("political-review", data));

        Assert.Equal(new FieldError("$.currentPerformance.political", "“个人现实表现”的“政治表现”至少需要 10 个字"), error);
    }

    [Fact]
    public void Too_few_items()
    {
        var error = Assert.Single(Catalog.Validate("form", WithEvidence("[]")));

        Assert.Equal(new FieldError("$.evidence", "“附件”至少需要 1 项"), error);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"王芳\"")]
    [InlineData("42")]
    [InlineData("null")]
    public void Data_that_is_not_an_object_gets_one_error_at_the_root(string json)
    {
        var error = Assert.Single(Catalog.Validate("form", JsonNode.Parse(json)));

        Assert.Equal("$", error.Path);
        Assert.Equal("表单数据必须是一组字段（JSON 对象）", error.Message);
    }

    [Fact]
    public void Additional_properties_are_refused_when_the_schema_says_so()
    {
        var catalog = TestForms.Single($$"""
            { "$schema": "{{TestForms.Draft07}}", "type": "object", "additionalProperties": false,
              "properties": { "opinion": { "type": "string", "title": "意见" } } }
            """);

        var error = Assert.Single(catalog.Validate("form", TestForms.Data("""{ "opinion": "同意", "score": 3 }""")));

        Assert.Equal(new FieldError("$.score", "表单中没有字段“score”，不能填写"), error);
    }

    [Fact]
    public void AnyOf_alternatives_are_named_by_their_titles()
    {
        var catalog = FileFormCatalog.Load(RepositoryPaths.Schemas);
        var data = catalog.MinimalValid("apply");
        data["evidence"] = TestForms.Data("""[{ "fileName": "学历证书.pdf" }]""");

        var error = Assert.Single(catalog.Validate("apply", data));

        Assert.Equal(new FieldError("$.evidence[0]", "“申报材料附件”第 1 项须满足以下条件之一：上传文件、填写文件地址"), error);
    }

    [Fact]
    public void Unknown_form_is_an_error_not_an_exception()
    {
        var error = Assert.Single(Catalog.Validate("no-such-form", new JsonObject()));

        Assert.Equal(new FieldError("$", "未找到表单“no-such-form”"), error);
    }

    [Fact]
    public void Broken_form_reports_instead_of_throwing()
    {
        var catalog = TestForms.Single("""{ "type": "object", "properties": { "a": { "type": "string", "title": "甲", "pattern": "([" } } }""");

        var error = Assert.Single(catalog.Validate("form", TestForms.Data("""{ "a": "x" }""")));

        Assert.Equal("$", error.Path);
        Assert.StartsWith("表单“form”的定义有误，无法校验", error.Message);
    }

    private static JsonObject WithEvidence(string evidenceJson)
    {
        var data = Valid();
        data["evidence"] = JsonNode.Parse(evidenceJson);
        return data;
    }
}
