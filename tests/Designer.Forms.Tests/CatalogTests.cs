using System.Text.Json.Nodes;

namespace Designer.Forms.Tests;

public class CatalogTests
{
    [Fact]
    public void In_memory_pairs_build_a_catalog()
    {
        var catalog = FileFormCatalog.FromJson(new Dictionary<string, (string, string?)>
        {
            ["review-opinion"] = (TestForms.Person, """{ "ui:order": ["*"] }"""),
            ["kashgar/apply"] = ("""{ "x-extends": "review-opinion", "properties": { "track": { "type": "string", "title": "申报类别" } } }""", null),
        });

        Assert.Equal(["kashgar/apply", "review-opinion"], catalog.FormIds);
        Assert.True(catalog.Exists("kashgar/apply"));
        Assert.False(catalog.Exists("apply"));
        Assert.Empty(catalog.CheckDefinition("kashgar/apply"));
        Assert.Equal("""["*"]""", catalog.GetUiSchema("kashgar/apply")!["ui:order"]!.ToJsonString());
    }

    [Fact]
    public void Form_sources_can_be_passed_directly()
    {
        var catalog = new FileFormCatalog([new FormSource("committee-vote", TestForms.Person)]);

        Assert.Equal(["committee-vote"], catalog.FormIds);
    }

    [Fact]
    public void Duplicate_ids_are_refused()
    {
        Assert.Throws<ArgumentException>(() =>
            new FileFormCatalog([new FormSource("a", TestForms.Person), new FormSource("a", TestForms.Person)]));
    }

    [Fact]
    public void Form_without_ui_schema_has_an_empty_one()
    {
        var catalog = TestForms.Single(TestForms.Person);

        Assert.Equal("{}", catalog.GetUiSchema("form")!.ToJsonString());
        Assert.Null(catalog.GetUiSchema("missing"));
        Assert.Null(catalog.GetSchema("missing"));
    }

    [Fact]
    public void Returned_schemas_are_copies()
    {
        var catalog = TestForms.Single(TestForms.Person);

        catalog.GetSchema("form")!["required"] = new JsonArray();

        Assert.Single(catalog.Validate("form", TestForms.Data("""{ "name": "王芳", "education": "bachelor", "yearsInField": 1 }""")));
    }

    [Fact]
    public void One_fields_schema_is_a_copy_of_that_field_found_through_properties_and_items()
    {
        var catalog = TestForms.Single(TestForms.Person);

        Assert.Equal(catalog.GetSchema("form")!["properties"]!["education"]!.ToJsonString(), catalog.GetFieldSchema("form", ["education"])!.ToJsonString());
        Assert.Equal("string", catalog.GetFieldSchema("form", ["evidence", "0", "fileName"])!["type"]!.GetValue<string>());
        Assert.Null(catalog.GetFieldSchema("form", ["nothing"]));
        Assert.Null(catalog.GetFieldSchema("missing", ["name"]));

        catalog.GetFieldSchema("form", ["name"])!["minLength"] = 50;
        Assert.Empty(catalog.Validate("form", TestForms.Data("""{ "name": "王芳", "education": "bachelor", "yearsInField": 1, "pledge": true }""")));
    }

    [Fact]
    public void Ids_follow_the_directory_layout()
    {
        var root = Directory.CreateTempSubdirectory("forms-");
        try
        {
            Directory.CreateDirectory(Path.Combine(root.FullName, "kashgar"));
            File.WriteAllText(Path.Combine(root.FullName, "apply.schema.json"), TestForms.Person);
            File.WriteAllText(Path.Combine(root.FullName, "apply.ui.json"), """{ "ui:order": ["*"] }""");
            File.WriteAllText(Path.Combine(root.FullName, "kashgar", "apply.schema.json"), """{ "x-extends": "apply" }""");

            var catalog = FileFormCatalog.Load(root.FullName);

            Assert.Equal(["apply", "kashgar/apply"], catalog.FormIds);
            Assert.Equal("""["*"]""", catalog.GetUiSchema("kashgar/apply")!["ui:order"]!.ToJsonString());
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }
}
