using System.Net;
using System.Text.Json.Nodes;
using Designer.Server.Tests.Infrastructure;

namespace Designer.Server.Tests;

/// <summary>
/// A form with conditional display, as the Studio's form designer writes it (allOf:[{if,then}]), over HTTP: it saves,
/// publishes, a workflow pins it, and the server enforces the condition on applications.
/// </summary>
public sealed class ConditionalFormTests(BazhouFactory factory) : IClassFixture<BazhouFactory>
{
    private const string FormId = "bazhou/apply";
    private const string DefinitionId = "bazhou-directed-deputy-senior";

    private static JsonObject Teacher(string name, string workplaceLevel) => new()
    {
        ["name"] = name, ["county"] = "和静县", ["unit"] = "和静县第二中学", ["employmentType"] = "public-institution",
        ["workplaceLevel"] = workplaceLevel, ["series"] = "teacher", ["level"] = "deputy-senior", ["kind"] = "directed",
        ["grassrootsYears"] = 8, ["competentDepartment"] = "education",
    };

    [Fact]
    public async Task A_conditional_field_publishes_is_pinned_and_is_required_only_when_its_condition_holds()
    {
        var driver = new ApplicationDriver(factory);
        var admin = await driver.As("admin");
        await PublishTownshipConditionAsync(admin);

        // The workflow pins the form's new version when it is published again.
        var workflow = await admin.GetOkAsync($"/api/workflows/{DefinitionId}");
        (await admin.PutAsync($"/api/workflows/{DefinitionId}/draft", new JsonObject
        {
            ["definition"] = workflow["definition"]!.DeepClone(), ["baseVersion"] = workflow["version"]!.GetValue<int>(),
            ["concurrencyToken"] = workflow["concurrencyToken"]!.GetValue<string>(),
        })).Expect(HttpStatusCode.OK);
        var published = (await admin.PostAsync($"/api/workflows/{DefinitionId}/publish")).Expect(HttpStatusCode.OK);
        Assert.Equal(2, published["formPins"]![FormId]!.GetValue<int>());

        var applicantUser = await factory.CreateApplicantAsync("bazhou");
        var applicant = await driver.As(applicantUser);

        // Working in a township: the township's name is required, and the 422 names that field alone.
        var township = await driver.ApplyDataAsync(applicant, DefinitionId, Teacher("孙丽", "township"));
        Assert.Equal("示例", township["townshipName"]!.GetValue<string>()); // minimal-valid data meets the condition
        township.Remove("townshipName");
        var refused = (await applicant.PostAsync("/api/applications", new JsonObject { ["definitionId"] = DefinitionId, ["data"] = township.DeepClone() }))
            .Expect((HttpStatusCode)422);
        var error = Assert.Single(refused["errors"]!.AsArray())!;
        Assert.Equal("$.townshipName", error["path"]!.GetValue<string>());
        Assert.Equal("/townshipName", error["pointer"]!.GetValue<string>());
        Assert.Equal("“所在乡镇”为必填项", error["message"]!.GetValue<string>());

        township["townshipName"] = "哈尔莫敦镇";
        (await applicant.PostAsync("/api/applications", new JsonObject { ["definitionId"] = DefinitionId, ["data"] = township }))
            .Expect(HttpStatusCode.Created);

        // Working at county level the condition does not hold: accepted without it.
        var otherApplicant = await driver.As(await factory.CreateApplicantAsync("bazhou"));
        var county = await driver.ApplyDataAsync(otherApplicant, DefinitionId, Teacher("周强", "county"));
        county.Remove("townshipName");
        (await otherApplicant.PostAsync("/api/applications", new JsonObject { ["definitionId"] = DefinitionId, ["data"] = county }))
            .Expect(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_condition_requiring_a_field_that_does_not_exist_is_refused_at_publish_naming_it()
    {
        var admin = await factory.SignInAsync("admin");
        var form = await admin.GetOkAsync("/api/forms/review-opinion");
        var schema = form["schema"]!.AsObject().DeepClone().AsObject();
        schema["allOf"] = JsonNode.Parse("""[{ "if": { "properties": { "opinion": { "const": "x" } } }, "then": { "required": ["ghost"] } }]""");
        (await admin.PutAsync("/api/forms/review-opinion/draft", new JsonObject
        {
            ["schema"] = schema, ["uiSchema"] = form["uiSchema"]!.DeepClone(), ["baseVersion"] = form["version"]!.GetValue<int>(),
            ["concurrencyToken"] = form["concurrencyToken"]!.GetValue<string>(),
        })).Expect(HttpStatusCode.OK);

        var refused = (await admin.PostAsync("/api/forms/review-opinion/publish")).Expect((HttpStatusCode)422);

        var error = Assert.Single(refused["errors"]!.AsArray())!;
        Assert.Equal("$.allOf[0].then.required[0]", error["path"]!.GetValue<string>());
        Assert.Equal("必填字段“ghost”未在 properties 中定义", error["message"]!.GetValue<string>());
    }

    /// <summary>bazhou/apply gains 所在乡镇, shown and required when 工作单位层级 is 乡镇, as the form designer writes it.</summary>
    private static async Task PublishTownshipConditionAsync(ApiClient admin)
    {
        var form = await admin.GetOkAsync($"/api/forms/{FormId}");
        var schema = form["schema"]!.AsObject().DeepClone().AsObject();
        schema["allOf"] = JsonNode.Parse("""
            [{
              "if": { "properties": { "workplaceLevel": { "const": "township" } }, "required": ["workplaceLevel"] },
              "then": { "properties": { "townshipName": { "type": "string", "title": "所在乡镇", "minLength": 2 } }, "required": ["townshipName"] }
            }]
            """);
        var ui = form["uiSchema"]!.AsObject().DeepClone().AsObject();
        ui["ui:order"]!.AsArray().Insert(1, "townshipName");
        (await admin.PutAsync($"/api/forms/{FormId}/draft", new JsonObject
        {
            ["schema"] = schema, ["uiSchema"] = ui, ["baseVersion"] = form["version"]!.GetValue<int>(),
            ["concurrencyToken"] = form["concurrencyToken"]!.GetValue<string>(),
        })).Expect(HttpStatusCode.OK);
        Assert.Equal(2, (await admin.PostAsync($"/api/forms/{FormId}/publish")).Expect(HttpStatusCode.OK)["version"]!.GetValue<int>());
    }
}
