using System.Net;
using System.Text.Json.Nodes;
using Designer.Server.Tests.Infrastructure;

namespace Designer.Server.Tests;

/// <summary>
/// Bazhou's transfer procedure over the titles register (001 §二(二), §四(二)1): a directed title granted here lapses
/// when its holder leaves southern Xinjiang; the register and the public certificate check both show it, and the
/// lapsed title no longer counts as the basis of the next application, nor does one to be re-evaluated. The receiving
/// unit records the move when it is registered in Bazhou; a move out of the region is recorded by Bazhou's HR.
/// </summary>
public sealed class TransferTests(BazhouFactory factory) : IClassFixture<BazhouFactory>
{
    /// <summary>
    /// A receiving unit in Bazhou is registered there and records the move itself; registering it again is a 409 the
    /// test ignores. A unit outside the region is not registered here, and Bazhou's HR records the move instead.
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

    private static JsonObject Recorded(bool withinValidArea, bool runsDirectedEvaluation, string stage = "transfer") => new()
    {
        [stage] = new JsonObject
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
        var number = await BazhouGrants.DirectedDeputySeniorAsync(driver, applicant, "古丽调动");
        Assert.True((await factory.Client().GetOkAsync($"/api/public/certificates/{number}"))["valid"]!.GetValue<bool>());

        // 昌吉 is outside Bazhou: the receiving unit is not registered here, so Bazhou's HR records the move out.
        var id = await driver.SubmitAsync(applicant, "bazhou-transfer", Move("古丽调动", "昌吉市第一中学"));
        var done = await driver.RunAsync(id, applicant, Recorded(withinValidArea: false, runsDirectedEvaluation: false, stage: "release"));

        Assert.True(done["status"]!.GetValue<string>() == "Completed", done.ToJsonString());
        Assert.Contains("离开南疆地区", done["reason"]!.GetValue<string>());
        Assert.Equal(["apply", "release", "register"], ApplicationDriver.Stages(done));
        var release = done["timeline"]!.AsArray().Single(e => e!["stage"]!.GetValue<string>() == "release")!;
        Assert.Equal("bazhou/hr", release["assignee"]!["org"]!.GetValue<string>());
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
        var number = await BazhouGrants.DirectedDeputySeniorAsync(driver, applicant, "阿依重聘");

        await RegisterReceivingUnitAsync("库尔勒市某中学");
        var id = await driver.SubmitAsync(applicant, "bazhou-transfer", Move("阿依重聘", "库尔勒市某中学"));
        var done = await driver.RunAsync(id, applicant, Recorded(withinValidArea: true, runsDirectedEvaluation: false));

        Assert.True(done["status"]!.GetValue<string>() == "Completed", done.ToJsonString());
        // A receiving unit registered in Bazhou records the move itself, then HR reviews it.
        Assert.Equal(["apply", "transfer", "hr-review", "register"], ApplicationDriver.Stages(done));
        var recorded = done["timeline"]!.AsArray().Single(e => e!["stage"]!.GetValue<string>() == "transfer")!;
        Assert.Equal("unit", recorded["assignee"]!["org"]!.GetValue<string>());
        var own = await (await driver.As(applicant)).GetOkAsync($"/api/people/{applicant}/record");
        var title = Assert.Single(own["titles"]!.AsArray())!;
        Assert.Equal("reevaluate", title["status"]!.GetValue<string>());
        var check = await factory.Client().GetOkAsync($"/api/public/certificates/{number}");
        Assert.True(check["valid"]!.GetValue<bool>());
        Assert.Equal("reevaluate", check["titleStatus"]!.GetValue<string>());

        // Until re-evaluated, the title is no basis for the next level: the full-senior application stops at eligibility.
        var next = await driver.SubmitAsync(applicant, "bazhou-directed-full-senior", BazhouGrants.Teacher("阿依重聘", level: "full-senior"));
        var refused = await driver.RunAsync(next, applicant);
        Assert.Equal("Rejected", refused["status"]!.GetValue<string>());
        Assert.Equal(["apply", "eligibility"], ApplicationDriver.Stages(refused));
        Assert.Contains("已登记为须重新评聘", refused["reason"]!.GetValue<string>());
        Assert.Contains("流动到未开展", refused["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_unit_that_does_not_confirm_the_move_changes_nothing()
    {
        var driver = new ApplicationDriver(factory);
        var applicant = await factory.CreateApplicantAsync("bazhou");
        var number = await BazhouGrants.DirectedDeputySeniorAsync(driver, applicant, "热依拉未调");

        await RegisterReceivingUnitAsync("库尔勒市第二中学");
        var id = await driver.SubmitAsync(applicant, "bazhou-transfer", Move("热依拉未调", "库尔勒市第二中学"));
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
}
