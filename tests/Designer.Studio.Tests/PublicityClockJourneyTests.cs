using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Designer.Studio.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Designer.Studio.Tests.Infrastructure.Flows;

namespace Designer.Studio.Tests;

/// <summary>
/// Issue 11's publicity with time passing, on a server of its own whose clock the test moves: one notice lists three
/// names; a member of the public objects to one of them on the public page; the period elapses on the test clock; the
/// two without objection go on to their certificates at once, while the objected one reaches the HR office, which
/// reads the objection in the case history, finds it substantiated and stops the application.
/// </summary>
[Collection(StudioCollection.Name)]
public sealed class PublicityClockJourneyTests(ClockedStudioServer server, Browser browser, ITestOutputHelper output) : IClassFixture<ClockedStudioServer>
{
    private const string Locality = "pingshan";
    private const string LocalityName = "平山地区";
    private const string UnitName = "平山地区第一中学";
    private const string Objected = "赵雅琴";
    private static readonly string[] Names = ["周明远", Objected, "钱志刚"];

    private readonly StudioWorld world = new(server);

    [BrowserFact]
    public async Task A_notice_of_three_names_elapses_on_the_test_clock_the_objected_one_is_checked_by_the_office_and_the_others_proceed()
    {
        var (definitionId, office) = await SetUpAsync();
        var applications = new Dictionary<string, string>();
        var applicants = new Dictionary<string, string>();
        foreach (var name in Names)
        {
            applicants[name] = await world.CreateUserAsync(Locality, "applicant");
            using var applicant = await world.SignInAsync(applicants[name]);
            applications[name] = await world.ApplyAsync(applicant, definitionId, new JsonObject { ["name"] = name, ["unit"] = UnitName });
        }

        // The public reads one notice of three (masked) names and objects to one of them.
        var end = await PublicityEndAsync(applications[Objected]);
        var context = await browser.Instance.NewContextAsync(new() { Locale = "zh-CN", ViewportSize = new() { Width = 1280, Height = 900 } });
        context.SetDefaultTimeout(20_000);
        try
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync($"{server.BaseUrl}/#/public/publicity?locality={Locality}");
            var notice = page.Locator("section.notice-card", new() { Has = page.GetByText(UnitName, new() { Exact = false }) });
            await notice.WaitForAsync();
            Assert.Equal(1, await notice.CountAsync());
            Assert.Equal(new[] { "周*远", "赵*琴", "钱*刚" }.Order(), (await notice.Locator("tbody tr td:first-child").AllInnerTextsAsync()).Order());
            Assert.Contains(end.ToString("yyyy-MM-dd"), await notice.InnerTextAsync());
            await notice.GetByRole(AriaRole.Button, new() { Name = "对“赵*琴”提出异议" }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.Locator("#obj-name").FillAsync("孙立");
            await dialog.Locator("#obj-contact").FillAsync("13900000000");
            await dialog.Locator("#obj-reason").FillAsync("该同志任现职年限不足五年，请核查。");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "提交异议" }).ClickAsync();
            await page.Locator(".toast-ok", new() { HasText = "异议已提交" }).WaitForAsync();
            await page.ScreenshotAsync(new() { Path = Artifacts.Path("publicity-1-objection-lodged.png"), FullPage = true });

            // Until the period ends nobody moves on: the notice still lists all three.
            using (var admin = await world.SignInAsync("admin"))
                foreach (var id in applications.Values)
                    Assert.Contains(await WaitingStagesAsync(admin, id), s => s == "unit-publicity");

            // The period elapses on the test clock: the notice comes down.
            await server.PassEndOfAsync(end);
            output.WriteLine($"the publicity ended on {end}; the clock reads {server.Clock.Now:yyyy-MM-dd HH:mm zzz}");
            await page.ReloadAsync();
            await page.GetByText("当前没有正在公示的事项").WaitForAsync();
            Assert.Equal(0, await page.GetByText(UnitName, new() { Exact = false }).CountAsync());
            await page.ScreenshotAsync(new() { Path = Artifacts.Path("publicity-2-period-over.png"), FullPage = true });
        }
        finally
        {
            await context.DisposeAsync();
        }

        // The two without objection went on to their certificates.
        using (var admin = await world.SignInAsync("admin"))
            foreach (var name in Names.Where(n => n != Objected))
            {
                var detail = await StudioWorld.ExpectAsync(await admin.GetAsync($"/api/applications/{applications[name]}"));
                Assert.Equal("Completed", detail["status"]!.GetValue<string>());
                Assert.NotNull(detail["granted"]?["number"]);
            }

        // The objected one waits for the HR office, which reads the objection and stops it.
        await using (var reviewer = await StudioSession.SignInAsync(browser, server, office, output))
        {
            var page = reviewer.Page;
            page.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
            await reviewer.GoAsync("/inbox");
            await page.Locator($"a[href*='tasks/{applications[Objected]}']").First.WaitForAsync();
            foreach (var name in Names.Where(n => n != Objected))
                Assert.Equal(0, await page.Locator($"a[href*='tasks/{applications[name]}']").CountAsync());
            await page.Locator($"a[href*='tasks/{applications[Objected]}']").First.ClickAsync();
            var side = page.Locator(".task-side");
            await side.Locator(".action-buttons").WaitForAsync();
            var objection = page.Locator(".timeline .objections");
            await objection.WaitForAsync();
            var objectionText = await objection.InnerTextAsync();
            foreach (var part in new[] { "孙立", "13900000000", "任现职年限不足五年" }) Assert.Contains(part, objectionText);
            await side.Locator("[id$='_opinion']").FillAsync("经核查，异议属实：任现职年限不足五年，不符合申报条件。");
            await reviewer.ScreenshotAsync("publicity-3-office-checks-objection", fullPage: true);
            await side.Locator(".action-buttons [data-action='reject']").ClickAsync();
            await page.WaitForFunctionAsync("() => location.hash.startsWith('#/inbox')");
            Assert.Empty(reviewer.PageErrors);
        }

        using (var admin = await world.SignInAsync("admin"))
        {
            var stopped = await StudioWorld.ExpectAsync(await admin.GetAsync($"/api/applications/{applications[Objected]}"));
            Assert.Equal("Rejected", stopped["status"]!.GetValue<string>());
        }

        // The others see their certificate; the objected applicant sees the outcome.
        await using var proceeded = await StudioSession.SignInAsync(browser, server, applicants[Names[0]], output);
        await proceeded.GoAsync($"/applications/{applications[Names[0]]}");
        await proceeded.Page.Locator(".alert-ok", new() { HasText = "已取得资格" }).WaitForAsync();
        var timeline = await proceeded.Page.Locator(".timeline").InnerTextAsync();
        Assert.Contains("公示", timeline);
        await proceeded.ScreenshotAsync("publicity-4-others-proceed", fullPage: true);
        Assert.Empty(proceeded.PageErrors);
    }

    /// <summary>The made-up prefecture, its HR office's reviewer and the procedure, published; the procedure's id and the reviewer.</summary>
    private async Task<(string DefinitionId, string Office)> SetUpAsync()
    {
        using var admin = await world.SignInAsync("admin");
        await StudioWorld.ExpectAsync(await admin.PostAsJsonAsync("/api/localities", new JsonObject { ["code"] = Locality, ["name"] = LocalityName }));
        await StudioWorld.ExpectAsync(await admin.PostAsJsonAsync("/api/organisations", new JsonObject
        {
            ["id"] = $"{Locality}/hr", ["name"] = "平山地区人力资源和社会保障局", ["kind"] = "department",
        }));
        var office = await world.CreateUserAsync(Locality, "reviewer", org: $"{Locality}/hr", taskRoles: "reviewer");
        var definitionId = "publicity-clock";
        await world.PublishAsync(PublicityWorkflow(definitionId));
        return (definitionId, office);
    }

    private async Task<DateOnly> PublicityEndAsync(string applicationId)
    {
        using var admin = await world.SignInAsync("admin");
        var detail = await StudioWorld.ExpectAsync(await admin.GetAsync($"/api/applications/{applicationId}"));
        var publicity = detail["waitingAt"]!.AsArray().Single(w => w!["stage"]?.GetValue<string>() == "unit-publicity")!;
        var end = DateOnly.ParseExact(publicity["dueDate"]!.GetValue<string>(), "yyyy-MM-dd");
        Assert.True(end >= ClockedStudioServer.FirstDay.AddDays(4), $"five working days from {ClockedStudioServer.FirstDay:yyyy-MM-dd} end on {end:yyyy-MM-dd}");
        return end;
    }

    private static async Task<List<string>> WaitingStagesAsync(HttpClient admin, string applicationId)
    {
        var detail = await StudioWorld.ExpectAsync(await admin.GetAsync($"/api/applications/{applicationId}"));
        return detail["waitingAt"]!.AsArray().Select(w => w!["stage"]?.GetValue<string>() ?? "").ToList();
    }

    private static JsonObject Named(JsonObject activity, string displayText)
    {
        activity["metadata"] = new JsonObject { ["displayText"] = displayText };
        return activity;
    }

    /// <summary>apply → unit publicity by the HR office → certificate; an objection → the office checks (approve → certificate, reject → rejected).</summary>
    private static JsonObject PublicityWorkflow(string definitionId) => Flowchart(definitionId, "平山地区职称评审（公示）", Locality,
        [
            Start(),
            Named(Step("apply", "apply", "applicant", "applicant", ["approve"], "apply"), "提交申报"),
            new JsonObject
            {
                ["metadata"] = new JsonObject { ["displayText"] = "拟推荐人选公示" },
                ["id"] = "publicity", ["type"] = "Titles.Publicity", ["stage"] = Literal("unit-publicity"), ["org"] = Literal($"{Locality}/hr"),
                ["workingDays"] = Literal(5), ["subject"] = Literal("拟推荐人选名单"), ["objectionForm"] = Literal("publicity-objection"),
            },
            Named(Step("recheck", "hr-review", $"{Locality}/hr", "reviewer", ["approve", "reject"], "review-opinion"), "公示异议核查"),
            new JsonObject
            {
                ["metadata"] = new JsonObject { ["displayText"] = "颁发证书" },
                ["id"] = "certificate", ["type"] = "Titles.Certificate", ["issuer"] = Literal($"{Locality}/hr"), ["directed"] = Literal(false),
                ["validIn"] = Literal(""), ["numberPrefix"] = Literal("ZC"),
            },
            Conclude("done", "Completed"),
            Conclude("stopped", "Rejected"),
        ],
        [
            Connect("start", "Done", "apply"), Connect("apply", "approve", "publicity"), Connect("publicity", "no-objection", "certificate"),
            Connect("publicity", "object", "recheck"), Connect("recheck", "approve", "certificate"), Connect("recheck", "reject", "stopped"),
            Connect("certificate", "Done", "done"),
        ]);
}
