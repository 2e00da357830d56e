using System.Net;
using System.Text.Json.Nodes;
using Designer.Server.Tests.Infrastructure;

namespace Designer.Server.Tests;

/// <summary>
/// A Bazhou deputy-senior teacher through the education bureau (001 §三(二)), over HTTP as the demo users: submit,
/// unit recommendation and publicity, sector review, scoring and defence, a committee session, result publicity,
/// prefecture HR audit, region filing, certificate.
/// </summary>
public sealed class BazhouLifecycleTests(BazhouFactory factory) : IClassFixture<BazhouFactory>
{
    private static JsonObject Teacher(string name) => new()
    {
        ["name"] = name, ["county"] = "和静县", ["unit"] = "和静县第二中学", ["employmentType"] = "public-institution",
        ["workplaceLevel"] = "prefecture", ["series"] = "teacher", ["level"] = "deputy-senior", ["kind"] = "directed",
        ["grassrootsYears"] = 8, ["competentDepartment"] = "education",
    };

    [Fact]
    public async Task Deputy_senior_teacher_is_granted_a_directed_title_through_the_education_bureau()
    {
        var driver = new ApplicationDriver(factory);
        var applicant = await factory.CreateApplicantAsync("bazhou");
        var id = await driver.SubmitAsync(applicant, "bazhou-directed-deputy-senior", Teacher("李明"));

        var atVote = await driver.RunAsync(id, applicant, Answers(), stopAt: "committee-vote");
        Assert.True(atVote["status"]!.GetValue<string>() == "Waiting", atVote.ToJsonString());

        // Only the education bureau sees the vote; the health commission does not.
        var education = await driver.As("bazhou-reviewer-education");
        var inbox = (await education.GetOkAsync("/api/tasks?stage=committee-vote&pageSize=200"))["items"]!.AsArray();
        Assert.Contains(inbox, t => t!["applicationId"]!.GetValue<string>() == id);
        var health = await driver.As("bazhou-reviewer-health");
        Assert.DoesNotContain((await health.GetOkAsync("/api/tasks?pageSize=200"))["items"]!.AsArray(), t => t!["applicationId"]!.GetValue<string>() == id);

        // The committee meets: one session, votes recorded, closed.
        var session = (await education.PostAsync("/api/committee-sessions", new JsonObject())).Expect(HttpStatusCode.Created);
        var sessionId = session["id"]!.GetValue<string>();
        Assert.Contains(session["candidates"]!.AsArray(), c => c!["applicationId"]!.GetValue<string>() == id);
        foreach (var candidate in session["candidates"]!.AsArray())
            (await education.PostAsync($"/api/committee-sessions/{sessionId}/votes", new JsonObject
            {
                ["applicationId"] = candidate!["applicationId"]!.GetValue<string>(), ["for"] = 6, ["against"] = 1, ["abstain"] = 0,
            })).Expect(HttpStatusCode.OK);
        var closed = (await education.PostAsync($"/api/committee-sessions/{sessionId}/close")).Expect(HttpStatusCode.OK);
        Assert.Equal("closed", closed["status"]!.GetValue<string>());
        Assert.Equal("passed", closed["candidates"]!.AsArray().Single(c => c!["applicationId"]!.GetValue<string>() == id)!["decision"]!.GetValue<string>());

        // Result publicity: public, the name masked.
        var notices = (await factory.Client().GetOkAsync("/api/public/publicity?locality=bazhou"))["items"]!.AsArray();
        var notice = notices.Single(n => n!["stage"]!.GetValue<string>() == "result-publicity");
        Assert.Equal("李*", notice!["name"]!.GetValue<string>());
        Assert.DoesNotContain("李明", notices.ToJsonString());

        var done = await driver.RunAsync(id, applicant, Answers());
        Assert.Equal("Completed", done["status"]!.GetValue<string>());
        Assert.Equal(
            ["apply", "eligibility", "political-review", "unit-recommend", "unit-publicity", "competent-review", "scoring", "defence", "committee-vote",
             "result-publicity", "approval", "filing", "certificate", "appointment"],
            ApplicationDriver.Stages(done));
        var granted = done["granted"]!;
        Assert.True(granted["directed"]!.GetValue<bool>());
        Assert.Equal("southern Xinjiang", granted["validIn"]!.GetValue<string>());

        // The applicant sees the same timeline; anyone can verify the certificate.
        var mine = await (await driver.As(applicant)).GetOkAsync($"/api/applications/{id}");
        Assert.Contains(mine["timeline"]!.AsArray(), e => e!["stage"]!.GetValue<string>() == "competent-review"
            && e["assignee"]!["org"]!.GetValue<string>() == "bazhou/education" && e["stageName"]!.GetValue<string>() == "主管部门审核");
        var certificate = await factory.Client().GetOkAsync($"/api/public/certificates/{granted["number"]!.GetValue<string>()}");
        Assert.Equal("teacher", certificate["series"]!.GetValue<string>());
        Assert.Equal("李*", certificate["holder"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_task_acted_on_twice_is_acted_on_once()
    {
        var driver = new ApplicationDriver(factory);
        var id = await driver.SubmitAsync(await factory.CreateApplicantAsync("bazhou"), "bazhou-directed-deputy-senior", Teacher("王芳"));
        var unit = await driver.As("unit-reviewer-bazhou");
        var task = (await unit.GetOkAsync("/api/tasks?stage=political-review&pageSize=200"))["items"]!.AsArray().First(t => t!["applicationId"]!.GetValue<string>() == id)!;

        (await ApplicationDriver.ActAsync(unit, task, null)).Expect(HttpStatusCode.OK);
        var again = await ApplicationDriver.ActAsync(unit, task, null);
        again.Expect(HttpStatusCode.Conflict);
        Assert.Equal("application/problem+json", again.MediaType);
    }

    [Fact]
    public async Task Form_errors_come_back_per_field_in_Chinese_and_nothing_is_saved()
    {
        var applicant = await new ApplicationDriver(factory).As(await factory.CreateApplicantAsync("bazhou"));
        var before = (await applicant.GetOkAsync("/api/applications"))["total"]!.GetValue<int>();
        var data = Teacher("赵");
        data.Remove("unit");
        var response = await applicant.PostAsync("/api/applications", new JsonObject { ["definitionId"] = "bazhou-directed-deputy-senior", ["data"] = data });
        var problem = response.Expect((HttpStatusCode)422);
        var errors = problem["errors"]!.AsArray();
        Assert.True(errors.Any(e => e!["path"]!.GetValue<string>().Contains("unit")), errors.ToJsonString());
        Assert.All(errors, e => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", e!["message"]!.GetValue<string>()));
        Assert.Equal(before, (await applicant.GetOkAsync("/api/applications"))["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_applicant_answers_a_correction_request_and_a_missed_deadline_withdraws()
    {
        var driver = new ApplicationDriver(factory);
        var applicant = await factory.CreateApplicantAsync("bazhou");
        var id = await driver.SubmitAsync(applicant, "bazhou-directed-deputy-senior", Teacher("孙丽"));
        var returned = new JsonObject { ["competent-review"] = ReturnForCorrection() };
        await driver.RunAsync(id, applicant, returned, stopAt: "correction");

        // The correction request is the applicant's own task, shown with the application.
        var mine = await driver.As(applicant);
        var detail = await mine.GetOkAsync($"/api/applications/{id}");
        var correction = detail["pendingTasks"]!.AsArray().Single()!;
        Assert.Equal("correction", correction["stage"]!.GetValue<string>());
        Assert.NotNull(correction["dueDate"]);
        Assert.Contains((await mine.GetOkAsync("/api/tasks?pageSize=200"))["items"]!.AsArray(), t => t!["id"]!.GetValue<string>() == correction["id"]!.GetValue<string>());
        (await ApplicationDriver.ActAsync(mine, correction, null)).Expect(HttpStatusCode.OK);

        var after = await driver.RunAsync(id, applicant, stopAt: "scoring");
        Assert.Equal(["competent-review", "correction", "competent-review"],
            ApplicationDriver.Stages(after).Where(s => s is "competent-review" or "correction"));

        // A second applicant lets the deadline pass: withdrawn.
        var late = await factory.CreateApplicantAsync("bazhou");
        var lateId = await driver.SubmitAsync(late, "bazhou-directed-deputy-senior", Teacher("钱多"));
        var withdrawn = await driver.RunAsync(lateId, late, new JsonObject
        {
            ["competent-review"] = ReturnForCorrection(), ["correction"] = new JsonObject { ["action"] = "overdue" },
        });
        Assert.Equal("Withdrawn", withdrawn["status"]!.GetValue<string>());
    }

    /// <summary>A return lists what to correct, all at once (一次性告知): the form's gate refuses a return without the list.</summary>
    private static JsonObject ReturnForCorrection() => new()
    {
        ["action"] = "return",
        ["data"] = new JsonObject { ["correctionItems"] = new JsonArray(new JsonObject { ["item"] = "学信网学历验证报告" }) },
    };

    private static JsonObject Answers() => new()
    {
        ["scoring"] = new JsonObject { ["action"] = "approve", ["data"] = new JsonObject { ["morality"] = 9, ["performance"] = 25, ["achievements"] = 22, ["ability"] = 16 } },
    };
}
