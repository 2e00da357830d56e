using System.Net;
using System.Text.Json.Nodes;
using Designer.Server.Tests.Infrastructure;

namespace Designer.Server.Tests;

/// <summary>
/// Qiaocheng 2023 (003 §四(一)): 对在同一年度多头申报职称资格的，取消其申报资格；已取得专业技术资格的，原则上予以取消.
/// A second application in the year of a title already obtained is refused; when district HR decides to cancel the
/// title too, the run's end revokes that certificate, removes the title and writes the integrity record.
/// </summary>
public sealed class MultipleApplicationRevocationTests(QiaochengFactory factory) : IClassFixture<QiaochengFactory>
{
    [Fact]
    public async Task A_same_year_second_application_is_refused_and_HRs_decision_revokes_the_title_already_obtained()
    {
        var driver = new ApplicationDriver(factory);
        var applicant = await factory.CreateApplicantAsync("qiaocheng");
        var number = await RecognisedAsync(driver, applicant);

        var second = await driver.SubmitAsync(applicant, "qiaocheng-junior-evaluation", new JsonObject
        {
            ["name"] = "孙悦", ["county"] = "谯城区", ["unit"] = "亳州学院", ["employmentType"] = "public-institution", ["workplaceLevel"] = "county",
            ["series"] = "agriculture", ["level"] = "assistant", ["kind"] = "general", ["publicSubjectHours"] = 32, ["professionalSubjectHours"] = 64,
            ["laborContract"] = true,
        });
        var waiting = await driver.RunAsync(second, applicant, stopAt: "hr-review");
        Assert.Equal("Waiting", waiting["status"]!.GetValue<string>());
        var hr = await driver.As("qiaocheng-reviewer-hr");
        var task = (await hr.GetOkAsync("/api/tasks?pageSize=200"))["items"]!.AsArray().Single(t => t!["applicationId"]!.GetValue<string>() == second)!;
        Assert.Contains("多头申报", task["title"]!.GetValue<string>());
        // Until HR decides, the title stands.
        Assert.True((await factory.Client().GetOkAsync($"/api/public/certificates/{number}"))["valid"]!.GetValue<bool>());

        (await ApplicationDriver.ActAsync(hr, task, new JsonObject
        {
            ["action"] = "approve",
            ["data"] = new JsonObject { ["opinion"] = "经核查，申报人同一年度已取得工程系列资格又申报农业系列，属多头申报，取消当年已取得的资格。" },
        })).Expect(HttpStatusCode.OK);

        var done = await (await driver.As(applicant)).GetOkAsync($"/api/applications/{second}");
        Assert.Equal("Rejected", done["status"]!.GetValue<string>());
        Assert.Contains("取消当年已取得的专业技术资格", done["reason"]!.GetValue<string>());
        var check = await factory.Client().GetOkAsync($"/api/public/certificates/{number}");
        Assert.Equal("revoked", check["status"]!.GetValue<string>());
        Assert.Contains("多头申报", check["revocationReason"]!.GetValue<string>());
        var record = await hr.GetOkAsync($"/api/people/{applicant}/record");
        Assert.Empty(record["titles"]!.AsArray());
        var finding = Assert.Single(record["integrity"]!.AsArray())!;
        Assert.Contains(number, finding["finding"]!.GetValue<string>());
        Assert.True(finding["active"]!.GetValue<bool>());
    }

    [Fact]
    public async Task When_HR_keeps_the_title_only_the_second_application_is_refused()
    {
        var driver = new ApplicationDriver(factory);
        var applicant = await factory.CreateApplicantAsync("qiaocheng");
        var number = await RecognisedAsync(driver, applicant);
        var second = await driver.SubmitAsync(applicant, "qiaocheng-junior-evaluation", new JsonObject
        {
            ["name"] = "孙悦", ["county"] = "谯城区", ["unit"] = "亳州学院", ["employmentType"] = "public-institution", ["workplaceLevel"] = "county",
            ["series"] = "agriculture", ["level"] = "assistant", ["kind"] = "general", ["publicSubjectHours"] = 32, ["professionalSubjectHours"] = 64,
            ["laborContract"] = true,
        });
        var done = await driver.RunAsync(second, applicant, new JsonObject
        {
            ["hr-review"] = new JsonObject { ["action"] = "reject", ["data"] = new JsonObject { ["opinion"] = "前一申报经核查不属于应予取消的情形，保留已取得的资格。" } },
        });
        Assert.Equal("Rejected", done["status"]!.GetValue<string>());
        Assert.True((await factory.Client().GetOkAsync($"/api/public/certificates/{number}"))["valid"]!.GetValue<bool>());
        Assert.Single((await (await driver.As("qiaocheng-reviewer-hr")).GetOkAsync($"/api/people/{applicant}/record"))["titles"]!.AsArray());
    }

    /// <summary>An engineering assistant recognised by the district this year (初次认定), its certificate number.</summary>
    private static async Task<string> RecognisedAsync(ApplicationDriver driver, string applicant)
    {
        var procedures = (await (await driver.As(applicant)).GetOkAsync("/api/procedures?kind=initial-recognition"))["items"]!.AsArray();
        var id = await driver.SubmitAsync(applicant, procedures.Single()!["definitionId"]!.GetValue<string>(), new JsonObject
        {
            ["name"] = "孙悦", ["county"] = "谯城区", ["unit"] = "亳州学院", ["employmentType"] = "public-institution", ["workplaceLevel"] = "county",
            ["series"] = "engineering", ["kind"] = "initial-recognition", ["education"] = "bachelor", ["probationYears"] = 1, ["yearsInField"] = 0,
            ["fullTime"] = true, ["majorMatchesPost"] = true,
        });
        var done = await driver.RunAsync(id, applicant);
        Assert.Equal("Completed", done["status"]!.GetValue<string>());
        return done["granted"]!["number"]!.GetValue<string>();
    }
}
