using Designer.Studio.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Designer.Studio.Tests;

/// <summary>
/// Leaving a designer with unsaved edits asks first (stay keeps the edit, leave goes), and an expired session sends the
/// user to sign-in once and back to the page they were on.
/// </summary>
[Collection(StudioCollection.Name)]
public sealed class NavigationTests(StudioServer server, Browser browser, ITestOutputHelper output)
{
    [BrowserFact]
    public async Task Leaving_the_designer_with_unsaved_edits_asks_first()
    {
        await using var admin = await StudioSession.SignInAsync(browser, server, "admin", output);
        var page = admin.Page;
        await admin.GoAsync("/workflows/standard-evaluation");
        await page.WaitForSelectorAsync(".react-flow__node[data-id='eligibility']");
        var name = page.Locator("#wf-name");
        var edited = (await name.InputValueAsync()) + "（修订中）";
        await name.FillAsync(edited);
        await page.Locator(".designer-title .badge", new() { HasText = "未保存" }).WaitForAsync();

        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "有未保存的修改" });
        await page.Locator(".topnav a", new() { HasText = "表单" }).ClickAsync();
        await dialog.WaitForAsync();
        await admin.ScreenshotAsync("8-unsaved-edits-guard");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "留在此页" }).ClickAsync();
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        Assert.EndsWith("#/workflows/standard-evaluation", page.Url);
        Assert.Equal(edited, await name.InputValueAsync());

        // Closing the tab asks the browser's own question (beforeunload).
        string? unloadPrompt = null;
        void OnDialog(object? _, IDialog d) { unloadPrompt = d.Type; _ = d.DismissAsync(); }
        page.Dialog += OnDialog;
        await page.CloseAsync(new() { RunBeforeUnload = true });
        for (var i = 0; i < 50 && unloadPrompt is null; i++) await Task.Delay(100);
        page.Dialog -= OnDialog;
        Assert.Equal("beforeunload", unloadPrompt);
        Assert.False(page.IsClosed, "dismissing the browser's question keeps the tab and its edits");
        Assert.Equal(edited, await name.InputValueAsync());

        // The designer's own link back to the list asks too; leaving discards the edit.
        await page.Locator(".designer-title a", new() { HasText = "流程列表" }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "放弃修改并离开" }).ClickAsync();
        await page.WaitForFunctionAsync("() => location.hash === '#/workflows'");
        await page.Locator("h1", new() { HasText = "流程" }).WaitForAsync();

        // Nothing was saved: the workflow opens with its stored name.
        await admin.GoAsync("/workflows/standard-evaluation");
        await page.WaitForSelectorAsync(".react-flow__node[data-id='eligibility']");
        Assert.NotEqual(edited, await page.Locator("#wf-name").InputValueAsync());
        Assert.Empty(admin.PageErrors);
    }

    [BrowserFact]
    public async Task Leaving_the_form_designer_with_unsaved_edits_asks_first()
    {
        await using var admin = await StudioSession.SignInAsync(browser, server, "admin", output);
        var page = admin.Page;
        await admin.GoAsync("/forms/review-opinion");
        await page.Locator(".fd-field[data-field='opinion'] .fd-field-head").ClickAsync();
        await page.Locator(".fd-field[data-field='opinion'] [data-testid='field-title']").FillAsync("审查意见");

        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "有未保存的修改" });
        await page.Locator(".topnav a", new() { HasText = "流程" }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "留在此页" }).ClickAsync();
        Assert.EndsWith("#/forms/review-opinion", page.Url);
        Assert.Equal("审查意见", await page.Locator(".fd-field[data-field='opinion'] [data-testid='field-title']").InputValueAsync());

        await page.Locator(".topnav a", new() { HasText = "流程" }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "放弃修改并离开" }).ClickAsync();
        await page.WaitForFunctionAsync("() => location.hash.startsWith('#/workflows')");
        Assert.Empty(admin.PageErrors);
    }

    [BrowserFact]
    public async Task An_expired_session_sends_the_user_to_sign_in_and_back_to_the_page()
    {
        await using var admin = await StudioSession.SignInAsync(browser, server, "admin", output);
        var page = admin.Page;
        await admin.GoAsync("/forms");
        var link = page.Locator("tr[data-form-id='review-opinion'] a");
        await link.WaitForAsync();

        // The session ends while the page is open (its cookie is gone); the next click needs the server.
        await admin.Context.ClearCookiesAsync();
        await link.ClickAsync();

        await page.Locator("#login-user").WaitForAsync();
        var hash = await page.EvaluateAsync<string>("() => location.hash");
        Assert.Equal("#/login?next=%2Fforms%2Freview-opinion", hash);
        await page.Locator(".toast", new() { HasText = "登录已过期，请重新登录" }).WaitForAsync();
        await admin.ScreenshotAsync("8b-session-expired-sign-in");

        await page.FillAsync("#login-user", "admin");
        await page.FillAsync("#login-password", StudioServer.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForFunctionAsync("() => location.hash === '#/forms/review-opinion'");
        await page.Locator("[data-testid='form-preview'] label[for='fdpreview_opinion']").WaitForAsync();

        // An address the Studio does not know: the layout stays, with a way home.
        await admin.GoAsync("/no-such-page");
        await page.Locator("main h1", new() { HasText = "页面不存在" }).WaitForAsync();
        Assert.True(await page.Locator(".topnav a", new() { HasText = "流程" }).IsVisibleAsync());
        Assert.Empty(admin.PageErrors);
    }
}
