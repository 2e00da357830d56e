using Designer.Studio.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Designer.Studio.Tests;

/// <summary>
/// Two defects seen in the browser: the header lost its menu on a 390 px phone (now a menu button, usable by
/// keyboard), and the attachment widget left the file name blank under an empty block (now it shows the chosen
/// file's name and size, fills the item's file name and removes the file on request).
/// </summary>
[Collection(StudioCollection.Name)]
public sealed class NarrowScreenAndAttachmentTests(StudioServer server, Browser browser, ITestOutputHelper output)
{
    [BrowserFact]
    public async Task On_a_390_px_screen_the_menu_opens_from_its_button_by_keyboard_and_closes_with_escape_or_a_link()
    {
        await using var session = await StudioSession.SignInAsync(browser, server, "bazhou-applicant", output);
        var page = session.Page;
        await page.SetViewportSizeAsync(390, 844);
        await session.GoAsync("/procedures");
        var toggle = page.GetByRole(AriaRole.Button, new() { Name = "菜单" });
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "主菜单" });
        await toggle.WaitForAsync();
        Assert.False(await nav.IsVisibleAsync());
        Assert.Equal("false", await toggle.GetAttributeAsync("aria-expanded"));

        await toggle.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await nav.GetByRole(AriaRole.Link, new() { Name = "我的申报" }).WaitForAsync();
        Assert.Equal("true", await toggle.GetAttributeAsync("aria-expanded"));
        // Tab goes on into the menu's links; sign-out and password are in it too (the user box is folded away).
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("A", await page.EvaluateAsync<string>("() => document.activeElement.tagName"));
        await nav.GetByRole(AriaRole.Button, new() { Name = "退出" }).WaitForAsync();
        await session.ScreenshotAsync("narrow-menu-open");

        await page.Keyboard.PressAsync("Escape");
        await nav.WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        Assert.Equal("menu-toggle", await page.EvaluateAsync<string>("() => document.activeElement.id"));

        await toggle.ClickAsync();
        await nav.GetByRole(AriaRole.Link, new() { Name = "我的申报" }).ClickAsync();
        await page.WaitForFunctionAsync("() => location.hash.startsWith('#/applications')");
        await nav.WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        Assert.Empty(session.PageErrors);
    }

    [BrowserFact]
    public async Task The_attachment_widget_shows_the_chosen_files_name_and_size_fills_its_file_name_and_removes_it()
    {
        var world = new StudioWorld(server);
        var definitionId = "attachment-" + Guid.NewGuid().ToString("N")[..6];
        var reviewer = await world.CreateUserAsync("sample-city", "reviewer", org: "sample-city/hr", taskRoles: "reviewer");
        await world.PublishAsync(Flows.Flowchart(definitionId, "测试：附件", "sample-city",
            [Flows.Start(), Flows.Step("apply", "apply", "applicant", "applicant", ["approve"], "apply"),
             Flows.Step("review", "hr-review", "sample-city/hr", "reviewer", ["approve"], "review-opinion"), Flows.Conclude("done", "Completed")],
            [Flows.Connect("start", "Done", "apply"), Flows.Connect("apply", "approve", "review"), Flows.Connect("review", "approve", "done")]));
        await using var session = await StudioSession.SignInAsync(browser, server, await world.CreateUserAsync("sample-city", "applicant"), output);
        var page = session.Page;
        await session.GoAsync($"/apply/{definitionId}");
        await page.WaitForSelectorAsync("#apply_name");
        await page.Locator("button.btn-add").First.ClickAsync();
        await page.Locator("[id$='_evidence_0_fileName']").WaitForAsync();
        _ = reviewer;
        // No picker over an empty block ("上传文件 / 填写文件地址"): just the fields.
        Assert.Equal(0, await page.GetByRole(AriaRole.Combobox).Filter(new() { HasText = "填写文件地址" }).CountAsync());

        var fileInput = page.Locator("input[type=file][id$='_evidence_0_dataUrl']");
        await fileInput.SetInputFilesAsync(new FilePayload { Name = "本科毕业证书.pdf", MimeType = "application/pdf", Buffer = new byte[2048] });
        var chosen = page.Locator(".attachment-chosen");
        await chosen.GetByText("本科毕业证书.pdf").WaitForAsync();
        Assert.Contains("2.0 KB", await chosen.InnerTextAsync());
        Assert.Equal("本科毕业证书.pdf", await page.Locator("input[id$='_evidence_0_fileName']").InputValueAsync());
        await session.ScreenshotAsync("attachment-chosen", fullPage: false);

        await chosen.GetByRole(AriaRole.Button, new() { Name = "删除附件 本科毕业证书.pdf" }).ClickAsync();
        await chosen.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        Assert.Empty(session.PageErrors);
    }

    [BrowserFact]
    public async Task A_date_field_in_an_English_browser_is_written_year_month_day_and_a_wrong_date_is_named()
    {
        var world = new StudioWorld(server);
        var definitionId = "dates-" + Guid.NewGuid().ToString("N")[..6];
        await world.PublishAsync(Flows.Flowchart(definitionId, "测试：日期", "sample-city",
            [Flows.Start(), Flows.Step("apply", "apply", "applicant", "applicant", ["approve"], "apply"), Flows.Conclude("done", "Completed")],
            [Flows.Connect("start", "Done", "apply"), Flows.Connect("apply", "approve", "done")]));
        var applicant = await world.CreateUserAsync("sample-city", "applicant");
        await using var session = await StudioSession.SignInAsync(browser, server, applicant, output, browserLocale: "en-US");
        var page = session.Page;
        await session.GoAsync($"/apply/{definitionId}");
        var date = page.Locator("#apply_currentTitleDate");
        await date.WaitForAsync();
        // Not the browser's native date input, whose empty face reads mm/dd/yyyy in an English browser.
        Assert.Equal("text", await date.GetAttributeAsync("type"));
        Assert.Equal(0, await page.Locator("input[type=date]").CountAsync());
        Assert.Contains("2026-12-01", await date.GetAttributeAsync("placeholder") ?? "");
        Assert.DoesNotContain("mm/dd", (await page.Locator("main").InnerTextAsync()).ToLowerInvariant());

        // A usual Chinese spelling is taken and written back as the form stores it.
        await date.FillAsync("2019年9月2日");
        await date.BlurAsync();
        Assert.Equal("2019-09-02", await date.InputValueAsync());
        // A day that does not exist is named beside the field, and the field says it is invalid.
        await date.FillAsync("2019-02-30");
        await date.BlurAsync();
        await page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "请按 年-月-日 填写日期" }).WaitForAsync();
        Assert.Equal("true", await date.GetAttributeAsync("aria-invalid"));
        await session.ScreenshotAsync("date-field-english-browser", fullPage: false);
        Assert.Empty(session.PageErrors);
    }
}
