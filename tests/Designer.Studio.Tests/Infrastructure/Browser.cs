using Microsoft.Playwright;

namespace Designer.Studio.Tests.Infrastructure;

/// <summary>
/// A browser test: runs when Chromium is installed at /usr/bin/chromium (or STUDIO_CHROMIUM); otherwise it is skipped
/// with a clear message, except when CI=true, where it runs and fails, because CI must never skip browser tests.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!File.Exists(Browser.ChromiumPath) && !Browser.OnCi)
            Skip = $"Chromium not found at {Browser.ChromiumPath}: browser tests skipped (install chromium, or set STUDIO_CHROMIUM; with CI=true this fails instead).";
    }
}

/// <summary>Chromium through Playwright (the system browser: Playwright's own download is not used).</summary>
public sealed class Browser : IAsyncLifetime
{
    public static string ChromiumPath => Environment.GetEnvironmentVariable("STUDIO_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";
    public static bool OnCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private IPlaywright? playwright;
    private IBrowser? browser;

    public IBrowser Instance => browser ?? throw new InvalidOperationException(
        $"Chromium could not be started from {ChromiumPath}" + (OnCi ? " (CI=true: browser tests must run)." : "."));

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            if (OnCi) throw new InvalidOperationException($"CI=true but Chromium is missing at {ChromiumPath}: install it (.ci/run installs chromium and CJK fonts).");
            return;
        }
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (browser is not null) await browser.DisposeAsync();
        playwright?.Dispose();
    }
}
