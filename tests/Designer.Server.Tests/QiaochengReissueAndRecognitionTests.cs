using System.Net;
using System.Text.Json.Nodes;
using Designer.Server.Tests.Infrastructure;

namespace Designer.Server.Tests;

/// <summary>
/// Qiaocheng's procedures that end in the titles register (003 §三(五), §三(六)): a lost paper certificate is reissued
/// as an electronic one on the same title; a title from another province is recognised and registered as from elsewhere.
/// </summary>
public sealed class QiaochengReissueAndRecognitionTests(QiaochengFactory factory) : IClassFixture<QiaochengFactory>
{
    [Fact]
    public async Task A_lost_paper_certificate_is_reissued_as_an_electronic_one_on_the_same_title()
    {
        var driver = new ApplicationDriver(factory);
        var applicant = await factory.CreateApplicantAsync("qiaocheng");
        var hr = await factory.SignInAsync("qiaocheng-reviewer-hr");
        (await hr.PostAsync($"/api/people/{applicant}/titles", new JsonObject
        {
            ["series"] = "engineering", ["level"] = "assistant", ["directed"] = false, ["obtainedOn"] = "2016-12-30", ["source"] = "import",
            ["certificateNumber"] = "WAN-2016-ZG-004512",
        })).Expect(HttpStatusCode.Created);

        var id = await driver.SubmitAsync(applicant, "qiaocheng-certificate-reissue", new JsonObject
        {
            ["name"] = "赵补发", ["county"] = "谯城区", ["unit"] = "谯城区农业技术推广中心", ["kind"] = "certificate-reissue",
            ["certificateNumber"] = "WAN-2016-ZG-004512", ["reissueReason"] = "lost", ["truthfulnessPledge"] = true,
        });
        var done = await driver.RunAsync(id, applicant);

        Assert.True(done["status"]!.GetValue<string>() == "Completed", done.ToJsonString());
        Assert.Equal(["apply", "eligibility", "competent-review", "hr-review", "approval", "certificate"], ApplicationDriver.Stages(done));
        var fresh = done["granted"]!["number"]!.GetValue<string>();
        var title = Assert.Single((await hr.GetOkAsync($"/api/people/{applicant}/titles"))["items"]!.AsArray())!;
        Assert.Equal(fresh, title["certificateNumber"]!.GetValue<string>());
        Assert.Equal("2016-12-30", title["obtainedOn"]!.GetValue<string>());
        var check = await factory.Client().GetOkAsync($"/api/public/certificates/{fresh}");
        Assert.True(check["valid"]!.GetValue<bool>());
        Assert.Equal("WAN-2016-ZG-004512", check["replaces"]!.GetValue<string>());
        Assert.Equal("assistant", check["level"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_number_the_register_does_not_hold_is_refused_and_nothing_is_issued()
    {
        var driver = new ApplicationDriver(factory);
        var applicant = await factory.CreateApplicantAsync("qiaocheng");
        var id = await driver.SubmitAsync(applicant, "qiaocheng-certificate-reissue", new JsonObject
        {
            ["name"] = "孙无证", ["county"] = "谯城区", ["unit"] = "谯城区农业技术推广中心", ["kind"] = "certificate-reissue",
            ["certificateNumber"] = "WAN-2016-ZG-999999", ["reissueReason"] = "lost", ["truthfulnessPledge"] = true,
        });
        var done = await driver.RunAsync(id, applicant);

        Assert.Equal("Rejected", done["status"]!.GetValue<string>());
        Assert.Contains("没有该编号的有效证书", done["reason"]!.GetValue<string>());
        Assert.Null(done["granted"]);
        var own = await (await driver.As(applicant)).GetOkAsync($"/api/people/{applicant}/record");
        Assert.Empty(own["titles"]!.AsArray());
    }

    [Fact]
    public async Task A_title_from_another_province_is_registered_as_from_elsewhere_with_its_original_date()
    {
        var driver = new ApplicationDriver(factory);
        var applicant = await factory.CreateApplicantAsync("qiaocheng");
        var id = await driver.SubmitAsync(applicant, "qiaocheng-title-recognition", new JsonObject
        {
            ["name"] = "陈确认", ["county"] = "谯城区", ["unit"] = "亳州某建筑有限公司", ["employmentType"] = "enterprise", ["series"] = "engineering",
            ["level"] = "assistant", ["kind"] = "title-recognition", ["obtainedOn"] = "2019-12-20", ["originRegion"] = "other-province",
            ["originalIssuer"] = "江苏省工程系列初级评审委员会", ["directed"] = false, ["originalUnitOwnership"] = "state", ["truthfulnessPledge"] = true,
        });
        var done = await driver.RunAsync(id, applicant);

        Assert.True(done["status"]!.GetValue<string>() == "Completed", done.ToJsonString());
        var own = await (await driver.As(applicant)).GetOkAsync($"/api/people/{applicant}/record");
        var title = Assert.Single(own["titles"]!.AsArray())!;
        Assert.Equal("other-region", title["source"]!.GetValue<string>());
        Assert.Equal("2019-12-20", title["obtainedOn"]!.GetValue<string>());
        Assert.Equal("assistant", title["level"]!.GetValue<string>());
    }
}
