using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Designer.Studio.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Designer.Studio.Tests.Infrastructure.Flows;

namespace Designer.Studio.Tests;

/// <summary>
/// What the Chinese UI shows in place of codes: a step the workflow gives no display text is named by its stage (never
/// its activity id) in the inbox, the task page, the timeline, the operations console and the journal; a county,
/// employment type or series stored as a code shows its name in the reviewer's data view, which is labelled from the
/// apply form version the workflow pinned (not a newer one); and the file input is a button in the UI's language.
/// </summary>
[Collection(StudioCollection.Name)]
public sealed class NamesNotCodesTests(StudioServer server, Browser browser, ITestOutputHelper output)
{
    private const string Locality = "sample-city";
    private readonly StudioWorld world = new(server);

    private static JsonObject ApplyForm(string nameTitle) => new()
    {
        ["$schema"] = "http://json-schema.org/draft-07/schema#", ["type"] = "object", ["title"] = "固定版本申报表", ["required"] = new JsonArray("name"),
        ["properties"] = new JsonObject
        {
            ["name"] = new JsonObject { ["type"] = "string", ["title"] = nameTitle },
            ["county"] = new JsonObject { ["type"] = "string", ["title"] = "所在县区" },
            ["employmentType"] = new JsonObject { ["type"] = "string", ["title"] = "单位性质" },
            ["series"] = new JsonObject { ["type"] = "string", ["title"] = "职称系列" },
            ["certificate"] = new JsonObject { ["type"] = "string", ["format"] = "data-url", ["title"] = "证书扫描件" },
        },
    };

    /// <summary>A published form of the locality (version 1), a workflow pinning it whose steps have no display text, and a later version 2 of the form.</summary>
    private async Task<(string DefinitionId, string FormId, string Suffix)> PinnedWorkflowAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var formId = $"{Locality}/pinned-{suffix}";
        using var admin = await world.SignInAsync("admin");
        await StudioWorld.ExpectAsync(await admin.PostAsJsonAsync("/api/forms", new JsonObject { ["formId"] = formId, ["schema"] = ApplyForm("姓名（第一版）") }));
        await StudioWorld.ExpectAsync(await admin.PostAsync($"/api/forms/{formId}/publish", null));
        await world.CreateUserAsync(Locality, "reviewer", org: $"{Locality}/hr", taskRoles: "reviewer");
        var definitionId = $"names-{suffix}";
        await world.PublishAsync(Flowchart(definitionId, "测试：名称而非代码", Locality,
            [
                Start(), Step($"apply-step-{suffix}", "apply", "applicant", "applicant", ["approve"], formId),
                Step($"hr-step-{suffix}", "hr-review", $"{Locality}/hr", "reviewer", ["approve"], "review-opinion"), Conclude("done", "Completed"),
            ],
            [Connect("start", "Done", $"apply-step-{suffix}"), Connect($"apply-step-{suffix}", "approve", $"hr-step-{suffix}"), Connect($"hr-step-{suffix}", "approve", "done")]));

        // The form moves on after the workflow pinned version 1.
        var current = await StudioWorld.ExpectAsync(await admin.GetAsync($"/api/forms/{formId}"));
        await StudioWorld.ExpectAsync(await admin.PutAsJsonAsync($"/api/forms/{formId}/draft", new JsonObject
        {
            ["schema"] = ApplyForm("姓名（第二版）"), ["baseVersion"] = current["version"]!.GetValue<int>(), ["concurrencyToken"] = current["concurrencyToken"]!.GetValue<string>(),
        }));
        await StudioWorld.ExpectAsync(await admin.PostAsync($"/api/forms/{formId}/publish", null));
        return (definitionId, formId, suffix);
    }

    [BrowserFact]
    public async Task A_step_without_display_text_and_codes_in_the_data_show_as_Chinese_names_labelled_from_the_pinned_form()
    {
        var (definitionId, _, suffix) = await PinnedWorkflowAsync();
        var hr = await world.CreateUserAsync(Locality, "reviewer", org: $"{Locality}/hr", taskRoles: "reviewer");
        var applicantName = await world.CreateUserAsync(Locality, "applicant");
        string applicationId;
        using (var applicant = await world.SignInAsync(applicantName))
        {
            var created = await StudioWorld.ExpectAsync(await applicant.PostAsJsonAsync("/api/applications", new JsonObject
            {
                ["definitionId"] = definitionId,
                ["data"] = new JsonObject { ["name"] = "代码测试甲", ["county"] = "sample-district", ["employmentType"] = "public-institution", ["series"] = "teacher" },
            }));
            applicationId = created["id"]!.GetValue<string>();
        }
        var ids = new[] { $"apply-step-{suffix}", $"hr-step-{suffix}" };

        await using (var reviewer = await StudioSession.SignInAsync(browser, server, hr, output))
        {
            var page = reviewer.Page;
            await reviewer.GoAsync("/inbox");
            var row = page.Locator($"tr[data-task-id^='{applicationId}']");
            await row.WaitForAsync();
            Assert.Contains("人社部门审核", await row.InnerTextAsync());
            await AssertNoneOf(page, ids, "inbox");

            await row.ClickAsync();
            var data = page.Locator(".data-view");
            await data.GetByText("姓名（第一版）").WaitForAsync();
            await page.Locator(".task-side .timeline").WaitForAsync();
            var shown = await data.InnerTextAsync();
            Assert.DoesNotContain("第二版", shown);
            Assert.Contains("示例区", shown);
            Assert.Contains("事业单位", shown);
            foreach (var code in new[] { "sample-district", "public-institution", "teacher" }) Assert.DoesNotContain(code, shown);
            Assert.Contains("人社部门审核", await page.Locator(".page-header").InnerTextAsync());
            await AssertNoneOf(page, ids, "task page");
            await reviewer.ScreenshotAsync("names-1-task", fullPage: true);
            Assert.Empty(reviewer.PageErrors);
        }

        await using (var admin = await StudioSession.SignInAsync(browser, server, "admin", output))
        {
            var page = admin.Page;
            await admin.GoAsync("/operations");
            await page.GetByLabel("搜索").FillAsync(applicationId);
            var row = page.Locator($"tr[data-application-id='{applicationId}']");
            await row.WaitForAsync();
            Assert.Contains("人社部门审核", await row.InnerTextAsync());
            await AssertNoneOf(page, ids, "operations console");

            await admin.GoAsync($"/journal/{applicationId}");
            var journal = page.GetByTestId("journal-table");
            await journal.WaitForAsync();
            var text = await journal.InnerTextAsync();
            Assert.Contains("提交申报", text);
            Assert.DoesNotContain("application.submit", text);
            await AssertNoneOf(page, ids, "journal");
            await admin.ScreenshotAsync("names-2-journal", fullPage: true);
        }

        await using (var applicant = await StudioSession.SignInAsync(browser, server, applicantName, output))
        {
            await applicant.GoAsync($"/applications/{applicationId}");
            await applicant.Page.Locator(".timeline .tl-item").First.WaitForAsync();
            await applicant.Page.Locator(".data-view").GetByText("示例区").WaitForAsync();
            await AssertNoneOf(applicant.Page, ids, "applicant's timeline");
            Assert.Empty(applicant.PageErrors);
        }
    }

    [BrowserFact]
    public async Task The_file_input_is_a_button_in_the_UIs_language_that_the_keyboard_opens()
    {
        var (definitionId, _, _) = await PinnedWorkflowAsync();
        await using var session = await StudioSession.SignInAsync(browser, server, await world.CreateUserAsync(Locality, "applicant"), output);
        var page = session.Page;
        await session.GoAsync($"/apply/{definitionId}");
        var choose = page.GetByRole(AriaRole.Button, new() { Name = "选择文件：证书扫描件" });
        await choose.WaitForAsync();
        // The native input (whose "Choose File / No file chosen" follows the browser's language) is not shown.
        Assert.Equal(0, await page.Locator("input[type=file]:visible").CountAsync());
        await page.GetByText("未选择文件").WaitForAsync();
        await ExpectAccessibleAsync(page, "apply page with a file field");

        await choose.FocusAsync();
        var chooser = await page.RunAndWaitForFileChooserAsync(() => page.Keyboard.PressAsync("Enter"));
        await chooser.SetFilesAsync(new FilePayload { Name = "职称证书.pdf", MimeType = "application/pdf", Buffer = new byte[1024] });
        await page.Locator(".attachment-chosen").GetByText("职称证书.pdf").WaitForAsync();
        await session.ScreenshotAsync("names-3-file-chosen", fullPage: false);
        await page.GetByRole(AriaRole.Button, new() { Name = "删除附件 职称证书.pdf" }).ClickAsync();

        await page.Locator(".lang-switch button", new() { HasText = "EN" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Choose file: 证书扫描件" }).WaitForAsync();
        await page.GetByText("No file chosen").WaitForAsync();
        await session.ScreenshotAsync("names-4-file-en", fullPage: false);
        await page.Locator(".lang-switch button", new() { HasText = "中文" }).ClickAsync();
        Assert.Empty(session.PageErrors);
    }

    /// <summary>None of the activity ids appears in the page's text.</summary>
    private static async Task AssertNoneOf(IPage page, string[] activityIds, string where)
    {
        var text = await page.Locator("main, .page").First.InnerTextAsync();
        foreach (var id in activityIds) Assert.False(text.Contains(id), $"{where} shows the activity id {id}");
    }

    private async Task ExpectAccessibleAsync(IPage page, string what)
    {
        var results = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        foreach (var v in serious)
            output.WriteLine($"{what}: {v.Id} ({v.Impact}) {v.Help}: {string.Join(" | ", v.Nodes.Take(5).Select(n => n.Target?.ToString() + " " + n.Html))}");
        Assert.True(serious.Count == 0, $"{what}: {string.Join(", ", serious.Select(v => $"{v.Id} ×{v.Nodes.Length}"))}");
    }
}
