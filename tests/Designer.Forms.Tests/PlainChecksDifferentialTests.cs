using System.Text.Json;
using System.Text.Json.Nodes;
using Designer.Forms.Definitions;
using Designer.Forms.Sampling;
using Designer.Forms.Validation;
using Json.Schema;

namespace Designer.Forms.Tests;

/// <summary>
/// The plain checks (<see cref="PlainSchema"/>) against JsonSchema.Net, the reference: over every shipped form and a
/// form of every keyword they know, for valid data and many invalid variants of each field (wrong types, lengths and
/// bounds either side, near-miss patterns, dates and options, lists too long or repeated, nested fields), alone and
/// combined at random, each built in code and parsed from JSON. The verdicts must agree, and the errors the validator
/// reports (for the parsed data, as a request brings it) must be exactly those it reports with JsonSchema.Net alone.
/// </summary>
public class PlainChecksDifferentialTests
{
    private static readonly FileFormCatalog Shipped = FileFormCatalog.Load(RepositoryPaths.Schemas);

    private static readonly EvaluationOptions FlagOnly = new() { OutputFormat = OutputFormat.Flag, RequireFormatValidation = true };

    public static TheoryData<string> ShippedFormIds() => new(Shipped.FormIds);

    [Theory]
    [MemberData(nameof(ShippedFormIds))]
    public void Shipped_form_verdicts_and_errors_are_those_of_JsonSchema_Net(string formId)
    {
        var outcome = Compare(Shipped.GetSchema(formId)!, data => Shipped.MinimalValid(formId, data));

        // Left to JsonSchema.Net: lists of numbers or groups of fields where items must differ (e.g. [0] for a checklist).
        Assert.True(outcome.Decided >= outcome.Cases * 95 / 100, $"{formId}: plain checks left {outcome.Cases - outcome.Decided} of {outcome.Cases} cases to JsonSchema.Net");
        Assert.True(PlainSchema.TryCompile(ValidationSchema.ForValidator(Shipped.GetSchema(formId)!))!.IsValid(Shipped.MinimalValid(formId)));
        Assert.True(outcome.Valid >= 1 && outcome.Invalid >= 10, $"{formId}: {outcome.Valid} valid and {outcome.Invalid} invalid cases are too few to compare");
    }

    [Fact]
    public void Every_keyword_the_plain_checks_know_gives_the_verdicts_and_errors_of_JsonSchema_Net()
    {
        var catalog = TestForms.Single(EveryPlainKeyword);
        var outcome = Compare(catalog.GetSchema("form")!, data => catalog.MinimalValid("form", data));

        Assert.True(outcome.Valid >= 5 && outcome.Invalid >= 50, $"{outcome.Valid} valid, {outcome.Invalid} invalid");
        Assert.True(outcome.Decided >= outcome.Cases * 9 / 10, $"only {outcome.Decided} of {outcome.Cases} decided");
    }

    [Fact]
    public void Shipped_forms_all_get_plain_checks()
    {
        var without = Shipped.FormIds.Where(id => !FormValidator.Create(Shipped.GetSchema(id)!).HasPlainChecks).ToList();

        Assert.Empty(without);
    }

    [Fact]
    public void A_keyword_the_plain_checks_do_not_know_leaves_the_form_to_JsonSchema_Net()
    {
        var person = TestForms.Single(TestForms.Person).GetSchema("form")!; // "exclusiveMinimum"

        Assert.False(FormValidator.Create(person).HasPlainChecks);
        Assert.Null(PlainSchema.TryCompile(ValidationSchema.ForValidator(person)));
        Compare(person, _ => JsonNode.Parse("""{"name":"张三","education":"master","yearsInField":3,"pledge":true}""")!.AsObject());
    }

    [Fact]
    public void Data_that_cannot_be_written_as_JSON_is_left_to_JsonSchema_Net()
    {
        var schema = Shipped.GetSchema("review-opinion")!;
        var plain = PlainSchema.TryCompile(ValidationSchema.ForValidator(schema))!;
        var data = Shipped.MinimalValid("review-opinion");
        data["unlisted"] = JsonValue.Create(double.NaN);

        Assert.Null(plain.IsValid(data));
        var error = Assert.Single(Shipped.Validate("review-opinion", data));
        Assert.Equal("$", error.Path);
        Assert.Contains("无法校验", error.Message);
    }

    private sealed record Outcome(int Cases, int Decided, int Valid, int Invalid);

    private static Outcome Compare(JsonObject schema, Func<JsonObject, JsonObject> completing)
    {
        var prepared = ValidationSchema.ForValidator(schema);
        var reference = FormValidator.Compile(prepared);
        var plain = PlainSchema.TryCompile(prepared);
        var withPlain = FormValidator.Create(schema);
        var alone = FormValidator.Create(schema, plainChecks: false);
        int cases = 0, decided = 0, valid = 0, invalid = 0;
        foreach (var data in Variants(schema, completing))
        {
            var json = data.ToJsonString();
            var parsed = JsonNode.Parse(json)!.AsObject();
            foreach (var form in new[] { data, parsed })
            {
                cases++;
                var expected = reference.Evaluate(JsonSerializer.SerializeToElement(form), FlagOnly).IsValid;
                if (expected) valid++; else invalid++;
                var verdict = plain?.IsValid(form);
                if (verdict is not null)
                {
                    decided++;
                    Assert.True(verdict == expected, $"plain checks say {(verdict == true ? "valid" : "invalid")}, JsonSchema.Net {(expected ? "valid" : "invalid")}: {json}");
                }
            }
            Assert.Equal(alone.Validate(parsed), withPlain.Validate(parsed));
        }
        return new Outcome(cases, decided, valid, invalid);
    }

    // ---- the data: bases, then single changes and random combinations of them ----

    private sealed record Change(string[] Path, JsonNode? Value, bool Remove = false)
    {
        public void ApplyTo(JsonObject data)
        {
            var target = data;
            foreach (var name in Path[..^1])
            {
                if (target[name] is not JsonObject inner) target[name] = inner = new JsonObject();
                target = inner;
            }
            if (Remove) target.Remove(Path[^1]);
            else target[Path[^1]] = Value?.DeepClone();
        }
    }

    private static IEnumerable<JsonObject> Variants(JsonObject schema, Func<JsonObject, JsonObject> completing)
    {
        var minimal = completing(new JsonObject());
        var bases = new List<JsonObject> { minimal };
        foreach (var name in SchemaTree.FieldNames(schema))
        {
            if (SchemaTree.Property(schema, schema, name) is not { } field) continue;
            foreach (var choice in Choices(field))
                bases.Add(completing(new JsonObject { [name] = choice.DeepClone() }));
        }
        foreach (var form in bases) yield return (JsonObject)form.DeepClone();

        var changes = Changes(schema, schema, [], depth: 0).ToList();
        foreach (var change in changes)
        {
            var data = (JsonObject)minimal.DeepClone();
            change.ApplyTo(data);
            yield return data;
        }
        var random = new Random(14);
        for (var i = 0; i < 60 && changes.Count > 0; i++)
        {
            var data = (JsonObject)bases[random.Next(bases.Count)].DeepClone();
            for (var n = random.Next(1, 4); n > 0; n--) changes[random.Next(changes.Count)].ApplyTo(data);
            yield return data;
        }
    }

    /// <summary>The values a field's condition may turn on: its options, its constant, true and false.</summary>
    private static IEnumerable<JsonNode> Choices(JsonObject field)
    {
        foreach (var option in (field["enum"] as JsonArray ?? []).OfType<JsonNode>()) yield return option;
        foreach (var branch in (field["oneOf"] as JsonArray ?? []).OfType<JsonObject>())
            if (branch["const"] is { } constant) yield return constant;
        if (field["const"] is { } own) yield return own;
        if (SchemaTree.MainType(field) == "boolean") { yield return true; yield return false; }
    }

    private static IEnumerable<Change> Changes(JsonObject root, JsonObject objectSchema, string[] path, int depth)
    {
        foreach (var name in SchemaTree.FieldNames(objectSchema))
        {
            var at = path.Append(name).ToArray();
            yield return new Change(at, null, Remove: true);
            if (SchemaTree.Property(root, objectSchema, name) is not { } field)
            {
                yield return new Change(at, "x"); // a boolean schema (true / false)
                continue;
            }
            foreach (var value in Values(field, depth)) yield return new Change(at, value);
            if (depth < 2 && (SchemaTree.MainType(field) == "object" || field["properties"] is JsonObject))
                foreach (var inner in Changes(root, field, at, depth + 1)) yield return inner;
        }
        yield return new Change([.. path, "notInTheForm"], "x");
    }

    private static IEnumerable<JsonNode?> Values(JsonObject field, int depth)
    {
        JsonNode?[] anyType = [null, true, false, 0, 1, -1, 1.5, "", "x", new JsonArray(), new JsonObject(), "2024-01-01"];
        foreach (var value in anyType) yield return value?.DeepClone();
        foreach (var choice in Choices(field))
        {
            yield return choice.DeepClone();
            if (choice.GetValueKind() == JsonValueKind.String) yield return choice.GetValue<string>() + " ";
        }
        yield return "not-an-option";
        foreach (var example in (field["examples"] as JsonArray ?? []).OfType<JsonNode>()) yield return example.DeepClone();
        foreach (var text in Texts(field)) yield return text;
        foreach (var number in Numbers(field)) yield return number;
        if (SchemaTree.MainType(field) == "array" || field["items"] is not null)
            foreach (var list in Lists(field, depth)) yield return list;
        if (SchemaTree.MainType(field) == "object" && MinimalData.For(field) is JsonObject inner) yield return inner;
    }

    private static IEnumerable<string> Texts(JsonObject field)
    {
        foreach (var limit in new[] { SchemaTree.NumberValue(field, "minLength"), SchemaTree.NumberValue(field, "maxLength") }.OfType<decimal>())
        {
            var n = (int)limit;
            foreach (var length in new[] { n - 1, n, n + 1 }.Where(l => l >= 0))
            {
                yield return new string('字', length);
                yield return string.Concat(Enumerable.Repeat("😀", length)); // two UTF-16 units each
                if (length > 0) yield return string.Concat(Enumerable.Repeat("😀", (length + 1) / 2));
                yield return string.Concat(Enumerable.Repeat("e\u0301", length)); // two code points, one character on screen
                if (length > 0) yield return "\uD800" + new string('字', length - 1); // a lone surrogate
                yield return string.Concat(Enumerable.Repeat("👨‍👩‍👧", length)); // joined emoji: five code points, one character
            }
        }
        if (SchemaTree.StringValue(field, "pattern") is { } pattern && PatternSampler.Sample(pattern) is { } sample)
        {
            yield return sample;
            yield return sample + "x";
            yield return "x" + sample;
            yield return " " + sample;
            yield return sample[..^1];
            yield return sample.ToLowerInvariant();
            yield return new string(sample.Select(c => char.IsAsciiDigit(c) ? (char)('０' + (c - '0')) : c).ToArray()); // full-width digits
        }
        switch (SchemaTree.StringValue(field, "format"))
        {
            case "date":
                foreach (var date in new[] { "2024-02-29", "2023-02-29", "2024-13-01", "2024-1-1", " 2024-01-01", "2024-01-01 ", "2024-01-01T00:00:00Z", "２０２４-01-01", "20240101", "0001-01-01", "9999-12-31" })
                    yield return date;
                break;
            case "uri" or "data-url":
                foreach (var uri in new[] { "https://example.org/a.pdf", "http://x", "abc", "/relative/a.pdf", "data:application/pdf;base64,AA==", "ftp://host/a b", "mailto:a@b.cn", "https://例子.中国/" })
                    yield return uri;
                break;
        }
    }

    private static IEnumerable<JsonNode> Numbers(JsonObject field)
    {
        foreach (var limit in new[] { SchemaTree.NumberValue(field, "minimum"), SchemaTree.NumberValue(field, "maximum") }.OfType<decimal>())
            foreach (var number in new[] { limit - 1, limit - 0.5m, limit, limit + 0.5m, limit + 1 })
                yield return number;
        yield return 3.0; // a double made in code, written "3"
        foreach (var text in new[] { "2.0", "1e2", "-0", "1E+20", "0.1", "12345678901234567890" })
            yield return JsonNode.Parse(text)!; // as a request carries them
    }

    private static IEnumerable<JsonArray> Lists(JsonObject field, int depth)
    {
        if (field["items"] is not JsonObject items) yield break;
        var item = MinimalData.For(items);
        yield return [item?.DeepClone()];
        yield return [item?.DeepClone(), item?.DeepClone()];
        var choices = Choices(items).ToList();
        if (choices.Count > 1) yield return [choices[0].DeepClone(), choices[1].DeepClone()];
        if (SchemaTree.NumberValue(field, "maxItems") is { } max and < 100)
            yield return new JsonArray(Enumerable.Range(0, (int)max + 1).Select(_ => item?.DeepClone()).ToArray());
        if (SchemaTree.NumberValue(field, "minItems") is { } min and > 0 and < 100)
            yield return new JsonArray(Enumerable.Range(0, (int)min - 1).Select(_ => item?.DeepClone()).ToArray());
        if (depth >= 2) yield break;
        foreach (var value in Values(items, depth + 1)) yield return [value?.DeepClone()];
        if (item is JsonObject first)
            foreach (var change in Changes(items, items, [], depth + 1))
            {
                var changed = (JsonObject)first.DeepClone();
                change.ApplyTo(changed);
                yield return [changed];
            }
    }

    /// <summary>Every keyword the plain checks know, including those no shipped form uses yet.</summary>
    private const string EveryPlainKeyword = $$"""
    {
      "$schema": "{{TestForms.Draft07}}",
      "type": "object",
      "required": ["kind", "count"],
      "properties": {
        "kind": { "type": "string", "title": "类型", "enum": ["a", "b", "c"] },
        "count": { "type": "integer", "title": "数量", "minimum": 1, "maximum": 9 },
        "ratio": { "type": ["number", "null"], "title": "比例", "minimum": 0, "maximum": 1 },
        "flag": { "enum": [true, null, "maybe"], "title": "标记" },
        "none": { "const": null },
        "no": { "const": false },
        "never": false,
        "anything": true,
        "code": { "type": "string", "pattern": "^[A-Z]{2}\\d{3}$", "x-patternHint": "两位大写字母加三位数字" },
        "level": { "oneOf": [ { "const": "junior", "title": "员级" }, { "const": "senior", "title": "高级" } ] },
        "notEmpty": { "type": "string", "not": { "const": "" } },
        "either": { "anyOf": [ { "type": "string", "minLength": 3 }, { "type": "integer" } ] },
        "tags": { "type": "array", "uniqueItems": true, "minItems": 1, "maxItems": 3, "items": { "type": "string", "maxLength": 4 } },
        "empty": { "type": "array", "items": false },
        "site": { "type": "string", "format": "uri" },
        "day": { "type": "string", "format": "date" },
        "address": {
          "type": "object", "required": ["city"],
          "properties": { "city": { "type": "string", "minLength": 1 }, "zip": { "type": "string", "pattern": "^\\d{6}$" } }
        }
      },
      "allOf": [
        {
          "if": { "properties": { "kind": { "const": "a" } }, "required": ["kind"] },
          "then": { "required": ["code"] },
          "else": { "properties": { "code": { "maxLength": 0 } } }
        },
        { "if": { "properties": { "count": { "minimum": 5 } } }, "then": { "required": ["tags"] } }
      ]
    }
    """;
}
