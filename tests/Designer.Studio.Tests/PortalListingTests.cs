using Designer.Studio.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Designer.Studio.Tests;

/// <summary>
/// What the portal lists and how it shows the window: the unit's 自主评审 procedure appears only to the staff user of a
/// registered unit, never to a person applying for themselves; a card narrowed to a series shows the window the server
/// holds that series to (Kashgar's health applications have their own, the special-talent window leaves them out).
/// </summary>
[Collection(StudioCollection.Name)]
public sealed class PortalListingTests(StudioServer server, Browser browser, ITestOutputHelper output)
{
    private const string UnitProcedure = "sample-city-autonomous-evaluation";

    [BrowserFact]
    public async Task The_units_procedure_is_listed_to_a_units_staff_user_and_not_to_an_applicant()
    {
        await using (var applicant = await StudioSession.SignInAsync(browser, server, "sample-city-applicant", output))
        {
            await applicant.GoAsync("/procedures");
            await applicant.Page.Locator(".procedure-card[data-definition-id='sample-city-evaluation-2021']").WaitForAsync();
            Assert.Equal(0, await applicant.Page.Locator($".procedure-card[data-definition-id='{UnitProcedure}']").CountAsync());
            await applicant.ScreenshotAsync("portal-applicant-without-unit-procedure");
            Assert.Empty(applicant.PageErrors);
        }

        var staff = await new StudioWorld(server).CreateUserAsync("sample-city", "applicant", unit: "示例市第二人民医院");
        await using var unit = await StudioSession.SignInAsync(browser, server, staff, output);
        await unit.GoAsync("/procedures");
        var card = unit.Page.Locator($".procedure-card[data-definition-id='{UnitProcedure}']");
        await card.WaitForAsync();
        Assert.Contains("自主评审", await card.Locator("h2").InnerTextAsync());
        await unit.ScreenshotAsync("portal-unit-staff-with-unit-procedure");
        Assert.Empty(unit.PageErrors);
    }

    [BrowserFact]
    public async Task A_card_narrowed_to_the_health_series_shows_the_health_window()
    {
        await using var applicant = await StudioSession.SignInAsync(browser, server, "kashgar-applicant", output);
        var page = applicant.Page;
        await applicant.GoAsync("/procedures");
        var card = page.Locator(".procedure-card[data-definition-id='kashgar-special-talent']");
        await card.WaitForAsync();

        await page.GetByLabel("系列").SelectOptionAsync(new SelectOptionValue { Label = "卫生健康" });
        await card.Locator("[data-testid='procedure-closed']", new() { HasText = "2020-09-01 至 2020-09-30" }).WaitForAsync();
        await applicant.ScreenshotAsync("portal-health-special-talent-window");

        await page.GetByLabel("系列").SelectOptionAsync(new SelectOptionValue { Label = "中小学（含幼儿园）教师" });
        await card.Locator("[data-testid='procedure-closed']", new() { HasText = "2020-05-15 至 2020-06-30" }).WaitForAsync();
        Assert.Empty(applicant.PageErrors);
    }
}
