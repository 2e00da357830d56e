using Designer.Studio.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Designer.Studio.Tests;

/// <summary>
/// The property panel shows the values a document leaves open as local assumptions to confirm (Kashgar's elimination
/// share) and offers the step's form gates (a party organisation's 不予推荐 allows only reject) as an input.
/// </summary>
[Collection(StudioCollection.Name)]
public sealed class LocalAssumptionsPanelTests(StudioServer server, Browser browser, ITestOutputHelper output)
{
    [BrowserFact]
    public async Task A_step_shows_its_local_assumptions_and_its_form_gates()
    {
        await using var admin = await StudioSession.SignInAsync(browser, server, "admin", output);
        var page = admin.Page;
        await admin.GoAsync("/workflows/kashgar-directed");

        var vote = page.Locator(".react-flow__node[data-id='committee-vote']");
        await vote.WaitForAsync();
        await vote.ClickAsync();
        var assumptions = page.Locator("[data-testid='local-assumptions']");
        await assumptions.WaitForAsync();
        var elimination = assumptions.Locator("li[data-input='bottomEliminationRatio']");
        Assert.Contains("1/10", await elimination.InnerTextAsync());
        Assert.Contains("一定比例", await elimination.InnerTextAsync());

        var review = page.Locator(".react-flow__node[data-id='political-review']");
        await review.ClickAsync();
        await page.Locator(".props[data-activity-id='political-review']").WaitForAsync();
        Assert.Equal(0, await page.Locator("[data-testid='local-assumptions']").CountAsync());
        var gates = page.Locator(".props [data-input='formGates']");
        await gates.WaitForAsync();
        var editor = page.Locator(".props .json-editor textarea").Filter(new() { HasText = "not-recommend" });
        Assert.Equal(1, await editor.CountAsync());
        Assert.Empty(admin.PageErrors);
    }
}
