using Designer.Studio.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Designer.Studio.Tests;

/// <summary>A policy admin edits a field of a form in the form designer; the live preview changes with it.</summary>
[Collection(StudioCollection.Name)]
public sealed class FormDesignerTests(StudioServer server, Browser browser, ITestOutputHelper output)
{
    [BrowserFact]
    public async Task Policy_admin_edits_a_field_and_the_preview_follows()
    {
        await using var admin = await StudioSession.SignInAsync(browser, server, "admin", output);
        var page = admin.Page;
        await admin.GoAsync("/forms");
        await page.Locator("tr[data-form-id='review-opinion'] a").ClickAsync();
        var preview = page.Locator("[data-testid='form-preview']");
        var opinionLabel = preview.Locator("label[for='fdpreview_opinion']");
        Assert.StartsWith("审核意见", await opinionLabel.InnerTextAsync());

        await page.Locator(".fd-field[data-field='opinion'] .fd-field-head").ClickAsync();
        await page.Locator(".fd-field[data-field='opinion'] [data-testid='field-title']").FillAsync("审查意见（须写明理由）");
        await preview.Locator("label[for='fdpreview_opinion']", new() { HasText = "审查意见（须写明理由）" }).WaitForAsync();

        // The raw JSON Schema beside the list shows the same change.
        Assert.Contains("审查意见（须写明理由）", await page.Locator(".fd-raw textarea").InputValueAsync());

        // A new required number field appears in the preview, and its limits are checked in Chinese.
        await page.Locator(".fd-add button", new() { HasText = "数字" }).ClickAsync();
        var added = page.Locator(".fd-field.open");
        await added.Locator("[data-testid='field-title']").FillAsync("审查得分");
        await added.Locator("label.check", new() { HasText = "必填" }).Locator("input").CheckAsync();
        await added.Locator("input[id$='-max']").FillAsync("100");
        await preview.GetByText("审查得分").WaitForAsync();
        var scoreInput = preview.Locator("input[type=number]").Last;
        await scoreInput.FillAsync("120");
        await page.ClickAsync("[data-testid='validate-preview']");
        await preview.Locator(".error-detail", new() { HasText = "不能大于 100" }).WaitForAsync();
        Artifacts.CopyToDocs(await admin.ScreenshotAsync("6-form-designer"), "form-designer.png");
        Assert.Empty(admin.PageErrors);
    }

    [BrowserFact]
    public async Task The_language_switch_turns_the_studio_into_english()
    {
        await using var admin = await StudioSession.SignInAsync(browser, server, "admin", output);
        var page = admin.Page;
        await admin.GoAsync("/workflows");
        await page.Locator(".topnav a", new() { HasText = "流程" }).WaitForAsync();
        await page.ClickAsync(".lang-switch button:has-text('EN')");
        await page.Locator(".topnav a", new() { HasText = "Workflows" }).WaitForAsync();
        Assert.Contains("Workflows", await page.Locator("h1").InnerTextAsync());
        await admin.ScreenshotAsync("7-english");

        // The activity catalog comes from the server in Chinese; descriptions and inputs are shown in English too.
        await admin.GoAsync("/workflows/standard-evaluation");
        await page.WaitForSelectorAsync(".react-flow__node[data-id='eligibility']");
        var toolboxEntry = page.Locator(".toolbox-item[data-type='Titles.Eligibility'] .toolbox-item-desc");
        Assert.StartsWith("Checks eligibility automatically by rules", await toolboxEntry.InnerTextAsync());
        await page.Locator(".react-flow__node[data-id='eligibility']").ClickAsync();
        var label = page.Locator(".props [data-input='oneQualificationPerYear']");
        await label.WaitForAsync();
        Assert.Equal("One qualification per year", await label.InnerTextAsync());
        await page.Locator(".props", new() { HasText = "Ineligible when there is already any application this year" }).WaitForAsync();
        Assert.StartsWith("Checks eligibility automatically by rules", await page.Locator(".props .props-desc").InnerTextAsync());
        Assert.Equal(0, await page.Locator(".toolbox-item-desc, .props-desc, .props [data-input]").EvaluateAllAsync<int>(
            "els => els.filter(e => /[\\u4e00-\\u9fff]/.test(e.textContent)).length"));
        await page.ClickAsync(".lang-switch button:has-text('中文')");
        await page.Locator(".topnav a", new() { HasText = "流程" }).WaitForAsync();
    }
}
