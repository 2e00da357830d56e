namespace Designer.Forms.Tests;

/// <summary>A form extends only its own locality's forms and the shared ones (templates/…, ids without a locality).</summary>
public class ExtensionLocalityTests
{
    private const string Fields = """{ "$schema": "http://json-schema.org/draft-07/schema#", "type": "object", "properties": { "secretField": { "type": "string", "title": "他地字段" } } }""";

    [Theory]
    [InlineData("kashgar/apply", "bazhou/apply")]
    [InlineData("kashgar/apply", "bazhou/missing")]
    [InlineData("apply", "bazhou/apply")]
    [InlineData("templates/apply", "bazhou/apply")]
    public void Extending_another_localitys_form_is_a_definition_error_and_merges_nothing(string formId, string baseId)
    {
        var catalog = TestForms.Catalog(("bazhou/apply", Fields, null), (formId, $$"""{ "$schema": "http://json-schema.org/draft-07/schema#", "x-extends": "{{baseId}}" }""", null));

        var problem = Assert.Single(catalog.CheckDefinition(formId));
        Assert.Contains("x-extends", problem.Path);
        Assert.Contains("其他地区", problem.Message);
        Assert.DoesNotContain("secretField", catalog.GetSchema(formId)?.ToJsonString() ?? "");
    }

    [Theory]
    [InlineData("kashgar/apply", "templates/apply")]
    [InlineData("kashgar/apply", "shared-apply")]
    [InlineData("kashgar/apply-2025", "kashgar/base")]
    public void Own_and_shared_forms_may_be_extended(string formId, string baseId)
    {
        var catalog = TestForms.Catalog((baseId, Fields, null), (formId, $$"""{ "$schema": "http://json-schema.org/draft-07/schema#", "x-extends": "{{baseId}}" }""", null));

        Assert.Empty(catalog.CheckDefinition(formId));
        Assert.Contains("secretField", catalog.GetSchema(formId)!.ToJsonString());
    }
}
