using System.Net;
using System.Text.Json.Nodes;
using Designer.Server.Tests.Infrastructure;

namespace Designer.Server.Tests;

/// <summary>
/// Bazhou's transfer procedure over the titles register (001 §二(二), §四(二)1): a directed title granted here lapses
/// when its holder leaves southern Xinjiang; the register and the public certificate check both show it, and the
/// lapsed title no longer counts as the basis of the next application.
/// </summary>
public sealed class TransferTests(BazhouFactory factory) : IClassFixture<BazhouFactory>
{
    private static JsonObject Teacher(string name) => new()
    {
        ["name"] = name, ["county"] = "和静县", ["unit"] = "和静县第四中学", ["employmentType"] = "public-institution",
        ["workplaceLevel"] = "prefecture", ["series"] = "teacher", ["level"] = "deputy-senior", ["kind"] = "directed",
        ["grassrootsYears"] = 8, ["competentDepartment"] = "education",
    };

    /// <summary>
    /// The receiving unit records the move in the system, so it is a registered unit of the locality that runs the
    /// transfer (Bazhou registers its units); registering it again is a 409 the test ignores.
    /// </summary>
    private async Task RegisterReceivingUnitAsync(string unit)
    {
        var admin = await factory.SignInAsync("admin");
        await admin.PostAsync("/api/organisations", new JsonObject
        {
            ["id"] = $"bazhou/unit/receiving-{Math.Abs(StringComparer.Ordinal.GetHashCode(unit))}", ["name"] = unit, ["kind"] = "unit",
            ["county"] = "hejing", ["employmentType"] = "public-institution",
        });
    }

    private static JsonObject Move(string name, string unit) => new()
    {
        ["name"] = name, ["county"] = "和静县", ["unit"] = unit, ["previousUnit"] = "和静县第四中学", ["transferDate"] = "2024-09-01",
        ["kind"] = "transfer", ["truthfulnessPledge"] = true,
    };

    private static JsonObject Recorded(bool withinValidArea, bool runsDirectedEvaluation) => new()
    {
        ["transfer"] = new JsonObject
        {
            ["action"] = "approve",
            ["data"] = new JsonObject { ["withinValidArea"] = withinValidArea, ["runsDirectedEvaluation"] = runsDirectedEvaluation, ["opinion"] = "已核实调动手续。" },
        },
    };

    [Fact]
    public async Task Leaving_southern_Xinjiang_lapses_the_directed_title_in_the_register_and_on_the_public_check()
    {
        var driver = new ApplicationDriver(factory);
        var applicant = await factory.CreateApplicantAsync("bazhou");
        var number = await GrantAsync(driver, applicant, "古丽调动");
        Assert.True((await factory.Client().GetOkAsync($"/api/public/certificates/{number}"))["valid"]!.GetValue<bool>());

        await RegisterReceivingUnitAsync("昌吉市第一中学");
        var id = await driver.SubmitAsync(applicant, "bazhou-transfer", Move("古丽调动", "昌吉市第一中学"));
        var done = await driver.RunAsync(id, applicant, Recorded(withinValidArea: false, runsDirectedEvaluation: false));

        Assert.True(done["status"]!.GetValue<string>() == "Completed", done.ToJsonString());
        Assert.Contains("离开南疆地区", done["reason"]!.GetValue<string>());
        Assert.Equal(["apply", "transfer", "hr-review", "register"], ApplicationDriver.Stages(done));
        var hr = await factory.SignInAsync("bazhou-reviewer-hr");
        var title = Assert.Single((await hr.GetOkAsync($"/api/people/{applicant}/titles"))["items"]!.AsArray())!;
        Assert.Equal("lapsed", title["status"]!.GetValue<string>());
        Assert.Contains("离开南疆地区", title["statusReason"]!.GetValue<string>());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", title["statusOn"]!.GetValue<string>());

        var check = await factory.Client().GetOkAsync($"/api/public/certificates/{number}");
        Assert.False(check["valid"]!.GetValue<bool>());
        Assert.Equal("valid", check["status"]!.GetValue<string>());
        Assert.Equal("lapsed", check["titleStatus"]!.GetValue<string>());
        Assert.Contains("离开南疆地区", check["titleStatusReason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Moving_to_a_unit_without_directed_evaluation_marks_the_title_for_re_evaluation_but_it_still_verifies()
    {
        var driver = new ApplicationDriver(factory);
        var applicant = await factory.CreateApplicantAsync("bazhou");
        var number = await GrantAsync(driver, applicant, "阿依重聘");

        await RegisterReceivingUnitAsync("库尔勒市某中学");
        var id = await driver.SubmitAsync(applicant, "bazhou-transfer", Move("阿依重聘", "库尔勒市某中学"));
        var done = await driver.RunAsync(id, applicant, Recorded(withinValidArea: true, runsDirectedEvaluation: false));

        Assert.True(done["status"]!.GetValue<string>() == "Completed", done.ToJsonString());
        var own = await (await driver.As(applicant)).GetOkAsync($"/api/people/{applicant}/record");
        var title = Assert.Single(own["titles"]!.AsArray())!;
        Assert.Equal("reevaluate", title["status"]!.GetValue<string>());
        var check = await factory.Client().GetOkAsync($"/api/public/certificates/{number}");
        Assert.True(check["valid"]!.GetValue<bool>());
        Assert.Equal("reevaluate", check["titleStatus"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_unit_that_does_not_confirm_the_move_changes_nothing()
    {
        var driver = new ApplicationDriver(factory);
        var applicant = await factory.CreateApplicantAsync("bazhou");
        var number = await GrantAsync(driver, applicant, "热依拉未调");

        await RegisterReceivingUnitAsync("昌吉市第一中学");
        var id = await driver.SubmitAsync(applicant, "bazhou-transfer", Move("热依拉未调", "昌吉市第一中学"));
        var done = await driver.RunAsync(id, applicant, new JsonObject
        {
            ["transfer"] = new JsonObject
            {
                ["action"] = "reject",
                ["data"] = new JsonObject { ["withinValidArea"] = false, ["runsDirectedEvaluation"] = false, ["opinion"] = "未办理调动手续。" },
            },
        });

        Assert.Equal("Rejected", done["status"]!.GetValue<string>());
        var check = await factory.Client().GetOkAsync($"/api/public/certificates/{number}");
        Assert.True(check["valid"]!.GetValue<bool>());
        Assert.Null(check["titleStatus"]);
    }

    private async Task<string> GrantAsync(ApplicationDriver driver, string applicant, string name)
    {
        var answers = new JsonObject
        {
            ["scoring"] = new JsonObject { ["action"] = "approve", ["data"] = new JsonObject { ["morality"] = 9, ["performance"] = 25, ["achievements"] = 22, ["ability"] = 16 } },
        };
        var id = await driver.SubmitAsync(applicant, "bazhou-directed-deputy-senior", Teacher(name));
        await driver.RunAsync(id, applicant, answers, stopAt: "committee-vote");
        var education = await driver.As("bazhou-reviewer-education");
        var session = (await education.PostAsync("/api/committee-sessions", new JsonObject())).Expect(HttpStatusCode.Created);
        var sessionId = session["id"]!.GetValue<string>();
        foreach (var candidate in session["candidates"]!.AsArray())
            (await education.PostAsync($"/api/committee-sessions/{sessionId}/votes", new JsonObject
            {
                ["applicationId"] = candidate!["applicationId"]!.GetValue<string>(), ["for"] = 6, ["against"] = 1, ["abstain"] = 0,
            })).Expect(HttpStatusCode.OK);
        (await education.PostAsync($"/api/committee-sessions/{sessionId}/close")).Expect(HttpStatusCode.OK);
        var done = await driver.RunAsync(id, applicant, answers);
        Assert.True(done["status"]!.GetValue<string>() == "Completed", done.ToJsonString());
        return done["granted"]!["number"]!.GetValue<string>();
    }
}
