using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Designer.Forms;
using Designer.Persistence.Entities;
using Designer.Studio.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using UglyToad.PdfPig;
using Xunit.Abstractions;
using static Designer.Studio.Tests.Infrastructure.Flows;

namespace Designer.Studio.Tests;

/// <summary>
/// Casework as its users click it: the applicant applies (the pledge starts unticked), the reviewer returns the
/// application with an itemised list (after confirming), the applicant reads the list and answers it, the reviewer
/// reads the reply in the case history and approves, and the applicant follows the timeline and downloads the
/// certificate PDF. A publicity lists several names in one notice and anyone objects to one of them. Every page the
/// applicant, reviewer and public use has no serious or critical axe-core violation.
/// </summary>
[Collection(StudioCollection.Name)]
public sealed class CaseworkJourneyTests(StudioServer server, Browser browser, ITestOutputHelper output)
{
    private const string Locality = "sample-city";
    private readonly StudioWorld world = new(server);

    [BrowserFact]
    public async Task Applicant_answers_a_correction_follows_the_timeline_and_downloads_the_certificate()
    {
        var definitionId = "casework-" + Guid.NewGuid().ToString("N")[..6];
        await world.PublishAsync(ReviewWorkflow(definitionId, "测试：补正与发证"));
        var reviewerUser = await world.CreateUserAsync(Locality, "reviewer", org: $"{Locality}/hr", taskRoles: "reviewer");
        var applicantUser = await world.CreateUserAsync(Locality, "applicant");

        // The applicant applies in the browser; the legal pledge starts unticked.
        await using var applicant = await StudioSession.SignInAsync(browser, server, applicantUser, output);
        var page = applicant.Page;
        await applicant.GoAsync("/procedures");
        await page.Locator($".procedure-card[data-definition-id='{definitionId}'] a.btn-primary").ClickAsync();
        await page.WaitForSelectorAsync("#apply_name");
        Assert.False(await page.IsCheckedAsync("#apply_truthfulnessPledge"), "the pledge must start unticked");
        await page.FillAsync("#apply_name", "古丽娜·艾力");
        await page.SelectOptionAsync("select#apply_unit", "示例市建筑设计研究院");
        Assert.Equal("示例区", await page.InputValueAsync("#apply_county"));
        await page.SelectOptionAsync("#apply_employmentType", new SelectOptionValue { Label = "事业单位专业技术人员" });
        await page.CheckAsync("#apply_workplaceLevel-0");
        await page.SelectOptionAsync("#apply_series", new SelectOptionValue { Label = "中小学（含幼儿园）教师" });
        await page.CheckAsync("#apply_level-2");
        await page.CheckAsync("#apply_kind-1");
        await page.CheckAsync("#apply_truthfulnessPledge");
        await ExpectAccessibleAsync(page, "apply form");
        await page.ClickAsync("[data-testid='submit-application']");
        await page.WaitForFunctionAsync("() => /^#\\/applications\\/[^/]+$/.test(location.hash)");
        var applicationId = page.Url.Split("#/applications/")[1];

        // The reviewer returns it with an itemised list; returning asks first, and a dismissed question does nothing.
        await using (var reviewer = await StudioSession.SignInAsync(browser, server, reviewerUser, output))
        {
            var task = await OpenTaskAsync(reviewer, applicationId);
            await task.Locator("[id$='_opinion']").FillAsync("学历材料不全，请补正。");
            await task.Locator("button.btn-add").First.ClickAsync();
            await task.Locator("[id$='_correctionItems_0_item']").FillAsync("学信网学历验证报告");
            string? asked = null;
            void Dismiss(object? _, IDialog dialog) { asked = dialog.Message; _ = dialog.DismissAsync(); }
            reviewer.Page.Dialog += Dismiss;
            await task.Locator(".action-buttons [data-action='return']").ClickAsync();
            Assert.Contains("退回申报人补正", asked);
            reviewer.Page.Dialog -= Dismiss;
            Assert.Contains("#/tasks/", reviewer.Page.Url);
            await ExpectAccessibleAsync(reviewer.Page, "reviewer task");
            reviewer.Page.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
            await task.Locator(".action-buttons [data-action='return']").ClickAsync();
            await reviewer.Page.WaitForFunctionAsync("() => location.hash.startsWith('#/inbox')");
            Assert.Empty(reviewer.PageErrors);
        }

        // The applicant reads every item, then answers (the correction pledge starts unticked too).
        await applicant.GoAsync("/applications");
        await applicant.GoAsync($"/applications/{applicationId}");
        var items = page.Locator(".timeline .correction-items");
        await items.WaitForAsync();
        Assert.Contains("学信网学历验证报告", await items.InnerTextAsync());
        Assert.Contains("学历材料不全，请补正。", await page.Locator(".timeline").InnerTextAsync());
        var pending = page.Locator("section.card-highlight");
        await pending.Locator("[id$='_response']").FillAsync("已补传学信网学历验证报告。");
        var pledge = pending.Locator("input[type=checkbox][id$='_truthfulnessPledge']");
        Assert.False(await pledge.IsCheckedAsync(), "the correction pledge must start unticked");
        await pledge.CheckAsync();
        await applicant.ScreenshotAsync("casework-1-applicant-correction", fullPage: true);
        await ExpectAccessibleAsync(page, "applicant correction");
        await pending.Locator(".action-buttons [data-action='approve']").ClickAsync();
        await page.Locator(".timeline .tl-item[data-stage='correction']").WaitForAsync();

        // The reviewer reads the reply in the case history and approves.
        await using (var reviewer = await StudioSession.SignInAsync(browser, server, reviewerUser, output))
        {
            var task = await OpenTaskAsync(reviewer, applicationId);
            var history = reviewer.Page.Locator(".task-side .timeline");
            await history.GetByText("已补传学信网学历验证报告。", new() { Exact = false }).WaitForAsync();
            Assert.Contains("学信网学历验证报告", await history.InnerTextAsync());
            await reviewer.ScreenshotAsync("casework-2-reviewer-history", fullPage: true);
            await task.Locator("[id$='_opinion']").FillAsync("材料已补正，同意。");
            await task.Locator(".action-buttons [data-action='approve']").ClickAsync();
            await reviewer.Page.WaitForFunctionAsync("() => location.hash.startsWith('#/inbox')");
        }

        // The applicant follows the timeline to the certificate, in words, and downloads the PDF.
        await applicant.GoAsync("/applications");
        await applicant.GoAsync($"/applications/{applicationId}");
        var granted = page.Locator(".alert-ok", new() { HasText = "已取得资格" });
        await granted.WaitForAsync();
        var grantedText = await granted.InnerTextAsync();
        Assert.Contains("中小学（含幼儿园）教师", grantedText);
        Assert.Contains("南疆", grantedText);
        Assert.DoesNotContain("teacher", grantedText);
        Assert.DoesNotContain("southern", grantedText);
        await ExpectAccessibleAsync(page, "applicant timeline");
        await applicant.ScreenshotAsync("casework-3-applicant-certificate", fullPage: true);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByText("下载证书（PDF）").ClickAsync());
        var file = Artifacts.Path("casework-certificate.pdf");
        await download.SaveAsAsync(file);
        using (var pdf = PdfDocument.Open(file))
        {
            var text = string.Concat(pdf.GetPages().Select(p => p.Text)).Replace(" ", "");
            Assert.Contains("专业技术资格证书", text);
            Assert.Contains("古丽娜·艾力", text);
            Assert.Contains("/public/certificates/", text);
        }
        Assert.Empty(applicant.PageErrors);
    }

    [BrowserFact]
    public async Task A_publicity_lists_several_names_in_one_notice_and_an_objection_is_lodged_against_one()
    {
        var definitionId = "casework-pub-" + Guid.NewGuid().ToString("N")[..6];
        await world.PublishAsync(PublicityWorkflow(definitionId));
        var unit = "示例区第九中学" + Guid.NewGuid().ToString("N")[..4];
        using (var admin = await world.SignInAsync("admin"))
            await StudioWorld.ExpectAsync(await admin.PostAsJsonAsync("/api/organisations", new JsonObject
            {
                ["id"] = $"{Locality}/unit/school-{unit[^4..]}", ["name"] = unit, ["kind"] = "unit", ["county"] = "sample-district",
            }));
        foreach (var name in new[] { "买买提·吐尔逊", "阿依努尔", "王建国" })
        {
            using var client = await world.SignInAsync(await world.CreateUserAsync(Locality, "applicant"));
            var form = await StudioWorld.ExpectAsync(await client.GetAsync("/api/forms/apply"));
            var data = FileFormCatalog.FromJson([new("apply", (((form["resolvedSchema"] ?? form["schema"])!).ToJsonString(), (string?)null))]).MinimalValid("apply");
            data["name"] = name;
            data["unit"] = unit;
            data["county"] = "示例区";
            await StudioWorld.ExpectAsync(await client.PostAsJsonAsync("/api/applications", new JsonObject { ["definitionId"] = definitionId, ["data"] = data }));
        }

        var context = await browser.Instance.NewContextAsync(new() { Locale = "zh-CN", ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{server.BaseUrl}/#/public/publicity?locality={Locality}");
        var notice = page.Locator("section.notice-card", new() { Has = page.GetByText(unit, new() { Exact = false }) });
        await notice.WaitForAsync();
        Assert.Equal(1, await notice.CountAsync());
        var names = await notice.Locator("tbody tr td:first-child").AllInnerTextsAsync();
        Assert.Equal(new[] { "买*****逊", "阿**尔", "王*国" }.Order(), names.Order());
        await ExpectAccessibleAsync(page, "public publicity");

        await notice.GetByRole(AriaRole.Button, new() { Name = "对“阿**尔”提出异议" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.Locator("#obj-name").FillAsync("李四");
        await dialog.Locator("#obj-contact").FillAsync("13900000000");
        await dialog.Locator("#obj-reason").FillAsync("任职年限不符合条件，请核查。");
        await ExpectAccessibleAsync(page, "objection dialog");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "提交异议" }).ClickAsync();
        await page.Locator(".toast-ok", new() { HasText = "异议已提交" }).WaitForAsync();
        var path = Artifacts.Path("casework-4-publicity.png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        output.WriteLine($"screenshot: {path}");
        await context.DisposeAsync();
    }

    /// <summary>axe-core over the page as it stands: no serious or critical WCAG 2.1 A/AA violation.</summary>
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

    private static async Task<ILocator> OpenTaskAsync(StudioSession reviewer, string applicationId)
    {
        await reviewer.GoAsync("/inbox");
        await reviewer.Page.Locator($"a[href*='tasks/{applicationId}']").First.ClickAsync();
        var side = reviewer.Page.Locator(".task-side");
        await side.Locator(".action-buttons").WaitForAsync();
        return side;
    }

    /// <summary>apply → HR review (approve, or return → correction → review) → certificate (directed, southern Xinjiang) → completed.</summary>
    private static JsonObject ReviewWorkflow(string definitionId, string name) => Flowchart(definitionId, name, Locality,
        [
            new JsonObject { ["id"] = "start", ["type"] = "Elsa.Start" },
            Step("apply", "apply", "applicant", "applicant", ["approve"], "apply"),
            Step("review", "hr-review", $"{Locality}/hr", "reviewer", ["approve", "return"], "review-opinion"),
            Step("correction", "correction", "applicant", "applicant", ["approve"], "correction"),
            new JsonObject
            {
                ["id"] = "certificate", ["type"] = "Titles.Certificate", ["issuer"] = Literal($"{Locality}/hr"), ["directed"] = Literal(true),
                ["validIn"] = Literal("southern Xinjiang"), ["numberPrefix"] = Literal("ZC"),
            },
            new JsonObject { ["id"] = "done", ["type"] = "Titles.Conclude", ["result"] = Literal("Completed") },
        ],
        [
            Connect("start", "Done", "apply"), Connect("apply", "approve", "review"), Connect("review", "return", "correction"),
            Connect("correction", "approve", "review"), Connect("review", "approve", "certificate"), Connect("certificate", "Done", "done"),
        ]);

    /// <summary>apply → unit publicity of the locality's HR → completed (objections or not).</summary>
    private static JsonObject PublicityWorkflow(string definitionId) => Flowchart(definitionId, "测试：批量公示", Locality,
        [
            new JsonObject { ["id"] = "start", ["type"] = "Elsa.Start" },
            Step("apply", "apply", "applicant", "applicant", ["approve"], "apply"),
            new JsonObject
            {
                ["id"] = "publicity", ["type"] = "Titles.Publicity", ["stage"] = Literal("unit-publicity"), ["org"] = Literal($"{Locality}/hr"),
                ["workingDays"] = Literal(5), ["subject"] = Literal("推荐人员名单"), ["objectionForm"] = Literal("publicity-objection"),
            },
            new JsonObject { ["id"] = "done", ["type"] = "Titles.Conclude", ["result"] = Literal("Completed") },
        ],
        [
            Connect("start", "Done", "apply"), Connect("apply", "approve", "publicity"), Connect("publicity", "no-objection", "done"),
            Connect("publicity", "object", "done"),
        ]);
}
