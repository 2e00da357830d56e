using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Designer.Studio.Tests.Infrastructure;
using Microsoft.Playwright;
using UglyToad.PdfPig;
using Xunit.Abstractions;

namespace Designer.Studio.Tests;

/// <summary>
/// Issue 11's registration journey: a visitor registers, applies, answers a correction, follows the timeline and
/// downloads the certificate PDF. (Issue 8's onboarding of a new prefecture, which needs time to pass, is
/// <see cref="OnboardingClockJourneyTests"/> on a server with a test clock.)
/// </summary>
[Collection(StudioCollection.Name)]
public sealed class OnboardingJourneyTests(StudioServer server, Browser browser, ITestOutputHelper output)
{
    [BrowserFact]
    public async Task A_registered_applicant_answers_a_correction_follows_the_timeline_and_downloads_the_certificate()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        const string locality = "sample-city";
        var definitionId = $"registration-{tag}";
        var reviewerUser = $"{locality}-hr-{tag}";
        using (var api = await ApiAsync("admin"))
        {
            await ExpectAsync(await api.PostAsJsonAsync("/api/users", new JsonObject
            {
                ["userName"] = reviewerUser, ["displayName"] = "示例市人社审核", ["password"] = StudioServer.Password, ["roles"] = new JsonArray("reviewer"),
                ["locality"] = locality, ["org"] = $"{locality}/hr", ["taskRoles"] = new JsonArray("reviewer"),
            }));
            await ExpectAsync(await api.PostAsJsonAsync("/api/workflows", CorrectionProcedure(definitionId, locality)));
            await ExpectAsync(await api.PostAsync($"/api/workflows/{definitionId}/publish", null));
        }

        var applicantUser = $"visitor-{tag}";
        var context = await browser.Instance.NewContextAsync(new() { Locale = "zh-CN", ViewportSize = new() { Width = 1400, Height = 950 } });
        context.SetDefaultTimeout(20_000);
        var errors = new List<string>();
        try
        {
            var page = await context.NewPageAsync();
            page.PageError += (_, e) => errors.Add(e);
            await page.GotoAsync($"{server.BaseUrl}/#/login");
            await page.GetByRole(AriaRole.Link, new() { Name = "注册申报人账户" }).ClickAsync();
            await page.FillAsync("#reg-userName", applicantUser);
            await page.FillAsync("#reg-displayName", "马晓燕");
            await page.FillAsync("#reg-idNumber", "11010519491231002X");
            await page.FillAsync("#reg-phone", "13812345678");
            await page.SelectOptionAsync("#reg-locality", locality);
            await page.FillAsync("#reg-county", "示例区");
            await page.FillAsync("#reg-password", StudioServer.Password);
            await page.FillAsync("#reg-confirm", StudioServer.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "注册并登录" }).ClickAsync();
            await page.Locator(".user-name", new() { HasText = "马晓燕" }).WaitForAsync();

            // Applies, choosing 工作单位 among the city's registered units (it prefills the county and employment type).
            await page.GotoAsync($"{server.BaseUrl}/#/procedures");
            await page.Locator($".procedure-card[data-definition-id='{definitionId}'] a.btn-primary").ClickAsync();
            await page.WaitForSelectorAsync("#apply_name");
            await page.FillAsync("#apply_name", "马晓燕");
            await page.SelectOptionAsync("select#apply_unit", "示例市建筑设计研究院");
            Assert.Equal("示例区", await page.InputValueAsync("#apply_county"));
            await page.SelectOptionAsync("#apply_employmentType", new SelectOptionValue { Label = "事业单位专业技术人员" });
            await page.CheckAsync("#apply_workplaceLevel-1");
            await page.SelectOptionAsync("#apply_series", new SelectOptionValue { Label = "中小学（含幼儿园）教师" });
            await page.CheckAsync("#apply_level-2");
            await page.CheckAsync("#apply_kind-1");
            await page.CheckAsync("#apply_truthfulnessPledge");
            await page.ClickAsync("[data-testid='submit-application']");
            await page.WaitForFunctionAsync("() => /^#\\/applications\\/[^/]+$/.test(location.hash)");
            var applicationId = page.Url.Split("#/applications/")[1];

            // The reviewer returns it with an itemised list.
            await using (var reviewer = await StudioSession.SignInAsync(browser, server, reviewerUser, output))
            {
                var task = await OpenTaskAsync(reviewer, applicationId);
                await task.Locator("[id$='_opinion']").FillAsync("缺少继续教育证明，请补正。");
                await task.Locator("button.btn-add").First.ClickAsync();
                await task.Locator("[id$='_correctionItems_0_item']").FillAsync("继续教育学时证明");
                reviewer.Page.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
                await task.Locator(".action-buttons [data-action='return']").ClickAsync();
                await reviewer.Page.WaitForFunctionAsync("() => location.hash.startsWith('#/inbox')");
                Assert.Empty(reviewer.PageErrors);
            }

            // The registered applicant reads the list on the timeline and answers it.
            await page.GotoAsync($"{server.BaseUrl}/#/applications");
            await page.GotoAsync($"{server.BaseUrl}/#/applications/{applicationId}");
            await page.Locator(".timeline .correction-items").GetByText("继续教育学时证明").WaitForAsync();
            var pending = page.Locator("section.card-highlight");
            await pending.Locator("[id$='_response']").FillAsync("已补传继续教育学时证明。");
            await pending.Locator("input[type=checkbox][id$='_truthfulnessPledge']").CheckAsync();
            await page.ScreenshotAsync(new() { Path = Artifacts.Path("registration-1-correction.png"), FullPage = true });
            await pending.Locator(".action-buttons [data-action='approve']").ClickAsync();
            await page.Locator(".timeline .tl-item[data-stage='correction']").WaitForAsync();

            await using (var reviewer = await StudioSession.SignInAsync(browser, server, reviewerUser, output))
            {
                var task = await OpenTaskAsync(reviewer, applicationId);
                await reviewer.Page.Locator(".task-side .timeline").GetByText("已补传继续教育学时证明。", new() { Exact = false }).WaitForAsync();
                await task.Locator("[id$='_opinion']").FillAsync("材料齐全，同意。");
                await task.Locator(".action-buttons [data-action='approve']").ClickAsync();
                await reviewer.Page.WaitForFunctionAsync("() => location.hash.startsWith('#/inbox')");
            }

            // The timeline ends at the certificate, which downloads as a PDF naming the holder.
            await page.GotoAsync($"{server.BaseUrl}/#/applications");
            await page.GotoAsync($"{server.BaseUrl}/#/applications/{applicationId}");
            await page.Locator(".alert-ok", new() { HasText = "已取得资格" }).WaitForAsync();
            var timeline = await page.Locator(".timeline").InnerTextAsync();
            Assert.Contains("继续教育学时证明", timeline);
            await page.ScreenshotAsync(new() { Path = Artifacts.Path("registration-2-certificate.png"), FullPage = true });
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByText("下载证书（PDF）").ClickAsync());
            var file = Artifacts.Path("registration-certificate.pdf");
            await download.SaveAsAsync(file);
            using var pdf = PdfDocument.Open(file);
            var text = string.Concat(pdf.GetPages().Select(p => p.Text)).Replace(" ", "");
            Assert.Contains("专业技术资格证书", text);
            Assert.Contains("马晓燕", text);
        }
        finally
        {
            await context.DisposeAsync();
        }
        Assert.Empty(errors);
    }

    private static async Task<ILocator> OpenTaskAsync(StudioSession reviewer, string applicationId)
    {
        await reviewer.GoAsync("/inbox");
        await reviewer.Page.Locator($"a[href*='tasks/{applicationId}']").First.ClickAsync();
        var side = reviewer.Page.Locator(".task-side");
        await side.Locator(".action-buttons").WaitForAsync();
        return side;
    }

    /// <summary>apply → HR review (approve or return for correction) → certificate.</summary>
    private static JsonObject CorrectionProcedure(string definitionId, string locality)
    {
        var review = Step("review", "hr-review", $"{locality}/hr", "reviewer", "review-opinion");
        review["actions"] = Literal(new JsonArray("approve", "return"));
        return new()
        {
            ["definitionId"] = definitionId, ["name"] = "测试：注册申报与补正", ["customProperties"] = new JsonObject { ["locality"] = locality },
            ["root"] = new JsonObject
            {
                ["type"] = "Elsa.Flowchart", ["id"] = "root",
                ["activities"] = new JsonArray(
                    new JsonObject { ["id"] = "start", ["type"] = "Elsa.Start" },
                    Step("apply", "apply", "applicant", "applicant", "apply"),
                    review,
                    Step("correction", "correction", "applicant", "applicant", "correction"),
                    new JsonObject
                    {
                        ["id"] = "certificate", ["type"] = "Titles.Certificate", ["issuer"] = Literal($"{locality}/hr"), ["directed"] = Literal(false),
                        ["validIn"] = Literal(""), ["numberPrefix"] = Literal("ZC"),
                    },
                    new JsonObject { ["id"] = "done", ["type"] = "Titles.Conclude", ["result"] = Literal("Completed") }),
                ["connections"] = new JsonArray(
                    Connect("start", "Done", "apply"), Connect("apply", "approve", "review"), Connect("review", "return", "correction"),
                    Connect("correction", "approve", "review"), Connect("review", "approve", "certificate"), Connect("certificate", "Done", "done")),
            },
        };
    }

    private static JsonObject Step(string id, string stage, string org, string role, string form) => new()
    {
        ["id"] = id, ["type"] = "Titles.Task", ["stage"] = Literal(stage), ["assigneeOrg"] = Literal(org), ["assigneeRole"] = Literal(role),
        ["actions"] = Literal(new JsonArray("approve")), ["form"] = Literal(form),
    };

    private static JsonObject Literal(JsonNode value) => new() { ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = value } };

    private static JsonObject Connect(string from, string port, string to) => new()
    {
        ["source"] = new JsonObject { ["activity"] = from, ["port"] = port }, ["target"] = new JsonObject { ["activity"] = to, ["port"] = "In" },
    };

    private Task<HttpClient> ApiAsync(string userName) => new StudioWorld(server).SignInAsync(userName);

    private static Task<JsonObject> ExpectAsync(HttpResponseMessage response) => StudioWorld.ExpectAsync(response);
}
