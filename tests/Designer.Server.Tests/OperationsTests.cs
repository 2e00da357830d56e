using System.Net;
using System.Text.Json.Nodes;
using Designer.Engine.Runtime;
using Designer.Server.Tests.Hardening;
using Designer.Server.Tests.Infrastructure;

namespace Designer.Server.Tests;

/// <summary>
/// The operations console on sample-city applications: why a faulted or stuck application cannot move on, and the
/// operator's retry, reassign, move and cancel, each refused without a reason and audited with it; the applicant's withdraw.
/// </summary>
public sealed class OperationsTests(DesignerFactory factory) : IClassFixture<DesignerFactory>
{
    private readonly ApplicationDriver driver = new(factory);
    /// <summary>
    /// A gated workflow (its gate faults until the day that is opensInDays from the server's today; then its review waits
    /// for the given role of sample-city/hr), published, and one application on it.
    /// </summary>
    private async Task<(string DefinitionId, string ApplicationId, string Applicant)> FaultedAsync(string role = "examiner", int opensInDays = 3)
    {
        var opens = ChinaTime.DateOf(factory.Clock.Now).AddDays(opensInDays);
        var admin = await driver.As("admin");
        var definitionId = $"ops-{Guid.NewGuid().ToString("N")[..8]}";
        (await admin.PostAsync("/api/workflows", TestWorkflows.Gated(definitionId, "sample-city/hr", role, opens))).Expect(HttpStatusCode.Created);
        // Published while someone holds the step (no orphan steps), who then leaves: only the demo world's holders remain.
        var holder = $"ops-holder-{definitionId[4..]}";
        (await admin.PostAsync("/api/users", new JsonObject
        {
            ["userName"] = holder, ["displayName"] = "离岗人员", ["password"] = DesignerFactory.Password, ["roles"] = new JsonArray("reviewer"),
            ["locality"] = "sample-city", ["org"] = "sample-city/hr", ["taskRoles"] = new JsonArray(role),
        })).Expect(HttpStatusCode.Created);
        (await admin.PostAsync($"/api/workflows/{definitionId}/publish")).Expect(HttpStatusCode.OK);
        (await admin.PutAsync($"/api/users/{holder}", new JsonObject { ["disabled"] = true })).Expect(HttpStatusCode.OK);
        var applicant = await factory.CreateApplicantAsync("sample-city");
        var id = await driver.SubmitAsync(applicant, definitionId, new JsonObject { ["name"] = "运维甲" });
        return (definitionId, id, applicant);
    }

    private async Task<JsonNode> RowAsync(ApiClient client, string id) => await client.GetOkAsync($"/api/operations/instances/{id}");

    private async Task<JsonArray> AuditAsync(string id) =>
        (await (await driver.As("auditor")).GetOkAsync($"/api/audit?subject=application/{id}&pageSize=200"))["items"]!.AsArray();

    [Fact]
    public async Task A_faulted_application_says_why_in_Chinese_and_a_retry_with_a_reason_runs_the_step_again()
    {
        var opens = ChinaTime.DateOf(factory.Clock.Now).AddDays(3);
        var (_, id, _) = await FaultedAsync();
        var operator_ = await driver.As("sample-city-admin");
        var row = await RowAsync(operator_, id);
        Assert.Equal(("Faulted", "faulted"), (row["status"]!.GetValue<string>(), row["health"]!.GetValue<string>()));
        var why = row["why"]!.GetValue<string>();
        Assert.Contains($"评审通道 {opens:M 月 d 日}开放", why);
        Assert.DoesNotContain("Error", why);
        Assert.DoesNotContain("(", why);
        Assert.Contains((await operator_.GetOkAsync("/api/operations/instances?status=Faulted&pageSize=200"))["items"]!.AsArray(), r => r!["id"]!.GetValue<string>() == id);

        var noReason = (await operator_.PostAsync($"/api/operations/instances/{id}/retry", new JsonObject())).Expect((HttpStatusCode)422);
        Assert.Equal("$.reason", noReason["errors"]![0]!["path"]!.GetValue<string>());
        Assert.Equal("Faulted", (await RowAsync(operator_, id))["status"]!.GetValue<string>());

        // Before the gate opens a retry faults again; once it has, the step runs and the review opens.
        var early = (await operator_.PostAsync($"/api/operations/instances/{id}/retry", new JsonObject { ["reason"] = "确认通道状态" })).Expect(HttpStatusCode.OK);
        Assert.Equal("Faulted", early["status"]!.GetValue<string>());
        factory.Clock.AdvanceTo(ChinaTime.StartOf(opens).AddHours(9));
        var retried = (await operator_.PostAsync($"/api/operations/instances/{id}/retry", new JsonObject { ["reason"] = "评审通道已开放" })).Expect(HttpStatusCode.OK);
        Assert.Equal("Waiting", retried["status"]!.GetValue<string>());
        Assert.Equal("hr-review", retried["currentSteps"]![0]!["stage"]!.GetValue<string>());

        var retries = (await AuditAsync(id)).Where(e => e!["kind"]!.GetValue<string>() == "application.retry").ToList();
        Assert.Equal(2, retries.Count);
        Assert.Contains(retries, e => e!["data"]!["reason"]!.GetValue<string>() == "评审通道已开放" && e["actor"]!.GetValue<string>() == "sample-city-admin");
        (await operator_.PostAsync($"/api/operations/instances/{id}/retry", new JsonObject { ["reason"] = "再试" })).Expect(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_task_nobody_can_act_on_is_stuck_until_it_is_reassigned_and_its_new_holders_are_notified()
    {
        var (_, id, _) = await FaultedAsync(role: "examiner", opensInDays: 0);
        var operator_ = await driver.As("sample-city-admin");
        Assert.Equal("Waiting", (await RowAsync(operator_, id))["status"]!.GetValue<string>());
        var row = await RowAsync(operator_, id);
        Assert.Equal("stuck", row["health"]!.GetValue<string>());
        Assert.Contains("没有可以办理的在岗人员", row["why"]!.GetValue<string>());
        Assert.Contains((await operator_.GetOkAsync("/api/operations/instances?status=Stuck&pageSize=200"))["items"]!.AsArray(), r => r!["id"]!.GetValue<string>() == id);
        var taskId = row["currentSteps"]![0]!["taskId"]!.GetValue<string>();

        var reassign = $"/api/operations/tasks/{taskId}/reassign";
        (await operator_.PostAsync(reassign, new JsonObject { ["role"] = "reviewer" })).Expect((HttpStatusCode)422);
        Assert.Equal("$.role", (await operator_.PostAsync(reassign, new JsonObject { ["role"] = "boss", ["reason"] = "x" })).Expect((HttpStatusCode)422)["errors"]![0]!["path"]!.GetValue<string>());
        Assert.Equal("$.userName", (await operator_.PostAsync(reassign, new JsonObject { ["userName"] = "kashgar-admin", ["reason"] = "x" })).Expect((HttpStatusCode)422)["errors"]![0]!["path"]!.GetValue<string>());

        var reviewer = await factory.CreateReviewerAsync("sample-city", "sample-city/hr", "reviewer");
        var done = (await operator_.PostAsync(reassign, new JsonObject { ["role"] = "reviewer", ["reason"] = "考官岗位空缺，改由审核人办理" })).Expect(HttpStatusCode.OK);
        Assert.Equal("ok", done["health"]!.GetValue<string>());

        var clerk = await driver.As(reviewer);
        Assert.Contains((await clerk.GetOkAsync($"/api/tasks?q={id}"))["items"]!.AsArray(), t => t!["id"]!.GetValue<string>() == taskId);
        var notifications = await clerk.GetOkAsync("/api/notifications");
        Assert.True(notifications["unread"]!.GetValue<int>() >= 1);
        Assert.Contains(notifications["items"]!.AsArray(), n => n!["taskId"]?.GetValue<string>() == taskId && n["kind"]!.GetValue<string>() == "task");
        var entry = Assert.Single(await AuditAsync(id), e => e!["kind"]!.GetValue<string>() == "task.reassign")!;
        Assert.Equal("考官岗位空缺，改由审核人办理", entry["data"]!["reason"]!.GetValue<string>());
        Assert.Equal("examiner", entry["data"]!["before"]!["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task Move_goes_only_to_a_step_of_the_definition_and_cancel_ends_the_application()
    {
        var (_, id, _) = await FaultedAsync(role: "reviewer");
        var operator_ = await driver.As("admin");
        var move = $"/api/operations/instances/{id}/move";
        Assert.Contains("nope", (await operator_.PostAsync(move, new JsonObject { ["toActivityId"] = "nope", ["reason"] = "x" })).Expect((HttpStatusCode)422)["detail"]!.GetValue<string>());
        Assert.Equal("$.toActivityId", (await operator_.PostAsync(move, new JsonObject { ["toActivityId"] = "gate", ["reason"] = "x" })).Expect((HttpStatusCode)422)["errors"]![0]!["path"]!.GetValue<string>());
        (await operator_.PostAsync(move, new JsonObject { ["toActivityId"] = "review" })).Expect((HttpStatusCode)422);

        var moved = (await operator_.PostAsync(move, new JsonObject { ["toActivityId"] = "review", ["reason"] = "跳过定时闸门" })).Expect(HttpStatusCode.OK);
        Assert.Equal("Waiting", moved["status"]!.GetValue<string>());
        Assert.Equal("review", moved["currentSteps"]![0]!["activityId"]!.GetValue<string>());

        var cancel = $"/api/operations/instances/{id}/cancel";
        (await operator_.PostAsync(cancel, new JsonObject { ["reason"] = " " })).Expect((HttpStatusCode)422);
        var cancelled = (await operator_.PostAsync(cancel, new JsonObject { ["reason"] = "申报人已调离" })).Expect(HttpStatusCode.OK);
        Assert.Equal(("Cancelled", 0), (cancelled["status"]!.GetValue<string>(), cancelled["currentSteps"]!.AsArray().Count));
        (await operator_.PostAsync(cancel, new JsonObject { ["reason"] = "再次" })).Expect(HttpStatusCode.Conflict);
        var kinds = (await AuditAsync(id)).Select(e => e!["kind"]!.GetValue<string>()).ToList();
        Assert.Contains("application.move", kinds);
        Assert.Contains("application.cancel", kinds);
    }

    [Fact]
    public async Task The_applicant_withdraws_only_their_own_running_application_with_a_reason()
    {
        var (_, id, applicant) = await FaultedAsync(role: "reviewer", opensInDays: 0);
        var other = await driver.As(await factory.CreateApplicantAsync("sample-city"));
        (await other.PostAsync($"/api/applications/{id}/withdraw", new JsonObject { ["reason"] = "x" })).Expect(HttpStatusCode.NotFound);
        var own = await driver.As(applicant);
        (await own.PostAsync($"/api/applications/{id}/withdraw", new JsonObject())).Expect((HttpStatusCode)422);
        var withdrawn = (await own.PostAsync($"/api/applications/{id}/withdraw", new JsonObject { ["reason"] = "今年不再申报" })).Expect(HttpStatusCode.OK);
        Assert.Equal("Withdrawn", withdrawn["status"]!.GetValue<string>());
        (await own.PostAsync($"/api/applications/{id}/withdraw", new JsonObject { ["reason"] = "再次" })).Expect(HttpStatusCode.Conflict);
        Assert.Contains(await AuditAsync(id), e => e!["kind"]!.GetValue<string>() == "application.withdraw" && e["data"]!["reason"]!.GetValue<string>() == "今年不再申报");
    }

    [Fact]
    public async Task A_locality_admin_sees_and_operates_only_their_locality_and_the_auditor_only_reads()
    {
        var (_, id, _) = await FaultedAsync();
        var kashgar = await driver.As("kashgar-admin");
        Assert.DoesNotContain(id, (await kashgar.GetAsync("/api/operations/instances?pageSize=200")).Text);
        Assert.DoesNotContain(id, (await kashgar.GetAsync("/api/operations/instances?locality=sample-city&pageSize=200")).Text);
        (await kashgar.GetAsync($"/api/operations/instances/{id}")).Expect(HttpStatusCode.NotFound);
        (await kashgar.PostAsync($"/api/operations/instances/{id}/cancel", new JsonObject { ["reason"] = "x" })).Expect(HttpStatusCode.NotFound);
        var auditor = await driver.As("auditor");
        (await auditor.GetAsync($"/api/operations/instances/{id}")).Expect(HttpStatusCode.OK);
        (await auditor.PostAsync($"/api/operations/instances/{id}/cancel", new JsonObject { ["reason"] = "x" })).Expect(HttpStatusCode.Forbidden);

        var page = await (await driver.As("admin")).GetOkAsync("/api/operations/instances?locality=sample-city&pageSize=1&page=1");
        Assert.Equal((1, 1), (page["items"]!.AsArray().Count, page["pageSize"]!.GetValue<int>()));
        Assert.True(page["total"]!.GetValue<int>() >= 1);
        (await auditor.GetAsync("/api/operations/instances?waitingDays=-1")).Expect((HttpStatusCode)422);
    }
}
