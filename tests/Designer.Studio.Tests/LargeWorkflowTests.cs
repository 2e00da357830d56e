using System.Diagnostics;
using System.Text.Json.Nodes;
using Designer.Studio.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Designer.Studio.Tests;

/// <summary>
/// A 300-activity workflow in the designer: it opens, an edit shows on its node, auto-layout finishes. The timings go
/// to the test output (this machine's numbers, not assertions).
/// </summary>
[Collection(StudioCollection.Name)]
public sealed class LargeWorkflowTests(StudioServer server, Browser browser, ITestOutputHelper output)
{
    [BrowserFact]
    public async Task A_300_activity_workflow_opens_edits_and_lays_out()
    {
        var file = Path.Combine(Path.GetTempPath(), $"studio-300-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, Workflow(tasks: 149).ToJsonString());
        try
        {
            await using var admin = await StudioSession.SignInAsync(browser, server, "admin", output);
            var page = admin.Page;
            await admin.GoAsync("/workflows");
            await page.SetInputFilesAsync("[data-testid='import-file']", file);
            await page.Locator(".toast-ok", new() { HasText = "studio-300-activities" }).WaitForAsync();

            var clock = Stopwatch.StartNew();
            await admin.GoAsync("/workflows/studio-300-activities");
            await page.WaitForSelectorAsync(".react-flow__node[data-id='t75']");
            output.WriteLine($"opened 300 activities: {clock.ElapsedMilliseconds} ms, {await page.Locator(".react-flow__node").CountAsync()} nodes in the DOM");

            await page.Locator(".react-flow__node[data-id='t75']").ClickAsync();
            clock.Restart();
            await page.FillAsync("#prop-displayText", "第 75 步（已改名）");
            await page.Locator(".react-flow__node[data-id='t75'] .wf-node-title", new() { HasText = "第 75 步（已改名）" }).WaitForAsync();
            output.WriteLine($"edit shown on its node: {clock.ElapsedMilliseconds} ms");

            // Drag a node: each pointer move until the next frame is painted (React Flow re-renders the moved node,
            // its edges and the minimap).
            var idle = await DragTimings(page, ".react-flow__node[data-id='t75']", steps: 30, press: false);
            var moves = await DragTimings(page, ".react-flow__node[data-id='t75']", steps: 30);
            output.WriteLine($"drag: {Summary(moves)} per pointer move (a move without the button pressed: {Summary(idle)})");
            // Over 150 activities the minimap is a static picture (redrawn after the drag) with the viewport frame.
            Assert.True(await page.Locator("[data-testid='static-minimap'] path").CountAsync() > 1);

            clock.Restart();
            await page.ClickAsync("button[title*='自动布局']");
            await page.WaitForFunctionAsync("() => !document.querySelector(\"button[title*='自动布局']\").disabled", null, new() { Timeout = 60_000 });
            output.WriteLine($"auto-layout: {clock.ElapsedMilliseconds} ms");
            Assert.Equal(0, await page.Locator(".toast-error").CountAsync());
            await admin.ScreenshotAsync("8-designer-300-activities");
            Assert.Empty(admin.PageErrors);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Presses the pointer on the node's title, moves it in small steps, releases it: each step's time until the next frame.</summary>
    internal static async Task<List<double>> DragTimings(Microsoft.Playwright.IPage page, string selector, int steps, bool press = true)
    {
        var box = (await page.Locator(selector).Locator(".wf-node-head").BoundingBoxAsync())!;
        double x = box.X + box.Width / 2, y = box.Y + box.Height / 2;
        await page.Mouse.MoveAsync((float)x, (float)y);
        if (press) await page.Mouse.DownAsync();
        var times = new List<double>();
        for (var i = 1; i <= steps; i++)
        {
            var step = Stopwatch.StartNew();
            await page.Mouse.MoveAsync((float)(x + i * 6 * (press ? 1 : -1)), (float)(y + i * 3));
            await page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
            times.Add(step.Elapsed.TotalMilliseconds);
        }
        if (press) await page.Mouse.UpAsync();
        return times;
    }

    internal static string Summary(List<double> times)
    {
        var sorted = times.Skip(2).OrderBy(t => t).ToList(); // the first moves start the drag
        return $"median {sorted[sorted.Count / 2]:0} ms, p90 {sorted[(int)(sorted.Count * 0.9)]:0} ms, max {sorted[^1]:0} ms";
    }

    private static JsonObject Workflow(int tasks) => ElsaJson.ReviewChain(
        "studio-300-activities", "300 个活动的流程", tasks, assigneeOrg: "bazhou/hr", endId: "done",
        scope: new JsonObject { ["kinds"] = new JsonArray("general") });
}
