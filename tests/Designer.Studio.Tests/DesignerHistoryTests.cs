using Designer.Studio.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Designer.Studio.Tests;

/// <summary>The designer's undo history: an edit and a deletion are taken back and restored.</summary>
[Collection(StudioCollection.Name)]
public sealed class DesignerHistoryTests(StudioServer server, Browser browser, ITestOutputHelper output)
{
    [BrowserFact]
    public async Task Undo_takes_back_an_edit_and_a_deletion_and_redo_restores_them()
    {
        await using var admin = await StudioSession.SignInAsync(browser, server, "admin", output);
        var page = admin.Page;
        await admin.GoAsync("/workflows/standard-evaluation");
        var eligibility = page.Locator(".react-flow__node[data-id='eligibility']");
        await eligibility.WaitForAsync();
        var undo = page.Locator(".designer-actions button", new() { HasText = "撤销" });
        var redo = page.Locator(".designer-actions button", new() { HasText = "重做" });
        Assert.True(await undo.IsDisabledAsync());

        var name = page.Locator("#wf-name");
        var stored = await name.InputValueAsync();
        await name.FillAsync(stored + "（修订）");
        await undo.ClickAsync();
        Assert.Equal(stored, await name.InputValueAsync());
        await redo.ClickAsync();
        Assert.Equal(stored + "（修订）", await name.InputValueAsync());

        // A deleted activity comes back with its connections.
        var edgesBefore = await page.Locator(".react-flow__edge").CountAsync();
        await eligibility.ClickAsync();
        await page.Keyboard.PressAsync("Delete");
        await eligibility.WaitForAsync(new() { State = Microsoft.Playwright.WaitForSelectorState.Detached });
        Assert.True(await page.Locator(".react-flow__edge").CountAsync() < edgesBefore);
        await page.Keyboard.PressAsync("Control+z");
        await eligibility.WaitForAsync();
        Assert.Equal(edgesBefore, await page.Locator(".react-flow__edge").CountAsync());
        await page.Keyboard.PressAsync("Control+Shift+z");
        await eligibility.WaitForAsync(new() { State = Microsoft.Playwright.WaitForSelectorState.Detached });
        Assert.Empty(admin.PageErrors);
    }
}
