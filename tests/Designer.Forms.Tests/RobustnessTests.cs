using System.Text.Json.Nodes;

namespace Designer.Forms.Tests;

/// <summary>Validate must answer with errors, never with an exception, whatever it is given.</summary>
public class RobustnessTests
{
    private static readonly FileFormCatalog Catalog = FileFormCatalog.Load(RepositoryPaths.Schemas);

    private static readonly string[] OddData =
    [
        "{}", "[]", "\"x\"", "0", "true", "null",
        """{ "evidence": "x", "for": -1, "name": { "a": 1 }, "level": ["junior"] }""",
        """{ "evidence": [1, null, {}, { "fileName": 3, "dataUrl": false }] }""",
        """{ "materialsDate": "2024-02-30", "publicSubjectHours": 1e300, "idNumber": "" }""",
        """{ "currentPerformance": [], "correctionItems": [{ "item": null }], "checklist": ["x", "x"] }""",
    ];

    public static TheoryData<string> FormIds() => new(Catalog.FormIds);

    [Theory]
    [MemberData(nameof(FormIds))]
    public void Odd_data_gives_errors_not_exceptions(string formId)
    {
        foreach (var json in OddData)
        {
            var errors = Catalog.Validate(formId, JsonNode.Parse(json));
            Assert.All(errors, e => Assert.StartsWith("$", e.Path));
        }
    }

    [Fact]
    public void Data_that_cannot_be_serialised_gives_an_error()
    {
        var data = Catalog.MinimalValid("committee-vote");
        data["for"] = JsonValue.Create(double.NaN);

        Assert.Equal("$", Assert.Single(Catalog.Validate("committee-vote", data)).Path);
    }

    [Fact]
    public void Absurd_bounds_do_not_break_minimal_data()
    {
        var catalog = TestForms.Single($$"""
            { "$schema": "{{TestForms.Draft07}}", "type": "object", "required": ["a", "b"],
              "properties": { "a": { "type": "array", "title": "甲", "minItems": 1e12, "items": { "type": "integer" } },
                              "b": { "type": "string", "title": "乙", "maxLength": -3 } } }
            """);

        Assert.NotNull(catalog.MinimalValid("form"));
    }
}
