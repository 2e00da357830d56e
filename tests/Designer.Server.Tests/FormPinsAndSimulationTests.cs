using System.Net;
using System.Text.Json.Nodes;
using Designer.Server.Tests.Infrastructure;

namespace Designer.Server.Tests;

public sealed class FormPinsAndSimulationTests(BazhouFactory factory) : IClassFixture<BazhouFactory>
{
    private static JsonObject Teacher(string name) => new()
    {
        ["name"] = name, ["county"] = "和静县", ["unit"] = "和静县第二中学", ["employmentType"] = "public-institution",
        ["workplaceLevel"] = "prefecture", ["series"] = "teacher", ["level"] = "deputy-senior", ["kind"] = "directed",
        ["grassrootsYears"] = 8, ["competentDepartment"] = "education",
    };

    [Fact]
    public async Task A_later_form_edit_does_not_change_a_running_application()
    {
        var driver = new ApplicationDriver(factory);
        var applicant = await factory.CreateApplicantAsync("bazhou");
        var id = await driver.SubmitAsync(applicant, "bazhou-directed-deputy-senior", Teacher("钱进"));
        await driver.RunAsync(id, applicant, stopAt: "competent-review");

        // The policy admin makes the review form demand a new field and publishes it.
        var admin = await driver.As("admin");
        var form = await admin.GetOkAsync("/api/forms/review-opinion");
        var schema = form["schema"]!.AsObject().DeepClone().AsObject();
        schema["properties"]!["auditNumber"] = new JsonObject { ["type"] = "string", ["title"] = "审核编号", ["minLength"] = 3 };
        var required = schema["required"] as JsonArray ?? [];
        required.Add("auditNumber");
        schema["required"] = required.DeepClone();
        var ui = form["uiSchema"]!.AsObject().DeepClone().AsObject();
        (ui["ui:order"] as JsonArray)?.Insert(0, "auditNumber");
        (await admin.PutAsync("/api/forms/review-opinion/draft", new JsonObject
        {
            ["schema"] = schema, ["uiSchema"] = ui, ["baseVersion"] = form["version"]!.GetValue<int>(),
            ["concurrencyToken"] = form["concurrencyToken"]!.GetValue<string>(),
        })).Expect(HttpStatusCode.OK);
        Assert.Equal(2, (await admin.PostAsync("/api/forms/review-opinion/publish")).Expect(HttpStatusCode.OK)["version"]!.GetValue<int>());

        // The running application still uses version 1 of the form: no auditNumber needed.
        var education = await driver.As("bazhou-reviewer-education");
        var task = (await education.GetOkAsync("/api/tasks?stage=competent-review&pageSize=200"))["items"]!.AsArray().First(t => t!["applicationId"]!.GetValue<string>() == id)!;
        var opened = await education.GetOkAsync($"/api/tasks/{task["id"]!.GetValue<string>()}");
        Assert.Null(opened["form"]!["schema"]!["properties"]!["auditNumber"]);
        (await ApplicationDriver.ActAsync(education, task, null)).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_draft_is_kept_then_submitted_and_a_second_qualification_in_the_same_year_is_ineligible()
    {
        var driver = new ApplicationDriver(factory);
        var user = await factory.CreateApplicantAsync("bazhou");
        var applicant = await driver.As(user);
        var draft = (await applicant.PostAsync("/api/applications", new JsonObject
        {
            ["definitionId"] = "bazhou-directed-deputy-senior", ["data"] = new JsonObject { ["name"] = "郑" }, ["draft"] = true,
        })).Expect(HttpStatusCode.Created);
        var id = draft["id"]!.GetValue<string>();
        Assert.Equal("Draft", draft["status"]!.GetValue<string>());
        (await applicant.PostAsync($"/api/applications/{id}/submit")).Expect((HttpStatusCode)422);

        var data = await driver.ApplyDataAsync(applicant, "bazhou-directed-deputy-senior", Teacher("郑和"));
        (await applicant.PutAsync($"/api/applications/{id}/draft", new JsonObject { ["data"] = data.DeepClone() })).Expect(HttpStatusCode.OK);
        var submitted = (await applicant.PostAsync($"/api/applications/{id}/submit")).Expect(HttpStatusCode.OK);
        Assert.Equal("Waiting", submitted["status"]!.GetValue<string>());
        (await applicant.PutAsync($"/api/applications/{id}/draft", new JsonObject { ["data"] = data.DeepClone() })).Expect(HttpStatusCode.Conflict);

        // The same person applies again this year (another level): the eligibility step reads the saved history.
        var fullSenior = await driver.ApplyDataAsync(applicant, "bazhou-directed-full-senior", Teacher("郑和"));
        fullSenior["level"] = "full-senior";
        var second = (await applicant.PostAsync("/api/applications", new JsonObject { ["definitionId"] = "bazhou-directed-full-senior", ["data"] = fullSenior }))
            .Expect(HttpStatusCode.Created);
        Assert.Equal("Rejected", second["status"]!.GetValue<string>());
        var eligibility = second["timeline"]!.AsArray().Single(e => e!["stage"]!.GetValue<string>() == "eligibility")!;
        Assert.Equal("fail", eligibility["action"]!.GetValue<string>());
        Assert.Contains("每年只能申报一种资格", eligibility["reasons"]!.ToJsonString(new System.Text.Json.JsonSerializerOptions
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        }));
    }

    [Fact]
    public async Task Simulation_over_http_follows_the_contract_and_saves_nothing()
    {
        var admin = await factory.SignInAsync("bazhou-admin");
        var before = (await admin.GetOkAsync("/api/applications"))["total"]!.GetValue<int>();
        var result = (await admin.PostAsync("/api/simulate", new JsonObject
        {
            ["workflow"] = "bazhou", ["startDate"] = "2024-09-02",
            ["applicant"] = new JsonObject
            {
                ["name"] = "李明", ["county"] = "和静县", ["unit"] = "和静县第二中学", ["employmentType"] = "public-institution",
                ["workplaceLevel"] = "prefecture", ["series"] = "teacher", ["level"] = "deputy-senior", ["kind"] = "directed", ["grassrootsYears"] = 8,
            },
            ["answers"] = new JsonObject { ["committee-vote"] = new JsonObject { ["action"] = "vote", ["data"] = new JsonObject { ["for"] = 6, ["against"] = 1, ["abstain"] = 0 } } },
            ["defaultAction"] = "approve",
        })).Expect(HttpStatusCode.OK);

        Assert.Equal("Completed", result["status"]!.GetValue<string>());
        Assert.Equal("southern Xinjiang", result["granted"]!["validIn"]!.GetValue<string>());
        Assert.Equal("apply", result["path"]![0]!["stage"]!.GetValue<string>());
        Assert.Equal("2024-09-02", result["path"]![0]!["date"]!.GetValue<string>());
        Assert.Empty(result["errors"]!.AsArray());
        Assert.Equal(before, (await admin.GetOkAsync("/api/applications"))["total"]!.GetValue<int>());

        var byVersion = (await admin.PostAsync("/api/simulate", new JsonObject
        {
            ["workflow"] = new JsonObject { ["definitionId"] = "bazhou-directed-deputy-senior", ["version"] = 1 }, ["startDate"] = "2024-09-02",
            ["applicant"] = new JsonObject { ["name"] = "李明", ["series"] = "teacher", ["level"] = "deputy-senior", ["kind"] = "directed" },
            ["answers"] = new JsonObject { ["unit-recommend"] = new JsonObject { ["action"] = "reject" } },
        })).Expect(HttpStatusCode.OK);
        Assert.Equal("Rejected", byVersion["status"]!.GetValue<string>());
    }
}
