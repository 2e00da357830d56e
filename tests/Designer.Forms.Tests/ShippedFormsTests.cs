using Designer.Engine.Forms;

namespace Designer.Forms.Tests;

/// <summary>The forms under schemas/ as the engine and the server will load them.</summary>
public class ShippedFormsTests
{
    private static readonly FileFormCatalog Catalog = FileFormCatalog.Load(RepositoryPaths.Schemas);

    public static TheoryData<string> FormIds() => new(Catalog.FormIds);

    [Fact]
    public void Schemas_directory_holds_every_form_of_the_contract()
    {
        string[] expected =
        [
            "apply", "xj-prefecture/apply", "bazhou/apply", "kashgar/apply", "qiaocheng/apply", "sample-city/apply",
            "unit-recommendation", "review-opinion", "political-review", "correction", "language-test", "scoring-sheet",
            "committee-vote", "publicity-objection", "initial-recognition", "defence", "approval", "sample-city/unit-recommendation-2021",
            "appointment", "political-referral", "document-verification", "bazhou/scoring-teacher", "bazhou/scoring-health", "xj-prefecture/scoring-directed",
            "entrustment-letter", "entrusted-result", "transfer", "transfer-record", "certificate-reissue", "title-recognition",
            "direct-evaluation", "sample-city/autonomy-application", "sample-city/autonomy-approval",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), Catalog.FormIds);
    }

    [Theory]
    [MemberData(nameof(FormIds))]
    public void Definition_is_sound(string formId)
    {
        Assert.Empty(Catalog.CheckDefinition(formId));
    }

    [Theory]
    [MemberData(nameof(FormIds))]
    public void Minimal_data_validates(string formId)
    {
        var minimal = Catalog.MinimalValid(formId);

        Assert.Empty(Catalog.Validate(formId, minimal));
    }

    [Theory]
    [MemberData(nameof(FormIds))]
    public void Every_form_has_a_ui_schema_with_an_order(string formId)
    {
        Assert.NotNull(Catalog.GetUiSchema(formId)?["ui:order"]);
    }

    [Fact]
    public void Schemas_served_are_self_contained()
    {
        foreach (var id in Catalog.FormIds)
            Assert.False(Catalog.GetSchema(id)!.ContainsKey("x-extends"), id);
    }

    [Fact]
    public void Minimal_apply_carries_the_pledge_and_no_optional_fields()
    {
        var minimal = Catalog.MinimalValid("apply");

        Assert.True(minimal["truthfulnessPledge"]!.GetValue<bool>());
        Assert.Equal("public-institution", minimal["employmentType"]!.GetValue<string>());
        Assert.False(minimal.ContainsKey("evidence"));
        Assert.False(minimal.ContainsKey("idNumber"));
    }

    [Fact]
    public void Contract_example_applicant_validates_against_the_bazhou_form()
    {
        var data = Catalog.MinimalValid("bazhou/apply");
        var applicant = TestForms.Data("""
            { "name": "王芳", "county": "和静县", "unit": "和静县第一小学", "employmentType": "public-institution",
              "workplaceLevel": "township", "series": "teacher", "level": "deputy-senior", "kind": "directed",
              "grassrootsYears": 8 }
            """).AsObject();
        foreach (var (key, value) in applicant) data[key] = value?.DeepClone();

        Assert.Empty(Catalog.Validate("bazhou/apply", data));
    }

    [Fact]
    public void Bazhou_requires_grassroots_years_for_its_bonus()
    {
        var data = Catalog.MinimalValid("bazhou/apply");
        data.Remove("grassrootsYears");

        var error = Assert.Single(Catalog.Validate("bazhou/apply", data));
        Assert.Equal(new FieldError("$.grassrootsYears", "“基层工作年限（年）”为必填项"), error);
    }

    [Fact]
    public void Scope_is_left_to_the_workflow_so_the_form_accepts_any_level()
    {
        // Eligibility (资格审查) rejects out-of-scope applicants; the form only disables the options in the UI.
        var data = Catalog.MinimalValid("bazhou/apply");
        data["level"] = "intermediate";

        Assert.Empty(Catalog.Validate("bazhou/apply", data));
        Assert.NotNull(Catalog.GetUiSchema("bazhou/apply")!["level"]!["ui:enumDisabled"]);
    }

    [Fact]
    public void Placeholder_names_of_the_contract_example_are_accepted()
    {
        var data = Catalog.MinimalValid("apply");
        data["name"] = "…";
        data["unit"] = "…";

        Assert.Empty(Catalog.Validate("apply", data));
    }

    [Fact]
    public void Qiaocheng_continuing_education_hours_have_yearly_minimums()
    {
        var data = Catalog.MinimalValid("qiaocheng/apply");
        data["publicSubjectHours"] = 20;

        var error = Assert.Single(Catalog.Validate("qiaocheng/apply", data));
        Assert.Equal("“年均公需科目学时”不能小于 30", error.Message);
    }
}
