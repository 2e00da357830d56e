using System.Net;
using System.Text.Json.Nodes;
using Designer.Server.Tests.Infrastructure;

namespace Designer.Server.Tests.Hardening;

/// <summary>
/// Task roles decide who acts: a reviewer of the committee's organisation without the committee role cannot vote in or
/// close its session (issue 13 item 1), and a reviewer without any task role acts on no step (item 2).
/// </summary>
public sealed class TaskRoleTests(BazhouFactory factory) : IClassFixture<BazhouFactory>
{
    public static JsonObject Teacher(string name, string unit = "和静县第五中学") => new()
    {
        ["name"] = name, ["county"] = "和静县", ["unit"] = unit, ["employmentType"] = "public-institution",
        ["workplaceLevel"] = "prefecture", ["series"] = "teacher", ["level"] = "deputy-senior", ["kind"] = "directed",
        ["grassrootsYears"] = 6, ["competentDepartment"] = "education",
    };

    [Fact]
    public async Task A_department_reviewer_without_the_committee_role_can_neither_vote_nor_close_a_session()
    {
        var driver = new ApplicationDriver(factory);
        var applicant = await factory.CreateApplicantAsync("bazhou");
        var id = await driver.SubmitAsync(applicant, "bazhou-directed-deputy-senior", Teacher("钱进"));
        await driver.RunAsync(id, applicant, stopAt: "committee-vote");
        var committee = await driver.As("bazhou-reviewer-education");
        var session = (await committee.PostAsync("/api/committee-sessions", new JsonObject())).Expect(HttpStatusCode.Created);
        var sessionId = session["id"]!.GetValue<string>();

        var clerk = await factory.SignInAsync(await factory.CreateReviewerAsync("bazhou", "bazhou/education", "reviewer"));
        var vote = new JsonObject { ["applicationId"] = id, ["for"] = 7, ["against"] = 0, ["abstain"] = 0 };
        Assert.Contains((await clerk.PostAsync($"/api/committee-sessions/{sessionId}/votes", vote)).Status, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
        Assert.Contains((await clerk.PostAsync($"/api/committee-sessions/{sessionId}/close")).Status, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
        (await clerk.GetAsync($"/api/committee-sessions/{sessionId}")).Expect(HttpStatusCode.NotFound);
        Assert.DoesNotContain(sessionId, (await clerk.GetAsync("/api/committee-sessions")).Text);
        (await clerk.PostAsync("/api/committee-sessions", new JsonObject())).Expect((HttpStatusCode)422);

        var unchanged = await committee.GetOkAsync($"/api/committee-sessions/{sessionId}");
        Assert.Equal("open", unchanged["status"]!.GetValue<string>());
        Assert.All(unchanged["candidates"]!.AsArray(), c => Assert.False(c!["voted"]!.GetValue<bool>()));
        var detail = await (await driver.As("admin")).GetOkAsync($"/api/applications/{id}");
        Assert.Contains(detail["waitingAt"]!.AsArray(), w => w!["stage"]!.GetValue<string>() == "committee-vote");

        // The committee member can: the refusal above is the role, not the route.
        (await committee.PostAsync($"/api/committee-sessions/{sessionId}/votes", vote)).Expect(HttpStatusCode.OK);
        foreach (var other in unchanged["candidates"]!.AsArray().Select(c => c!["applicationId"]!.GetValue<string>()).Where(a => a != id))
            (await committee.PostAsync($"/api/committee-sessions/{sessionId}/votes", new JsonObject { ["applicationId"] = other, ["for"] = 7, ["against"] = 0, ["abstain"] = 0 }))
                .Expect(HttpStatusCode.OK);
        Assert.Equal("closed", (await committee.PostAsync($"/api/committee-sessions/{sessionId}/close")).Expect(HttpStatusCode.OK)["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_reviewer_without_task_roles_acts_on_no_step()
    {
        var driver = new ApplicationDriver(factory);
        var applicant = await factory.CreateApplicantAsync("bazhou");
        var id = await driver.SubmitAsync(applicant, "bazhou-directed-deputy-senior", Teacher("孔亮", "和静县第六中学"));
        await driver.RunAsync(id, applicant, stopAt: "competent-review");
        var education = await driver.As("bazhou-reviewer-education");
        var task = (await education.GetOkAsync("/api/tasks?stage=competent-review&pageSize=200"))["items"]!.AsArray().Single(t => t!["applicationId"]!.GetValue<string>() == id)!;
        var taskId = task["id"]!.GetValue<string>();

        var roleless = await factory.SignInAsync(await factory.CreateReviewerAsync("bazhou", "bazhou/education", ""));
        Assert.Empty((await roleless.GetOkAsync("/api/auth/me"))["taskRoles"]!.AsArray());
        Assert.DoesNotContain(taskId, (await roleless.GetAsync("/api/tasks")).Text);
        (await roleless.GetAsync($"/api/tasks/{taskId}")).Expect(HttpStatusCode.NotFound);
        (await roleless.PostAsync($"/api/tasks/{taskId}/act", new JsonObject { ["action"] = "approve", ["data"] = new JsonObject(), ["comment"] = "同意" }))
            .Expect(HttpStatusCode.NotFound);
        (await roleless.GetAsync($"/api/applications/{id}")).Expect(HttpStatusCode.NotFound);

        var detail = await (await driver.As("admin")).GetOkAsync($"/api/applications/{id}");
        Assert.Contains(detail["waitingAt"]!.AsArray(), w => w!["stage"]!.GetValue<string>() == "competent-review");
        Assert.DoesNotContain(detail["timeline"]!.AsArray(), e => e!["stage"]!.GetValue<string>() == "competent-review");
        (await ApplicationDriver.ActAsync(education, task, null)).Expect(HttpStatusCode.OK);
    }
}
