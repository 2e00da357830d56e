using Designer.Studio.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Designer.Studio.Tests;

/// <summary>
/// The year's calendar in the Studio: a procedure outside its application window is shown closed with its dates and
/// no start button; an admin publishes a window on the 申报日历 page and the portal follows.
/// </summary>
[Collection(StudioCollection.Name)]
public sealed class CalendarPortalTests(StudioServer server, Browser browser, ITestOutputHelper output)
{
    [BrowserFact]
    public async Task Kashgar_procedures_are_closed_outside_their_2020_windows_and_show_the_dates()
    {
        await using var applicant = await StudioSession.SignInAsync(browser, server, "kashgar-applicant", output);
        var page = applicant.Page;
        await applicant.GoAsync("/procedures");
        var card = page.Locator(".procedure-card[data-definition-id='kashgar-special-talent']");
        await card.WaitForAsync();
        var closed = card.Locator("[data-testid='procedure-closed']");
        await closed.WaitForAsync();
        Assert.Contains("未在申报时间内", await closed.InnerTextAsync());
        // One of the procedure's 2020 windows: the general one, or health's own (卫生健康系列申报评审时间另行确定, 002 2.15).
        var text = await closed.InnerTextAsync();
        Assert.True(text.Contains("2020-05-15 至 2020-06-30") || text.Contains("2020-09-01 至 2020-09-30"), text);
        Assert.Equal(0, await card.Locator("a", new() { HasText = "开始申报" }).CountAsync());
        Assert.Empty(applicant.PageErrors);
    }

    [BrowserFact]
    public async Task A_window_published_on_the_calendar_page_closes_the_procedure_in_the_portal()
    {
        await using (var admin = await StudioSession.SignInAsync(browser, server, "bazhou-admin", output))
        {
            var page = admin.Page;
            await page.Locator(".topnav a", new() { HasText = "申报日历" }).ClickAsync();
            var windows = page.Locator("[data-testid='calendar-windows']");
            await windows.WaitForAsync();
            await page.Locator("[data-testid='calendar-holidays']").GetByText("古尔邦节").First.WaitForAsync();
            await windows.GetByLabel("名称").FillAsync("浏览器测试窗口");
            // The scope is picked from the vocabulary by name, never typed as codes.
            await windows.Locator("fieldset", new() { HasText = "申报类型" }).GetByLabel("定向评价").CheckAsync();
            await windows.Locator("fieldset", new() { HasText = "层级" }).GetByLabel("正高级", new() { Exact = true }).CheckAsync();
            Assert.Equal(0, await windows.GetByText("逗号分隔").CountAsync());
            await windows.GetByLabel("开始").FillAsync("2020-01-01");
            await windows.GetByLabel("截止").FillAsync("2020-01-31");
            await windows.GetByLabel("依据文件").FillAsync("001 §四(一)");
            await windows.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
            var row = windows.Locator("tr", new() { HasText = "浏览器测试窗口" });
            await row.GetByText("草稿").WaitForAsync();
            await row.GetByRole(AriaRole.Button, new() { Name = "发布" }).ClickAsync();
            await row.GetByText("已发布").WaitForAsync();
            await admin.ScreenshotAsync("calendar-page");
            Assert.Empty(admin.PageErrors);
        }

        await using var applicant = await StudioSession.SignInAsync(browser, server, "bazhou-applicant", output);
        var portal = applicant.Page;
        await applicant.GoAsync("/procedures");
        var closedCard = portal.Locator(".procedure-card[data-definition-id='bazhou-directed-full-senior']");
        await closedCard.Locator("[data-testid='procedure-closed']", new() { HasText = "2020-01-01 至 2020-01-31" }).WaitForAsync();
        Assert.Equal(0, await closedCard.Locator("a", new() { HasText = "开始申报" }).CountAsync());
        // Another level is not governed by the window: it stays open.
        var openCard = portal.Locator(".procedure-card[data-definition-id='bazhou-directed-deputy-senior']");
        await openCard.Locator("a", new() { HasText = "开始申报" }).WaitForAsync();
        await applicant.ScreenshotAsync("portal-closed-procedure");

        // Undo for the other tests sharing this server.
        await using var cleanup = await StudioSession.SignInAsync(browser, server, "bazhou-admin", output);
        await cleanup.GoAsync("/calendar");
        var mine = cleanup.Page.Locator("[data-testid='calendar-windows'] tr", new() { HasText = "浏览器测试窗口" });
        await mine.GetByRole(AriaRole.Button, new() { Name = "删除" }).ClickAsync();
        await mine.WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }
}
