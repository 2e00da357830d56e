using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Designer.Studio.Tests.Infrastructure;

/// <summary>One signed-in user in their own browser context (own cookies), with screenshots saved as test artifacts.</summary>
public sealed class StudioSession : IAsyncDisposable
{
    private readonly IBrowserContext context;
    private readonly ITestOutputHelper output;
    private readonly List<string> problems = [];

    private StudioSession(IBrowserContext context, IPage page, string baseUrl, string userName, ITestOutputHelper output)
    {
        this.context = context;
        Page = page;
        BaseUrl = baseUrl;
        UserName = userName;
        this.output = output;
    }

    public IPage Page { get; }

    /// <summary>The browser context: its cookies are this user's session.</summary>
    public IBrowserContext Context => context;
    public string BaseUrl { get; }
    public string UserName { get; }

    /// <summary>
    /// Uncaught page errors, Content-Security-Policy refusals and unexpected failed requests (404, 405 or 5xx; see
    /// <see cref="ExpectFailure"/>) seen so far: a broken page shows up here even when the test's steps pass.
    /// </summary>
    public IReadOnlyList<string> PageErrors => problems;

    private readonly List<(int Status, string PathPart)> expectedFailures = [];

    /// <summary>A test that provokes a failed request on purpose (a wrong certificate number) says so first.</summary>
    public void ExpectFailure(int status, string pathPart) => expectedFailures.Add((status, pathPart));

    /// <summary>A request the page itself makes that finds nothing (404, 405) or breaks the server (5xx) is a defect; 401/403/409/422 are answers the page shows.</summary>
    private void CheckResponse(IResponse response)
    {
        if (response.Status is not (404 or 405 or >= 500)) return;
        var url = response.Url;
        if (expectedFailures.Any(e => e.Status == response.Status && url.Contains(e.PathPart, StringComparison.Ordinal))) return;
        var problem = $"HTTP {response.Status} {response.Request.Method} {url}";
        output.WriteLine($"[{UserName}] {problem}");
        problems.Add(problem);
    }

    /// <param name="browserLocale">The browser's own language (the UI's language is the user's choice, apart from it).</param>
    public static async Task<StudioSession> SignInAsync(Browser browser, StudioServer server, string userName, ITestOutputHelper output, string browserLocale = "zh-CN")
    {
        var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1600, Height = 950 },
            Locale = browserLocale,
            TimezoneId = "Asia/Shanghai",
        });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        var session = new StudioSession(context, page, server.BaseUrl, userName, output);
        page.PageError += (_, error) => session.problems.Add(error);
        page.Response += (_, response) => session.CheckResponse(response);
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.Contains("401")) output.WriteLine($"[{userName}] console: {message.Text}");
            // The server's Content-Security-Policy must fit the Studio: a refused script, style or worker is a broken page.
            if (message.Text.Contains("Content Security Policy")) session.problems.Add($"CSP: {message.Text}");
        };
        await page.GotoAsync($"{server.BaseUrl}/#/login");
        await page.FillAsync("#login-user", userName);
        await page.FillAsync("#login-password", StudioServer.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync(".user-name");
        // The sign-in page sends the user home; wait until that navigation has settled.
        await page.WaitForFunctionAsync("() => !location.hash.startsWith('#/login')");
        return session;
    }

    public async Task GoAsync(string route)
    {
        await Page.GotoAsync($"{BaseUrl}/#{route}");
    }

    /// <summary>Saves a full-page screenshot under the test output folder (screenshots/) and returns its path.</summary>
    public async Task<string> ScreenshotAsync(string name, bool fullPage = false)
    {
        var path = Artifacts.Path($"{name}.png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
        output.WriteLine($"screenshot: {path}");
        return path;
    }

    public async ValueTask DisposeAsync() => await context.DisposeAsync();
}

public static class Artifacts
{
    public static string Folder { get; } = Directory.CreateDirectory(System.IO.Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    public static string Path(string fileName) => System.IO.Path.Combine(Folder, fileName);

    /// <summary>
    /// Copies a screenshot to docs/images (the pictures docs/studio.md and the README show) when it is missing there, or
    /// on every run with STUDIO_DOCS_SCREENSHOTS=1 — so that an ordinary test run leaves the working tree unchanged.
    /// </summary>
    public static void CopyToDocs(string screenshot, string name)
    {
        var images = Directory.CreateDirectory(System.IO.Path.Combine(RepositoryRoot(), "docs", "images")).FullName;
        var target = System.IO.Path.Combine(images, name);
        if (File.Exists(target) && Environment.GetEnvironmentVariable("STUDIO_DOCS_SCREENSHOTS") != "1") return;
        File.Copy(screenshot, target, overwrite: true);
    }

    /// <summary>The repository's root (the folder with Designer.sln).</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Designer.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Designer.sln not found above " + AppContext.BaseDirectory);
    }
}
