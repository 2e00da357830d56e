using System.Text.Json.Nodes;
using Designer.Server.Tests.Infrastructure;

namespace Designer.Server.Tests;

/// <summary>Kashgar 2020 (002 §四2): failing the national-language test rejects the application outright.</summary>
public sealed class KashgarLanguageVetoTests(KashgarFactory factory) : IClassFixture<KashgarFactory>
{
    [Fact]
    public async Task Failing_the_language_test_rejects_whatever_the_other_results()
    {
        var driver = new ApplicationDriver(factory);
        var applicant = await factory.CreateApplicantAsync("kashgar");
        var id = await driver.SubmitAsync(applicant, "kashgar-directed", new JsonObject
        {
            ["name"] = "买买提·吐尔逊", ["county"] = "疏附县", ["unit"] = "疏附县农业技术推广站", ["employmentType"] = "public-institution",
            ["workplaceLevel"] = "township", ["series"] = "agriculture", ["level"] = "deputy-senior", ["kind"] = "directed", ["grassrootsYears"] = 6,
        });

        // The examiner's form must agree with the action: a "fail" over a result of 达标 is refused, naming the field.
        await driver.RunAsync(id, applicant, stopAt: "language-test");
        var examinerClient = await driver.As("kashgar-reviewer-agriculture");
        var test = (await examinerClient.GetOkAsync("/api/tasks?stage=language-test&pageSize=200"))["items"]!.AsArray().First(t => t!["applicationId"]!.GetValue<string>() == id)!;
        var refused = await ApplicationDriver.ActAsync(examinerClient, test, new JsonObject { ["action"] = "fail", ["data"] = new JsonObject { ["result"] = "pass" } });
        var problem = refused.Expect(System.Net.HttpStatusCode.UnprocessableEntity);
        var error = Assert.Single(problem["errors"]!.AsArray())!;
        Assert.Equal("/result", error["pointer"]!.GetValue<string>());
        Assert.Contains("与操作 fail 不一致", error["message"]!.GetValue<string>());

        var done = await driver.RunAsync(id, applicant, new JsonObject
        {
            ["language-test"] = new JsonObject { ["action"] = "fail", ["data"] = new JsonObject { ["result"] = "fail" } },
        });

        Assert.Equal("Rejected", done["status"]!.GetValue<string>());
        Assert.Contains("一票否决", done["reason"]!.GetValue<string>());
        Assert.Null(done["granted"]);
        var stages = ApplicationDriver.Stages(done);
        Assert.Equal("language-test", stages[^1]);
        Assert.DoesNotContain("committee-vote", stages);
        var examiner = done["timeline"]!.AsArray().Last()!;
        Assert.Equal("kashgar/agriculture", examiner["assignee"]!["org"]!.GetValue<string>());
        Assert.Equal("fail", examiner["action"]!.GetValue<string>());

        // The applicant sees the outcome; nothing waits any more.
        var mine = await (await driver.As(applicant)).GetOkAsync($"/api/applications/{id}");
        Assert.Equal("Rejected", mine["status"]!.GetValue<string>());
        Assert.Empty(mine["pendingTasks"]!.AsArray());
        Assert.Empty((await (await driver.As("kashgar-reviewer-agriculture")).GetOkAsync("/api/tasks?pageSize=200"))["items"]!.AsArray()
            .Where(t => t!["applicationId"]!.GetValue<string>() == id));
    }
}
