using System.Net;
using System.Text.Json.Nodes;
using Designer.Server.Tests.Infrastructure;

namespace Designer.Server.Tests;

/// <summary>
/// Qiaocheng 2023 (003 §四(一)): a series the district cannot evaluate goes, with the district HR's entrustment letter,
/// to the city's committee; only that committee's office returns the result, and the application continues on it.
/// </summary>
public sealed class QiaochengEntrustmentTests(QiaochengFactory factory) : IClassFixture<QiaochengFactory>
{
    private static readonly JsonObject Entrust = new()
    {
        ["entrustment"] = new JsonObject
        {
            ["action"] = "approve",
            ["data"] = new JsonObject { ["decision"] = "entrust", ["letterNumber"] = "谯人社委评〔2023〕1号", ["opinion"] = "本区暂无评审条件，同意委托评审。" },
        },
    };

    /// <summary>
    /// The applications are all submitted first, on the first day of the window: running one moves the server's clock
    /// past its publicity, and the class shares one server.
    /// </summary>
    private static readonly object Gate = new();
    private static Task<(ApplicationDriver Driver, Dictionary<string, (string Applicant, string Id)> Applications)>? _entrusted;

    private Task<(ApplicationDriver Driver, Dictionary<string, (string Applicant, string Id)> Applications)> Entrusted()
    {
        lock (Gate) return _entrusted ??= SubmitAllAsync(factory);
    }

    private static async Task<(ApplicationDriver Driver, Dictionary<string, (string Applicant, string Id)> Applications)> SubmitAllAsync(QiaochengFactory factory)
    {
        var driver = new ApplicationDriver(factory);
        var applications = new Dictionary<string, (string, string)>();
        foreach (var name in new[] { "李明", "赵静", "周涛" })
        {
            var applicant = await factory.CreateApplicantAsync("qiaocheng");
            applications[name] = (applicant, await driver.SubmitAsync(applicant, "qiaocheng-junior-evaluation", new JsonObject
            {
                ["name"] = name, ["county"] = "谯城区", ["unit"] = "亳州某科技服务有限公司", ["employmentType"] = "enterprise", ["workplaceLevel"] = "county",
                ["series"] = "tech-broker", ["level"] = "assistant", ["kind"] = "general", ["publicSubjectHours"] = 32, ["professionalSubjectHours"] = 64,
                ["laborContract"] = true,
            }));
        }
        foreach (var (applicant, id) in applications.Values)
            await driver.RunAsync(id, applicant, Entrust.DeepClone().AsObject(), stopAt: "entrusted-evaluation");
        return (driver, applications);
    }

    private async Task<(ApplicationDriver Driver, string Applicant, string Id)> EntrustedAsync(string name)
    {
        var (driver, applications) = await Entrusted();
        var (applicant, id) = applications[name];
        return (driver, applicant, id);
    }

    private static async Task<JsonNode> EntrustedTaskAsync(ApplicationDriver driver, string id) =>
        (await (await driver.As("admin")).GetOkAsync("/api/tasks?pageSize=200"))["items"]!.AsArray()
        .Single(t => t!["applicationId"]!.GetValue<string>() == id && t["stage"]!.GetValue<string>() == "entrusted-evaluation")!;

    [Fact]
    public async Task Only_the_receiving_committees_office_returns_the_result_and_a_pass_is_certified()
    {
        var (driver, applicant, id) = await EntrustedAsync("李明");
        var task = await EntrustedTaskAsync(driver, id);
        Assert.Equal("bozhou/hr", task["org"]!.GetValue<string>());

        var passed = new JsonObject { ["action"] = "pass", ["data"] = new JsonObject { ["result"] = "passed", ["resultDocument"] = "亳人社评〔2023〕12号" } };
        var byDistrict = await (await driver.As("qiaocheng-reviewer-hr")).PostAsync($"/api/tasks/{task["id"]!.GetValue<string>()}/act",
            new JsonObject { ["action"] = "pass", ["data"] = passed["data"]!.DeepClone(), ["comment"] = "同意" });
        Assert.True(byDistrict.Status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{byDistrict.Status} {byDistrict.Text}");
        Assert.Equal("entrusted-evaluation", (await EntrustedTaskAsync(driver, id))["stage"]!.GetValue<string>());

        (await ApplicationDriver.ActAsync(await driver.As("bozhou-reviewer-hr"), task, passed)).Expect(HttpStatusCode.OK);
        var done = await driver.RunAsync(id, applicant);

        Assert.Equal("Completed", done["status"]!.GetValue<string>());
        Assert.Equal("tech-broker", done["granted"]!["series"]!.GetValue<string>());
        var timeline = done["timeline"]!.AsArray();
        var entrusted = timeline.Single(e => e!["stage"]!.GetValue<string>() == "entrusted-evaluation")!;
        Assert.Equal("bozhou-reviewer-hr", entrusted["actor"]!.GetValue<string>());
        Assert.Equal("bozhou/hr", timeline.Single(e => e!["stage"]!.GetValue<string>() == "certificate")!["assignee"]!["org"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_failed_result_ends_the_application_without_a_certificate()
    {
        var (driver, applicant, id) = await EntrustedAsync("赵静");
        var task = await EntrustedTaskAsync(driver, id);
        var failed = new JsonObject
        {
            ["action"] = "fail", ["data"] = new JsonObject { ["result"] = "failed", ["resultDocument"] = "亳人社评〔2023〕13号", ["reason"] = "业绩成果未达到评价标准" },
        };
        (await ApplicationDriver.ActAsync(await driver.As("bozhou-reviewer-hr"), task, failed)).Expect(HttpStatusCode.OK);
        var done = await (await driver.As("admin")).GetOkAsync($"/api/applications/{id}");
        Assert.Equal("Rejected", done["status"]!.GetValue<string>());
        Assert.Null(done["granted"]);
    }

    [Fact]
    public async Task A_result_that_disagrees_with_the_action_is_refused_naming_the_field()
    {
        var (driver, _, id) = await EntrustedAsync("周涛");
        var task = await EntrustedTaskAsync(driver, id);
        var contradictory = new JsonObject { ["action"] = "pass", ["data"] = new JsonObject { ["result"] = "failed", ["resultDocument"] = "亳人社评〔2023〕14号" } };
        var refused = await ApplicationDriver.ActAsync(await driver.As("bozhou-reviewer-hr"), task, contradictory);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Contains("/result", refused.Text);
    }
}
