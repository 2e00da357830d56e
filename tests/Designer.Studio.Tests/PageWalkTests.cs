using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Designer.Forms;
using Designer.Studio.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Designer.Studio.Tests.Infrastructure.Flows;

namespace Designer.Studio.Tests;

/// <summary>
/// Every user's pages, walked in Chinese and in English with screenshots: applicant, unit, county bureau, department,
/// HR and committee office, operator (locality admin), auditor and the public. The Chinese pages show no vocabulary
/// code, application status code or JSON path where a Chinese name exists, and no page fails.
/// </summary>
[Collection(StudioCollection.Name)]
public sealed partial class PageWalkTests(StudioServer server, Browser browser, ITestOutputHelper output)
{
    private const string Locality = "sample-city";
    private const string County = "sample-district";
    private readonly StudioWorld world = new(server);

    /// <summary>
    /// Codes that have a Chinese name: employment types, levels, kinds, statuses, paths into a definition (a code inside
    /// a record's id, such as a workflow's `bazhou-directed-deputy-senior`, is an id, not a code shown for a name).
    /// </summary>
    [GeneratedRegex(@"(?<![\w/.-])(sample-district|public-institution|state-owned-enterprise|non-public|deputy-senior|intermediate|assistant|directed|general|Waiting|Completed|Rejected|Faulted|Cancelled|Withdrawn|passed|failed)(?![\w/-])|\$\.root", RegexOptions.None)]
    private static partial Regex Codes();

    [BrowserFact]
    public async Task Every_users_pages_show_names_not_codes_in_Chinese_and_render_in_English()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var unit = $"巡检第一中学{suffix}";
        // The city registers its units: the walk's own unit is registered before anyone names it.
        using (var admin = await world.SignInAsync("admin"))
            await StudioWorld.ExpectAsync(await admin.PostAsJsonAsync("/api/organisations", new JsonObject
            {
                ["id"] = $"{Locality}/unit/page-walk-{suffix}", ["name"] = unit, ["kind"] = "unit", ["county"] = County, ["employmentType"] = "public-institution",
            }));
        var leader = await world.CreateUserAsync(Locality, "reviewer", org: "unit", taskRoles: "leader", unit: unit);
        var bureau = await world.CreateUserAsync(Locality, "reviewer", org: "county/education", taskRoles: "reviewer");
        var department = await world.CreateUserAsync(Locality, "reviewer", org: $"{Locality}/education", taskRoles: "reviewer");
        var hr = await world.CreateUserAsync(Locality, "reviewer", org: $"{Locality}/hr", taskRoles: "reviewer,committee");
        var definitionId = $"walk-{suffix}";
        string[] reviewSteps = ["unit", "county", "department", "hr"];
        await world.PublishAsync(Flowchart(definitionId, "测试：页面巡检", Locality,
            [
                Start(), Step("apply", "apply", "applicant", "applicant", ["approve"], "apply"),
                Step("unit", "unit-recommend", "unit", "leader", ["approve", "reject", "return"], "review-opinion"),
                Step("county", "competent-review", "county/education", "reviewer", ["approve", "reject"], "review-opinion"),
                Step("department", "competent-review", $"{Locality}/education", "reviewer", ["approve", "reject"], "review-opinion"),
                Step("hr", "hr-review", $"{Locality}/hr", "reviewer", ["approve", "reject"], "review-opinion"),
                Conclude("done", "Completed"), Conclude("refused", "Rejected"),
            ],
            [
                Connect("start", "Done", "apply"), Connect("apply", "approve", "unit"), Connect("unit", "approve", "county"), Connect("unit", "return", "apply"),
                Connect("county", "approve", "department"), Connect("department", "approve", "hr"), Connect("hr", "approve", "done"),
                Connect("unit", "reject", "refused"), Connect("county", "reject", "refused"), Connect("department", "reject", "refused"), Connect("hr", "reject", "refused"),
            ]));
        var applicantName = await world.CreateUserAsync(Locality, "applicant");
        var reviewers = new[] { leader, bureau, department, hr };
        var applications = new List<string>();
        using (var applicant = await world.SignInAsync(applicantName))
            for (var i = 0; i < 4; i++)
                applications.Add(await world.ApplyAsync(applicant, definitionId, new JsonObject
                {
                    ["name"] = $"巡检{i + 1}号", ["county"] = County, ["unit"] = unit, ["employmentType"] = "public-institution",
                }));
        // Application n waits at review step n: each reviewer has one in their inbox.
        var opinion = await MinimalAsync("review-opinion");
        for (var i = 0; i < 4; i++)
            for (var step = 0; step < i; step++)
                await ActAsync(reviewers[step], applications[i], opinion);
        var waitingAtUnit = applications[0];

        var walks = new (string User, string Who, string[] Routes)[]
        {
            (applicantName, "applicant", ["/", "/procedures", "/applications", $"/applications/{applications[2]}", $"/apply/{definitionId}"]),
            (leader, "unit", ["/inbox", "/inbox/recommendation", $"/tasks/{await TaskIdAsync(leader, waitingAtUnit)}"]),
            (bureau, "county-bureau", ["/inbox", $"/tasks/{await TaskIdAsync(bureau, applications[1])}"]),
            (department, "department", ["/inbox", $"/tasks/{await TaskIdAsync(department, applications[2])}"]),
            (hr, "hr-committee-office", ["/inbox", $"/tasks/{await TaskIdAsync(hr, applications[3])}", "/committee", "/committees", "/experts"]),
            ("sample-city-admin", "operator", ["/operations", "/users", "/organisations", "/governance", "/governance?tab=complaints", "/workflows", "/calendar", "/vocabulary", $"/journal/{applications[3]}"]),
            ("auditor", "auditor", ["/history", "/history?tab=trail", $"/journal/{applications[3]}", $"/history/{definitionId}"]),
        };
        var problems = new List<string>();
        foreach (var (user, who, routes) in walks)
        {
            await using var session = await StudioSession.SignInAsync(browser, server, user, output);
            await WalkAsync(session.Page, who, routes, session.GoAsync, problems);
            Assert.True(session.PageErrors.Count == 0, $"{who}: {string.Join("; ", session.PageErrors)}");
        }

        var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await WalkAsync(page, "public", ["/public/publicity", "/public/certificates", "/register"], route => page.GotoAsync($"{server.BaseUrl}/#{route}"), problems);
        await context.DisposeAsync();

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>Each route in Chinese (checked for codes), then in English; a screenshot of each.</summary>
    private async Task WalkAsync(IPage page, string who, string[] routes, Func<string, Task> go, List<string> problems)
    {
        foreach (var language in new[] { "zh", "en" })
        {
            for (var i = 0; i < routes.Length; i++)
            {
                await go(routes[i]);
                await page.Locator("main, .page").First.WaitForAsync();
                // Loaded: no spinner left (the notification bell keeps polling, so the network is never idle).
                await page.WaitForTimeoutAsync(300);
                await page.WaitForFunctionAsync("() => !document.querySelector('.spinner')");
                if (language == "zh" && i == 0 && await page.Locator(".lang-switch button", new() { HasText = "中文" }).IsVisibleAsync())
                    await page.Locator(".lang-switch button", new() { HasText = "中文" }).ClickAsync();
                var text = await page.Locator("main, .page").First.InnerTextAsync();
                if (language == "zh")
                    foreach (Match code in Codes().Matches(text))
                        problems.Add($"{who} {routes[i]}: shows the code “{code.Value}”: …{Around(text, code.Index)}…");
                var path = Artifacts.Path($"walk-{who}-{i + 1}-{language}.png");
                await page.ScreenshotAsync(new() { Path = path, FullPage = true });
                output.WriteLine($"screenshot: {path}");
            }
            if (language == "zh" && await page.Locator(".lang-switch button", new() { HasText = "EN" }).IsVisibleAsync())
                await page.Locator(".lang-switch button", new() { HasText = "EN" }).ClickAsync();
        }
        if (await page.Locator(".lang-switch button", new() { HasText = "中文" }).IsVisibleAsync())
            await page.Locator(".lang-switch button", new() { HasText = "中文" }).ClickAsync();
    }

    private static string Around(string text, int index) => text.Substring(Math.Max(0, index - 30), Math.Min(60, text.Length - Math.Max(0, index - 30))).ReplaceLineEndings(" ");

    private async Task<JsonObject> MinimalAsync(string formId)
    {
        using var admin = await world.SignInAsync("admin");
        var form = await StudioWorld.ExpectAsync(await admin.GetAsync($"/api/forms/{formId}"));
        var schema = (form["resolvedSchema"] ?? form["schema"])!.AsObject();
        return FileFormCatalog.FromJson([new(formId, (schema.ToJsonString(), (string?)null))]).MinimalValid(formId);
    }

    private async Task<string> TaskIdAsync(string reviewer, string applicationId)
    {
        using var client = await world.SignInAsync(reviewer);
        var tasks = await StudioWorld.ExpectAsync(await client.GetAsync($"/api/tasks?q={applicationId}"));
        return Assert.Single(tasks["items"]!.AsArray())!["id"]!.GetValue<string>();
    }

    private async Task ActAsync(string reviewer, string applicationId, JsonObject data)
    {
        var taskId = await TaskIdAsync(reviewer, applicationId);
        using var client = await world.SignInAsync(reviewer);
        await StudioWorld.ExpectAsync(await client.PostAsJsonAsync($"/api/tasks/{taskId}/act", new JsonObject { ["action"] = "approve", ["data"] = data.DeepClone() }));
    }
}
