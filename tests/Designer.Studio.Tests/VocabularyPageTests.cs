using Designer.Studio.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Designer.Studio.Tests;

/// <summary>
/// The policy admin onboards a prefecture on the 词表 page: a locality with its county under its region, then a
/// series; both are listed at once, and a duplicate code is refused next to the code field; the designer then offers
/// the new series in a procedure's scope.
/// </summary>
[Collection(StudioCollection.Name)]
public sealed class VocabularyPageTests(StudioServer server, Browser browser, ITestOutputHelper output)
{
    [BrowserFact]
    public async Task The_policy_admin_adds_a_locality_with_a_county_and_a_series_on_the_vocabulary_page()
    {
        var code = "aksu-" + Guid.NewGuid().ToString("N")[..6];
        await using var studio = await StudioSession.SignInAsync(browser, server, "admin", output);
        var page = studio.Page;
        await studio.GoAsync("/vocabulary");

        var localityForm = page.GetByRole(AriaRole.Form, new() { Name = "添加地区" });
        await page.Locator("#locality-code").FillAsync(code);
        await page.Locator("#locality-name").FillAsync("阿克苏地区");
        await page.Locator("#locality-parent").SelectOptionAsync("xinjiang");
        await page.Locator("#locality-counties").FillAsync("wensu 温宿县");
        await localityForm.GetByRole(AriaRole.Button, new() { Name = "添加" }).ClickAsync();

        var row = page.GetByRole(AriaRole.Table, new() { Name = "地区" }).Locator("tbody tr", new() { Has = page.Locator($"code:text-is('{code}')") });
        await row.GetByText("温宿县").WaitForAsync();
        Assert.Contains("阿克苏地区", await row.InnerTextAsync());

        await page.Locator("#locality-code").FillAsync(code);
        await page.Locator("#locality-name").FillAsync("重复的地区");
        await localityForm.GetByRole(AriaRole.Button, new() { Name = "添加" }).ClickAsync();
        await localityForm.GetByText("已存在").WaitForAsync();

        var series = "accounting-" + Guid.NewGuid().ToString("N")[..6];
        var entryForm = page.GetByRole(AriaRole.Form, new() { Name = "添加条目" });
        await page.Locator("#entry-code").FillAsync(series);
        await page.Locator("#entry-name").FillAsync("会计");
        await page.Locator("#entry-name-en").FillAsync("Accounting");
        await entryForm.GetByRole(AriaRole.Button, new() { Name = "添加" }).ClickAsync();
        var entry = page.GetByRole(AriaRole.Table, new() { Name = "代码表" }).Locator("tbody tr", new() { Has = page.Locator($"code:text-is('{series}')") });
        await entry.GetByText("会计").WaitForAsync();

        // Without a reload of the page or a restart of the server, the designer's scope picker offers the new series.
        await studio.GoAsync("/workflows/standard-evaluation");
        var seriesPicker = page.Locator("#scope-series");
        await seriesPicker.Locator("label", new() { HasText = "会计" }).WaitForAsync();
        await studio.ScreenshotAsync("designer-scope-new-series");
        Assert.Empty(studio.PageErrors);
    }
}
