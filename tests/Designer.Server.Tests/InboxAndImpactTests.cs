using System.Net;
using System.Text.Json.Nodes;
using Designer.Server.Tests.Hardening;
using Designer.Server.Tests.Infrastructure;

namespace Designer.Server.Tests;

/// <summary>
/// The inbox at scale (paged, searched by name or number, filtered by due date and procedure; claim and unclaim on a
/// shared role) and the impact report of a policy change on the running applications.
/// </summary>
public sealed class InboxAndImpactTests(DesignerFactory factory) : IClassFixture<DesignerFactory>
{
    private readonly ApplicationDriver driver = new(factory);

    private async Task<string> PublishedReviewAsync()
    {
        var admin = await driver.As("admin");
        var definitionId = $"inbox-{Guid.NewGuid().ToString("N")[..8]}";
        (await admin.PostAsync("/api/workflows", TestWorkflows.Review(definitionId, "sample-city", "sample-city/hr", "apply"))).Expect(HttpStatusCode.Created);
        (await admin.PostAsync($"/api/workflows/{definitionId}/publish")).Expect(HttpStatusCode.OK);
        return definitionId;
    }

    [Fact]
    public async Task The_inbox_is_paged_and_searched_by_applicant_name_application_number_and_procedure()
    {
        var definitionId = await PublishedReviewAsync();
        var applicant = await factory.CreateApplicantAsync("sample-city");
        var ids = new List<string>();
        foreach (var name in new[] { "分页甲", "分页乙", "分页丙" })
            ids.Add(await driver.SubmitAsync(applicant, definitionId, new JsonObject { ["name"] = name }));
        var reviewer = await driver.As(await factory.CreateReviewerAsync("sample-city", "sample-city/hr", "reviewer"));

        var first = await reviewer.GetOkAsync($"/api/tasks?procedure={definitionId}&pageSize=2");
        Assert.Equal((3, 2, 1, 2), (first["total"]!.GetValue<int>(), first["items"]!.AsArray().Count, first["page"]!.GetValue<int>(), first["pageSize"]!.GetValue<int>()));
        var second = await reviewer.GetOkAsync($"/api/tasks?procedure={definitionId}&pageSize=2&page=2");
        Assert.Single(second["items"]!.AsArray());
        var seen = first["items"]!.AsArray().Concat(second["items"]!.AsArray()).Select(t => t!["applicationId"]!.GetValue<string>()).ToHashSet();
        Assert.Equal(ids.ToHashSet(), seen);

        var byName = (await reviewer.GetOkAsync("/api/tasks?q=分页乙"))["items"]!.AsArray();
        Assert.Equal(ids[1], Assert.Single(byName)!["applicationId"]!.GetValue<string>());
        var byNumber = (await reviewer.GetOkAsync($"/api/tasks?q={ids[2]}"))["items"]!.AsArray();
        Assert.Equal("分页丙", Assert.Single(byNumber)!["applicantName"]!.GetValue<string>());
        Assert.Empty((await reviewer.GetOkAsync($"/api/tasks?procedure={definitionId}&due=overdue"))["items"]!.AsArray());
        (await reviewer.GetAsync("/api/tasks?due=someday")).Expect((HttpStatusCode)422);
    }

    [Fact]
    public async Task A_claimed_task_shows_its_holder_and_nobody_else_acts_on_it_until_it_is_released()
    {
        var definitionId = await PublishedReviewAsync();
        var id = await driver.SubmitAsync(await factory.CreateApplicantAsync("sample-city"), definitionId, new JsonObject { ["name"] = "认领甲" });
        var (one, two) = (await factory.CreateReviewerAsync("sample-city", "sample-city/hr", "reviewer"), await factory.CreateReviewerAsync("sample-city", "sample-city/hr", "reviewer"));
        var (first, second) = (await driver.As(one), await driver.As(two));
        var task = Assert.Single((await first.GetOkAsync($"/api/tasks?q={id}"))["items"]!.AsArray())!;
        var taskId = task["id"]!.GetValue<string>();

        Assert.Equal(one, (await first.PostAsync($"/api/tasks/{taskId}/claim")).Expect(HttpStatusCode.OK)["claimedBy"]!.GetValue<string>());
        var shown = Assert.Single((await second.GetOkAsync($"/api/tasks?q={id}"))["items"]!.AsArray())!;
        Assert.Equal(one, shown["claimedBy"]!.GetValue<string>());
        Assert.False((await second.GetOkAsync($"/api/tasks/{taskId}"))["canAct"]!.GetValue<bool>());
        Assert.Contains(one, (await second.PostAsync($"/api/tasks/{taskId}/claim")).Expect(HttpStatusCode.Conflict)["detail"]!.GetValue<string>());
        (await second.PostAsync($"/api/tasks/{taskId}/unclaim")).Expect(HttpStatusCode.Conflict);
        var refused = await ApplicationDriver.ActAsync(second, task, null);
        Assert.Contains(one, refused.Expect(HttpStatusCode.Conflict)["detail"]!.GetValue<string>());

        Assert.Null((await first.PostAsync($"/api/tasks/{taskId}/unclaim")).Expect(HttpStatusCode.OK)["claimedBy"]);
        (await ApplicationDriver.ActAsync(second, task, null)).Expect(HttpStatusCode.OK);
        Assert.Equal("Completed", (await (await driver.As("admin")).GetOkAsync($"/api/applications/{id}"))["status"]!.GetValue<string>());
        var kinds = (await (await driver.As("auditor")).GetOkAsync($"/api/audit?subject=application/{id}&pageSize=200"))["items"]!.AsArray()
            .Select(e => e!["kind"]!.GetValue<string>()).ToList();
        Assert.Contains("task.claim", kinds);
        Assert.Contains("task.unclaim", kinds);
    }

    [Fact]
    public async Task A_new_task_notifies_its_reviewers_and_read_marks_clear_the_unread_count()
    {
        var definitionId = await PublishedReviewAsync();
        var reviewerName = await factory.CreateReviewerAsync("sample-city", "sample-city/hr", "reviewer");
        var id = await driver.SubmitAsync(await factory.CreateApplicantAsync("sample-city"), definitionId, new JsonObject { ["name"] = "通知甲" });
        var reviewer = await driver.As(reviewerName);
        var page = await reviewer.GetOkAsync("/api/notifications?unread=true");
        var notice = Assert.Single(page["items"]!.AsArray(), n => n!["applicationId"]!.GetValue<string>() == id)!;
        Assert.Equal("task", notice["kind"]!.GetValue<string>());
        Assert.Contains("通知甲", notice["body"]!.GetValue<string>());
        Assert.DoesNotContain(id, (await (await driver.As("kashgar-reviewer-agriculture")).GetAsync("/api/notifications")).Text);

        (await reviewer.PostAsync("/api/notifications/read", new JsonObject())).Expect((HttpStatusCode)422);
        var read = (await reviewer.PostAsync("/api/notifications/read", new JsonObject { ["all"] = true })).Expect(HttpStatusCode.OK);
        Assert.Equal(0, read["unread"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_impact_report_names_the_application_a_draft_would_change_and_the_one_it_would_not()
    {
        var admin = await driver.As("sample-city-admin");
        var definitionId = $"impact-{Guid.NewGuid().ToString("N")[..8]}";
        (await admin.PostAsync("/api/workflows", TestWorkflows.Review(definitionId, "sample-city", "sample-city/hr", "apply"))).Expect(HttpStatusCode.Created);
        var published = (await admin.PostAsync($"/api/workflows/{definitionId}/publish")).Expect(HttpStatusCode.OK);
        var applicant = await factory.CreateApplicantAsync("sample-city");
        var changed = await driver.SubmitAsync(applicant, definitionId, new JsonObject { ["name"] = "影响甲" });
        var unchanged = await driver.SubmitAsync(applicant, definitionId, new JsonObject { ["name"] = "影响乙" });

        var draft = (await admin.PutAsync($"/api/workflows/{definitionId}/draft", new JsonObject
        {
            ["definition"] = TestWorkflows.ReviewRejecting(definitionId, "sample-city", "sample-city/hr", "影响甲"),
            ["baseVersion"] = 1, ["concurrencyToken"] = published["concurrencyToken"]!.GetValue<string>(),
        })).Expect(HttpStatusCode.OK);
        Assert.Equal(2, draft["version"]!.GetValue<int>());

        var report = (await admin.PostAsync($"/api/workflows/{definitionId}/impact", new JsonObject())).Expect(HttpStatusCode.OK);
        Assert.Equal((2, 2, 1), (report["toVersion"]!.GetValue<int>(), report["running"]!.GetValue<int>(), report["changed"]!.GetValue<int>()));
        var rows = report["items"]!.AsArray();
        var hit = rows.Single(r => r!["applicationId"]!.GetValue<string>() == changed)!;
        Assert.True(hit["changed"]!.GetValue<bool>() && hit["outcomeChanged"]!.GetValue<bool>());
        Assert.Equal(("Completed", "Rejected"), (hit["fromStatus"]!.GetValue<string>(), hit["toStatus"]!.GetValue<string>()));
        Assert.Equal("hr-review", hit["fromStep"]!["stage"]!.GetValue<string>());
        Assert.NotNull(hit["divergesAtStep"]);
        Assert.False(rows.Single(r => r!["applicationId"]!.GetValue<string>() == unchanged)!["changed"]!.GetValue<bool>());
        Assert.Equal(changed, rows[0]!["applicationId"]!.GetValue<string>());

        var csv = await admin.Http.GetAsync($"/api/workflows/{definitionId}/impact.csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.Contains("影响甲", text);
        Assert.Contains("申报编号", text);
        // Running applications are untouched by the report.
        Assert.Equal("Waiting", (await admin.GetOkAsync($"/api/applications/{changed}"))["status"]!.GetValue<string>());
        (await (await driver.As("kashgar-admin")).PostAsync($"/api/workflows/{definitionId}/impact", new JsonObject())).Expect(HttpStatusCode.NotFound);
    }
}
