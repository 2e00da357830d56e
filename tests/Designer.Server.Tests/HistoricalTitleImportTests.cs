using System.Net;
using System.Text.Json.Nodes;
using Designer.Server.Tests.Infrastructure;

namespace Designer.Server.Tests;

/// <summary>
/// 004 §一(六): evaluation bodies enter the people who passed, by series, level and year, into the database. An
/// imported history is the titles register the next eligibility check reads (here Qiaocheng's years in the title).
/// </summary>
public sealed class HistoricalTitleImportTests(QiaochengFactory factory) : IClassFixture<QiaochengFactory>
{
    [Fact]
    public async Task Titles_imported_by_series_level_and_year_are_the_register_eligibility_reads()
    {
        var driver = new ApplicationDriver(factory);
        var recent = await factory.CreateApplicantAsync("qiaocheng");
        var senior = await factory.CreateApplicantAsync("qiaocheng");
        var hr = await factory.SignInAsync("qiaocheng-reviewer-hr");
        var csv = "userName,series,level,directed,validIn,obtainedOn,source\n" +
                  $"{recent},engineering,junior,false,,2021-07-01,import\n" +
                  $"{senior},agriculture,junior,false,,2012-07-01,import\n" +
                  $"{senior},engineering,junior,false,,2018-07-01,import\n";
        Assert.Equal(3, (await hr.SendRawAsync(HttpMethod.Post, "/api/titles/import", csv, "text/csv")).Expect(HttpStatusCode.OK)["imported"]!.GetValue<int>());

        var register = (await hr.GetOkAsync($"/api/people/{senior}/titles"))["items"]!.AsArray();
        Assert.Equal(["agriculture junior 2012-07-01", "engineering junior 2018-07-01"],
            register.Select(t => $"{t!["series"]} {t["level"]} {t["obtainedOn"]}").ToList());

        var refused = await driver.SubmitAsync(recent, "qiaocheng-junior-evaluation", Engineer("周近期"));
        var refusedDetail = await (await driver.As(recent)).GetOkAsync($"/api/applications/{refused}");
        Assert.Equal("Rejected", refusedDetail["status"]!.GetValue<string>());
        Assert.Contains("任现职年限不足", refusedDetail["reason"]!.GetValue<string>());

        var accepted = await driver.SubmitAsync(senior, "qiaocheng-junior-evaluation", Engineer("吴多年"));
        var acceptedDetail = await (await driver.As(senior)).GetOkAsync($"/api/applications/{accepted}");
        Assert.Contains(acceptedDetail["timeline"]!.AsArray(), e => e!["stage"]!.GetValue<string>() == "eligibility" && e["action"]!.GetValue<string>() == "pass");
    }

    private static JsonObject Engineer(string name) => new()
    {
        ["name"] = name, ["county"] = "谯城区", ["unit"] = "亳州市谯城区建筑设计院", ["employmentType"] = "public-institution", ["workplaceLevel"] = "county",
        ["series"] = "engineering", ["level"] = "assistant", ["kind"] = "general", ["specialty"] = "建筑工程",
        ["publicSubjectHours"] = 32, ["professionalSubjectHours"] = 64, ["laborContract"] = true,
    };
}
