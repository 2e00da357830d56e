using System.Net;
using System.Text.Json.Nodes;
using Designer.Server.Tests.Infrastructure;

namespace Designer.Server.Tests;

/// <summary>
/// Qiaocheng 2023 (003 §三(三)): professional hours are registered by the competent department, public hours by HR,
/// both by HR for an enterprise's staff (workflows/world/education-hours.json); HR verifies the cycle's total, and the
/// district's eligibility rule refuses hours not yet verified.
/// </summary>
public sealed class EducationHoursRegistrationTests(QiaochengFactory factory) : IClassFixture<QiaochengFactory>
{
    private const string Hr = "qiaocheng-reviewer-hr";
    private const string CompetentDepartment = "qiaocheng-reviewer-agriculture";

    private static JsonObject Hours(string category, int year = 2022) =>
        new() { ["year"] = year, ["category"] = category, ["hours"] = category == "public" ? 30 : 60, ["source"] = "培训机构报送" };

    [Fact]
    public async Task Public_hours_are_registered_by_HR_and_professional_hours_by_the_competent_department()
    {
        var person = await factory.CreateApplicantAsync("qiaocheng");
        var hr = await factory.SignInAsync(Hr);
        var department = await factory.SignInAsync(CompetentDepartment);

        (await hr.PostAsync($"/api/people/{person}/education-hours", Hours("public"))).Expect(HttpStatusCode.Created);
        var refused = (await hr.PostAsync($"/api/people/{person}/education-hours", Hours("professional"))).Expect(HttpStatusCode.Forbidden);
        Assert.Contains("专业科目学时由行业主管部门登记审核", refused["detail"]!.GetValue<string>());

        var professional = (await department.PostAsync($"/api/people/{person}/education-hours", Hours("professional"))).Expect(HttpStatusCode.Created);
        Assert.Equal(CompetentDepartment, professional["registeredBy"]!.GetValue<string>());
        Assert.Null(professional["verifiedBy"]?.GetValue<string>());
        var wrongCategory = (await department.PostAsync($"/api/people/{person}/education-hours", Hours("public"))).Expect(HttpStatusCode.Forbidden);
        Assert.Contains("公需科目学时由人社部门登记审核", wrongCategory["detail"]!.GetValue<string>());

        // Neither the person nor a department of another locality registers; the latter does not even see the person.
        (await (await factory.SignInAsync(person)).PostAsync($"/api/people/{person}/education-hours", Hours("professional"))).Expect(HttpStatusCode.Forbidden);
        (await (await factory.SignInAsync("bazhou-reviewer-education")).PostAsync($"/api/people/{person}/education-hours", Hours("professional")))
            .Expect(HttpStatusCode.NotFound);

        var record = await hr.GetOkAsync($"/api/people/{person}/record");
        Assert.Equal(["public", "professional"], record["educationHours"]!.AsArray().Select(h => h!["category"]!.GetValue<string>()).Order().Reverse().ToList());
    }

    [Fact]
    public async Task HR_verifies_the_cycles_total_and_only_verified_hours_pass_the_districts_eligibility_check()
    {
        var driver = new ApplicationDriver(factory);
        var hr = await factory.SignInAsync(Hr);
        var department = await factory.SignInAsync(CompetentDepartment);
        var verified = await factory.CreateApplicantAsync("qiaocheng");
        var unverified = await factory.CreateApplicantAsync("qiaocheng");
        foreach (var person in new[] { verified, unverified })
            foreach (var year in new[] { 2020, 2021, 2022 })
            {
                (await hr.PostAsync($"/api/people/{person}/education-hours", Hours("public", year))).Expect(HttpStatusCode.Created);
                (await department.PostAsync($"/api/people/{person}/education-hours", Hours("professional", year))).Expect(HttpStatusCode.Created);
            }

        var backwards = (await hr.PostAsync($"/api/people/{verified}/education-hours/verify", new JsonObject { ["fromYear"] = 2022, ["toYear"] = 2020 }))
            .Expect((HttpStatusCode)422);
        Assert.Equal("$.toYear", Assert.Single(backwards["errors"]!.AsArray())!["path"]!.GetValue<string>());
        (await (await factory.SignInAsync(verified)).PostAsync($"/api/people/{verified}/education-hours/verify", new JsonObject { ["fromYear"] = 2020, ["toYear"] = 2022 }))
            .Expect(HttpStatusCode.Forbidden);
        var total = (await hr.PostAsync($"/api/people/{verified}/education-hours/verify", new JsonObject { ["fromYear"] = 2020, ["toYear"] = 2022 }))
            .Expect(HttpStatusCode.OK);
        Assert.Equal(270, total["totalHours"]!.GetValue<double>());
        Assert.Equal(90, total["publicHours"]!.GetValue<double>());
        Assert.Equal(6, total["entries"]!.GetValue<int>());
        var hours = (await hr.GetOkAsync($"/api/people/{verified}/education-hours"))["items"]!.AsArray();
        Assert.All(hours, h => Assert.Equal(Hr, h!["verifiedBy"]!.GetValue<string>()));

        var refused = await driver.SubmitAsync(unverified, "qiaocheng-junior-evaluation", Engineer("孙未审"));
        var refusedDetail = await (await driver.As(unverified)).GetOkAsync($"/api/applications/{refused}");
        Assert.Equal("Rejected", refusedDetail["status"]!.GetValue<string>());
        Assert.Contains("尚未经人社部门审验总学时", refusedDetail["reason"]!.GetValue<string>());

        var accepted = await driver.SubmitAsync(verified, "qiaocheng-junior-evaluation", Engineer("钱已审"));
        var acceptedDetail = await (await driver.As(verified)).GetOkAsync($"/api/applications/{accepted}");
        Assert.NotEqual("Rejected", acceptedDetail["status"]!.GetValue<string>());
        Assert.Contains(acceptedDetail["timeline"]!.AsArray(), e => e!["stage"]!.GetValue<string>() == "eligibility" && e["action"]!.GetValue<string>() == "pass");
    }

    private static JsonObject Engineer(string name) => new()
    {
        ["name"] = name, ["county"] = "谯城区", ["unit"] = "亳州市谯城区建筑设计院", ["employmentType"] = "public-institution", ["workplaceLevel"] = "county",
        ["series"] = "engineering", ["level"] = "assistant", ["kind"] = "general", ["specialty"] = "建筑工程",
        ["publicSubjectHours"] = 32, ["professionalSubjectHours"] = 64, ["laborContract"] = true,
    };
}
