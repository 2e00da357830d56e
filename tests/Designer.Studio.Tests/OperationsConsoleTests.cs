using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Designer.Forms;
using Designer.Persistence.Entities;
using Designer.Studio.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Designer.Studio.Tests.Infrastructure.Flows;

namespace Designer.Studio.Tests;

/// <summary>
/// 运行监控: an operator sees why an application faulted, retries the step once the cause is gone, sees that its next
/// task is stuck (nobody holds its role) and reassigns it; each action asks for a reason and lands in the audit trail.
/// </summary>
[Collection(StudioCollection.Name)]
public sealed class OperationsConsoleTests(StudioServer server, Browser browser, ITestOutputHelper output)
{
    private readonly StudioWorld world = new(server);

    [BrowserFact]
    public async Task An_operator_retries_a_faulted_application_and_reassigns_its_stuck_task()
    {
        // The gate's script faults until a moment just ahead (the server runs on the real clock); its review waits for
        // the role "examiner", which no sample-city reviewer holds.
        var opensAt = DateTimeOffset.UtcNow.AddSeconds(40);
        var definitionId = "ops-ui-" + Guid.NewGuid().ToString("N")[..6];
        using var admin = await world.SignInAsync("admin");
        await StudioWorld.ExpectAsync(await admin.PostAsJsonAsync("/api/workflows", GatedWorkflow(definitionId, opensAt)));
        // Published while an examiner holds the step (no orphan steps), who then leaves: nobody can act on it.
        var examiner = await world.CreateUserAsync("sample-city", "reviewer", "sample-city/hr", "examiner");
        await StudioWorld.ExpectAsync(await admin.PostAsync($"/api/workflows/{definitionId}/publish", null));
        await StudioWorld.ExpectAsync(await admin.PutAsJsonAsync($"/api/users/{examiner}", new { disabled = true }));
        var applicantUser = await world.CreateUserAsync("sample-city", "applicant");
        var reviewerUser = await world.CreateUserAsync("sample-city", "reviewer", "sample-city/hr", "reviewer");
        using var applicant = await world.SignInAsync(applicantUser);
        var form = await StudioWorld.ExpectAsync(await applicant.GetAsync("/api/forms/apply"));
        var data = FileFormCatalog.FromJson([new("apply", (((form["resolvedSchema"] ?? form["schema"])!).ToJsonString(), (string?)null))]).MinimalValid("apply");
        data["name"] = "运维甲";
        await StudioWorld.NameRegisteredUnitAsync(applicant, "sample-city", data);
        var submitted = await StudioWorld.ExpectAsync(await applicant.PostAsJsonAsync("/api/applications", new JsonObject { ["definitionId"] = definitionId, ["data"] = data }));
        var id = submitted["id"]!.GetValue<string>();
        Assert.Equal("Faulted", submitted["status"]!.GetValue<string>());

        await using var studio = await StudioSession.SignInAsync(browser, server, "sample-city-admin", output);
        var page = studio.Page;
        await studio.GoAsync("/operations");
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "搜索" }).FillAsync(id);
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        var row = page.Locator($"tr[data-application-id='{id}']");
        await page.Locator($"tr[data-application-id='{id}'][data-health='faulted']").WaitForAsync();
        var why = await row.Locator("td.why").InnerTextAsync();
        Assert.Contains("评审通道尚未开放", why);
        Assert.DoesNotContain("Error", why);
        await studio.ScreenshotAsync("operations-faulted");

        // A retry needs a reason: the dialog's 确定 stays disabled until one is given.
        var wait = opensAt - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero) await Task.Delay(wait + TimeSpan.FromSeconds(1));
        await row.GetByRole(AriaRole.Button, new() { Name = "重试" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "重试故障步骤" });
        Assert.True(await dialog.GetByRole(AriaRole.Button, new() { Name = "确定" }).IsDisabledAsync());
        await dialog.Locator("#ops-reason").FillAsync("评审通道已开放，重新执行");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();
        await page.Locator($"tr[data-application-id='{id}'][data-health='stuck']").WaitForAsync();
        var stuck = await row.Locator("td.why").InnerTextAsync();
        Assert.Contains("没有可以办理的在岗人员", stuck);
        Assert.DoesNotContain("sample-city", stuck);

        await row.GetByRole(AriaRole.Button, new() { Name = "改派" }).ClickAsync();
        dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "改派待办" });
        await dialog.Locator("#ops-role").SelectOptionAsync("reviewer");
        await dialog.Locator("#ops-reason").FillAsync("考官岗位空缺，改由审核人办理");
        await studio.ScreenshotAsync("operations-reassign-dialog");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();
        await page.Locator($"tr[data-application-id='{id}'][data-health='ok']").WaitForAsync();
        Assert.Contains("审核人", await row.Locator("td").Nth(2).InnerTextAsync());
        Assert.Equal("", (await row.Locator("td.why").InnerTextAsync()).Trim());
        Artifacts.CopyToDocs(await studio.ScreenshotAsync("operations-reassigned"), "operations.png");

        // The reviewer now has the task (and was told); the audit trail keeps both actions with their reasons.
        using var reviewer = await world.SignInAsync(reviewerUser);
        var inbox = await StudioWorld.ExpectAsync(await reviewer.GetAsync($"/api/tasks?q={id}"));
        Assert.Single(inbox["items"]!.AsArray());
        using var auditor = await world.SignInAsync("auditor");
        var trail = (await StudioWorld.ExpectAsync(await auditor.GetAsync($"/api/audit?subject=application/{id}&pageSize=200")))["items"]!.AsArray();
        Assert.Contains(trail, e => e!["kind"]!.GetValue<string>() == "application.retry" && e["data"]!["reason"]!.GetValue<string>() == "评审通道已开放，重新执行");
        Assert.Contains(trail, e => e!["kind"]!.GetValue<string>() == "task.reassign" && e["actor"]!.GetValue<string>() == "sample-city-admin");
        Assert.Empty(studio.PageErrors);
    }

    /// <summary>apply → gate (faults before opensAt) → review by sample-city/hr in the role examiner → completed.</summary>
    private static JsonObject GatedWorkflow(string definitionId, DateTimeOffset opensAt) => new()
    {
        ["definitionId"] = definitionId, ["name"] = "测试：定时开放的审核", ["customProperties"] = new JsonObject { ["locality"] = "sample-city" },
        ["root"] = new JsonObject
        {
            ["type"] = "Elsa.Flowchart", ["id"] = "root",
            ["activities"] = new JsonArray(
                new JsonObject { ["id"] = "start", ["type"] = "Elsa.Start" },
                Step("apply", "apply", "applicant", "applicant", ["approve"], "apply"),
                new JsonObject
                {
                    ["id"] = "gate", ["type"] = "Elsa.FlowDecision", ["metadata"] = new JsonObject { ["displayText"] = "评审通道" },
                    ["condition"] = new JsonObject { ["expression"] = new JsonObject { ["type"] = "JavaScript", ["value"] =
                        $"if (new Date() < new Date('{opensAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}')) throw new Error('评审通道尚未开放'); return true;" } },
                },
                Step("review", "hr-review", "sample-city/hr", "examiner", ["approve"], "review-opinion"),
                new JsonObject { ["id"] = "end", ["type"] = "Titles.Conclude", ["result"] = Literal("Completed") }),
            ["connections"] = new JsonArray(
                Connect("start", "Done", "apply"), Connect("apply", "approve", "gate"), Connect("gate", "True", "review"),
                Connect("gate", "False", "end"), Connect("review", "approve", "end")),
        },
    };
}
