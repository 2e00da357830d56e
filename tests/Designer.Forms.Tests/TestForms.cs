using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Designer.Forms.Tests;

/// <summary>Small in-memory forms for the tests.</summary>
internal static class TestForms
{
    public const string Draft07 = "http://json-schema.org/draft-07/schema#";

    public static FileFormCatalog Catalog(params (string Id, string Schema, string? Ui)[] forms) =>
        FileFormCatalog.FromJson(forms.Select(f => KeyValuePair.Create(f.Id, (f.Schema, f.Ui))));

    public static FileFormCatalog Single(string schema, string? ui = null) => Catalog(("form", schema, ui));

    public static JsonNode Data(string json) => JsonNode.Parse(json)!;

    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Compact JSON with Chinese left unescaped, for readable assertions.</summary>
    public static string Json(JsonNode node) => node.ToJsonString(Readable);

    /// <summary>A form covering each kind of rule, with Chinese titles.</summary>
    public const string Person = $$"""
    {
      "$schema": "{{Draft07}}",
      "type": "object",
      "required": ["name", "education", "yearsInField", "pledge"],
      "properties": {
        "name": { "type": "string", "title": "姓名", "minLength": 2, "maxLength": 10 },
        "idNumber": { "type": "string", "title": "公民身份号码", "pattern": "^\\d{17}[0-9X]$", "x-patternHint": "18 位身份证号码" },
        "education": {
          "type": "string", "title": "学历",
          "enum": ["college", "bachelor", "master"], "enumNames": ["大专", "本科", "硕士研究生"]
        },
        "level": {
          "type": "string", "title": "层级",
          "oneOf": [ { "const": "junior", "title": "员级" }, { "const": "assistant", "title": "助理级" } ]
        },
        "yearsInField": { "type": "number", "title": "工作年限", "minimum": 0, "maximum": 60 },
        "votes": { "type": "integer", "title": "票数", "exclusiveMinimum": 0 },
        "birthDate": { "type": "string", "title": "出生日期", "format": "date" },
        "pledge": { "type": "boolean", "title": "承诺材料真实", "const": true },
        "evidence": {
          "type": "array", "title": "附件", "minItems": 1,
          "items": {
            "type": "object", "title": "附件",
            "required": ["fileName"],
            "properties": { "fileName": { "type": "string", "title": "文件名" } }
          }
        }
      }
    }
    """;
}
