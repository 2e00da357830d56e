using System.Text.Json.Nodes;

namespace Designer.Forms.Tests;

public class MinimalValidTests
{
    private static JsonObject MinimalOf(string propertiesJson, string requiredJson)
    {
        var catalog = TestForms.Single($$"""
            { "$schema": "{{TestForms.Draft07}}", "type": "object", "required": {{requiredJson}}, "properties": {{propertiesJson}} }
            """);
        var minimal = catalog.MinimalValid("form");
        Assert.Empty(catalog.Validate("form", minimal));
        return minimal;
    }

    [Fact]
    public void Only_required_fields_at_their_simplest()
    {
        var minimal = TestForms.Single(TestForms.Person).MinimalValid("form");

        Assert.Equal("""{"name":"示例","education":"college","yearsInField":0,"pledge":true}""", TestForms.Json(minimal));
    }

    [Fact]
    public void Default_and_examples_are_preferred()
    {
        var minimal = MinimalOf("""
            {
              "a": { "type": "string", "title": "甲", "default": "默认值", "examples": ["示例值"] },
              "b": { "type": "string", "title": "乙", "examples": ["同意推荐。"] },
              "c": { "type": "integer", "title": "丙", "minimum": 1, "default": 3 }
            }
            """, """["a", "b", "c"]""");

        Assert.Equal("""{"a":"默认值","b":"同意推荐。","c":3}""", TestForms.Json(minimal));
    }

    [Fact]
    public void Strings_respect_length_format_and_simple_patterns()
    {
        var minimal = MinimalOf("""
            {
              "short": { "type": "string", "title": "短", "maxLength": 1 },
              "long": { "type": "string", "title": "长", "minLength": 5 },
              "date": { "type": "string", "title": "日期", "format": "date" },
              "phone": { "type": "string", "title": "电话", "pattern": "^1[3-9]\\d{9}$" },
              "id": { "type": "string", "title": "身份证", "pattern": "^[1-9]\\d{5}(18|19|20)\\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])\\d{3}[0-9Xx]$" },
              "doc": { "type": "string", "title": "文号", "pattern": "^\\S+〔\\d{4}〕\\d+号$" }
            }
            """, """["short", "long", "date", "phone", "id", "doc"]""");

        Assert.Equal("示", minimal["short"]!.GetValue<string>());
        Assert.Equal("示例示例示", minimal["long"]!.GetValue<string>());
        Assert.Equal("2024-01-01", minimal["date"]!.GetValue<string>());
        Assert.Equal("13000000000", minimal["phone"]!.GetValue<string>());
        Assert.Equal("100000180001010000", minimal["id"]!.GetValue<string>());
        Assert.Equal("a〔0000〕0号", minimal["doc"]!.GetValue<string>());
    }

    [Fact]
    public void Numbers_start_at_their_minimum()
    {
        var minimal = MinimalOf("""
            {
              "hours": { "type": "number", "title": "学时", "minimum": 30 },
              "count": { "type": "integer", "title": "人数", "exclusiveMinimum": 0 },
              "debt": { "type": "number", "title": "差额", "maximum": -5 },
              "plain": { "type": "integer", "title": "数" }
            }
            """, """["hours", "count", "debt", "plain"]""");

        Assert.Equal("""{"hours":30,"count":1,"debt":-5,"plain":0}""", TestForms.Json(minimal));
    }

    [Fact]
    public void Arrays_get_their_minimum_number_of_items_and_objects_recurse()
    {
        var minimal = MinimalOf("""
            {
              "flags": { "type": "array", "title": "标记", "minItems": 2, "uniqueItems": true,
                         "items": { "type": "string", "enum": ["a", "b", "c"] } },
              "files": { "type": "array", "title": "附件", "minItems": 1,
                         "items": { "type": "object", "required": ["fileName"],
                                    "anyOf": [ { "title": "上传", "required": ["dataUrl"] }, { "title": "地址", "required": ["url"] } ],
                                    "properties": { "fileName": { "type": "string", "title": "文件名" },
                                                    "dataUrl": { "type": "string", "title": "内容", "format": "data-url" },
                                                    "url": { "type": "string", "title": "地址", "format": "uri" } } } },
              "empty": { "type": "array", "title": "空", "items": { "type": "string" } },
              "ok": { "type": "boolean", "title": "确认" },
              "person": { "type": "object", "title": "人", "required": ["name"], "properties": {
                          "name": { "type": "string", "title": "姓名" }, "age": { "type": "integer", "title": "年龄" } } }
            }
            """, """["flags", "files", "empty", "ok", "person"]""");

        Assert.Equal(
            """{"flags":["a","b"],"files":[{"fileName":"示例","dataUrl":"data:text/plain;base64,56S65L6L"}],"empty":[],"ok":false,"person":{"name":"示例"}}""",
            TestForms.Json(minimal));
    }

    [Fact]
    public void Each_call_returns_a_fresh_object()
    {
        var catalog = TestForms.Single(TestForms.Person);

        catalog.MinimalValid("form")["name"] = "改动";

        Assert.Equal("示例", catalog.MinimalValid("form")["name"]!.GetValue<string>());
    }

    [Fact]
    public void Unknown_form_gives_an_empty_object()
    {
        Assert.Empty(TestForms.Single(TestForms.Person).MinimalValid("missing"));
    }
}
