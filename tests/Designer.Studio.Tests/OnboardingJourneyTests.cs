using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Designer.Studio.Tests.Infrastructure;
using Microsoft.Playwright;
using UglyToad.PdfPig;
using Xunit.Abstractions;

namespace Designer.Studio.Tests;

/// <summary>
/// Issue 8 in Chromium: a new prefecture onboarded through the Studio's admin pages (词表: the locality with its
/// county; 组织机构: its HR bureau, the county's HR bureau and a unit; 用户: the unit's, the county bureau's and the
/// committee's reviewers; 专家库 and 评委会: an expert and a committee), then a procedure of the locality published; an
/// applicant registers (注册), applies choosing the unit from the picker (the county follows the unit), and the unit,
/// the county bureau and the committee act in their inboxes until the certificate is granted. And issue 11's
/// registration journey: a visitor registers, applies, answers a correction, follows the timeline and downloads the
/// certificate PDF.
/// </summary>
[Collection(StudioCollection.Name)]
public sealed class OnboardingJourneyTests(StudioServer server, Browser browser, ITestOutputHelper output)
{
    private const string UnitName = "温宿县第一中学";

    [BrowserFact]
    public async Task A_new_prefecture_is_onboarded_in_the_Studio_and_an_applicant_reaches_a_certificate()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var locality = $"aksu-{tag}";
        await using (var admin = await StudioSession.SignInAsync(browser, server, "admin", output))
        {
            var page = admin.Page;
            // 词表: the prefecture under the region, with its county.
            await admin.GoAsync("/vocabulary");
            await page.Locator("#locality-code").FillAsync(locality);
            await page.Locator("#locality-name").FillAsync("阿克苏地区");
            await page.Locator("#locality-parent").SelectOptionAsync("xinjiang");
            await page.Locator("#locality-counties").FillAsync("wensu 温宿县");
            await page.GetByRole(AriaRole.Form, new() { Name = "添加地区" }).GetByRole(AriaRole.Button, new() { Name = "添加" }).ClickAsync();
            await page.GetByRole(AriaRole.Table, new() { Name = "地区" }).GetByText("温宿县").First.WaitForAsync();

            // 组织机构: the prefecture's HR bureau, the county's HR bureau and a unit, all from pickers.
            await admin.GoAsync("/organisations");
            await AddDepartmentAsync(page, locality, "hr", "阿克苏地区人力资源和社会保障局", county: null);
            await AddDepartmentAsync(page, locality, "hr", "温宿县人力资源和社会保障局", county: "wensu");
            await page.GetByRole(AriaRole.Button, new() { Name = "新增机构" }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.Locator("#org-kind").SelectOptionAsync("unit");
            await dialog.Locator("#org-locality").SelectOptionAsync(locality);
            await dialog.Locator("#org-slug").FillAsync("wensu-no1-school");
            await dialog.Locator("#org-name").FillAsync(UnitName);
            await dialog.Locator("#org-county").SelectOptionAsync(new SelectOptionValue { Label = "温宿县" });
            await dialog.Locator("#org-employment").SelectOptionAsync("public-institution");
            await dialog.Locator("#org-quota").FillAsync("3");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
            await page.Locator("select[aria-label='地区']").SelectOptionAsync(locality);
            var table = page.GetByRole(AriaRole.Table, new() { Name = "组织机构" });
            var unitRow = table.Locator("tbody tr", new() { HasText = UnitName });
            await unitRow.WaitForAsync();
            var unitText = await unitRow.InnerTextAsync();
            Assert.Contains("温宿县", unitText);
            Assert.Contains("事业单位", unitText);
            Assert.DoesNotContain("public-institution", unitText);
            Assert.Equal(3, await table.Locator("tbody tr").CountAsync());
            await admin.ScreenshotAsync("onboarding-1-organisations", fullPage: true);

            // 用户: the unit's leader, the county HR bureau's reviewer and the committee office.
            await CreateUserAsync(page, $"{locality}-unit", "温宿一中人事", locality, "unit", "reviewer", unit: UnitName);
            await CreateUserAsync(page, $"{locality}-county", "温宿县人社审核", locality, $"{locality}/wensu/hr", "reviewer");
            await CreateUserAsync(page, $"{locality}-committee", "阿克苏评委会办公室", locality, $"{locality}/hr", "committee");
            await admin.ScreenshotAsync("onboarding-2-users", fullPage: true);

            // 专家库 and 评委会: an expert of the series and a committee of one series drawing on them.
            await admin.GoAsync("/experts");
            await page.GetByRole(AriaRole.Button, new() { Name = "新增专家" }).ClickAsync();
            dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.Locator("#expert-id").FillAsync($"{locality}/expert/teacher-01");
            await dialog.Locator("#expert-name").FillAsync("艾尔肯·买买提");
            await dialog.Locator("#expert-locality").FillAsync(locality);
            await dialog.Locator("#expert-series").SelectOptionAsync("teacher");
            await dialog.Locator("#expert-unit").FillAsync("阿克苏地区第二中学");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
            await dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });
            await admin.GoAsync("/committees");
            await page.GetByRole(AriaRole.Button, new() { Name = "设立评委会" }).ClickAsync();
            dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.Locator("#committee-id").FillAsync($"{locality}/committee/teacher-intermediate");
            await dialog.Locator("#committee-name").FillAsync("阿克苏地区中小学教师中级职称评审委员会");
            await dialog.Locator("#committee-locality").FillAsync(locality);
            await dialog.GetByRole(AriaRole.Group, new() { Name = "系列" }).GetByText("中小学（含幼儿园）教师").ClickAsync();
            await dialog.GetByRole(AriaRole.Group, new() { Name = "层级" }).Locator("label.checkbox").Nth(2).ClickAsync();
            await dialog.Locator("#committee-organiser").FillAsync($"{locality}/hr");
            await dialog.Locator("#committee-experts").FillAsync($"{locality}/expert/teacher-01");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
            await dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });
            await page.GetByText("阿克苏地区中小学教师中级职称评审委员会").First.WaitForAsync();
            await admin.ScreenshotAsync("onboarding-3-committee", fullPage: true);
            Assert.Empty(admin.PageErrors);
        }

        // The locality's procedure: unit → county HR bureau → committee → certificate (published over the API).
        var definitionId = $"{locality}-evaluation";
        using (var api = await ApiAsync("admin"))
        {
            await ExpectAsync(await api.PostAsJsonAsync("/api/workflows", Procedure(definitionId, locality)));
            await ExpectAsync(await api.PostAsync($"/api/workflows/{definitionId}/publish", null));
        }

        // 注册: the applicant registers in the new prefecture and is signed in.
        var applicantUser = $"{locality}-applicant";
        var context = await browser.Instance.NewContextAsync(new() { Locale = "zh-CN", ViewportSize = new() { Width = 1400, Height = 950 } });
        context.SetDefaultTimeout(20_000);
        var errors = new List<string>();
        string applicationId;
        try
        {
            var page = await context.NewPageAsync();
            page.PageError += (_, e) => errors.Add(e);
            await page.GotoAsync($"{server.BaseUrl}/#/register");
            await page.FillAsync("#reg-userName", applicantUser);
            await page.FillAsync("#reg-displayName", "热依拉·阿不都");
            await page.FillAsync("#reg-idNumber", "11010519491231002X");
            await page.FillAsync("#reg-phone", "13712345678");
            await page.SelectOptionAsync("#reg-locality", locality);
            await page.FillAsync("#reg-county", "温宿县");
            await page.FillAsync("#reg-password", StudioServer.Password);
            await page.FillAsync("#reg-confirm", StudioServer.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "注册并登录" }).ClickAsync();
            await page.Locator(".user-name", new() { HasText = "热依拉·阿不都" }).WaitForAsync();

            // The apply form offers the prefecture's registered units; choosing one fills its county and employment type.
            await page.GotoAsync($"{server.BaseUrl}/#/procedures");
            await page.Locator($".procedure-card[data-definition-id='{definitionId}'] a.btn-primary").ClickAsync();
            await page.WaitForSelectorAsync("#apply_name");
            await page.FillAsync("#apply_name", "热依拉·阿不都");
            var unitPicker = page.Locator("select#apply_unit");
            Assert.Equal([UnitName], (await unitPicker.Locator("option").AllInnerTextsAsync()).Skip(1));
            await unitPicker.SelectOptionAsync(UnitName);
            Assert.Equal("温宿县", await page.InputValueAsync("#apply_county"));
            Assert.Equal("事业单位专业技术人员", (await page.Locator("#apply_employmentType option:checked").InnerTextAsync()).Trim());
            await page.CheckAsync("#apply_workplaceLevel-0");
            await page.SelectOptionAsync("#apply_series", new SelectOptionValue { Label = "中小学（含幼儿园）教师" });
            await page.CheckAsync("#apply_level-2");
            await page.CheckAsync("#apply_kind-0");
            await page.CheckAsync("#apply_truthfulnessPledge");
            await page.ScreenshotAsync(new() { Path = Artifacts.Path("onboarding-4-apply-unit-picker.png"), FullPage = true });
            await page.ClickAsync("[data-testid='submit-application']");
            await page.WaitForFunctionAsync("() => /^#\\/applications\\/[^/]+$/.test(location.hash)");
            applicationId = page.Url.Split("#/applications/")[1];
        }
        finally
        {
            await context.DisposeAsync();
        }
        Assert.Empty(errors);

        // The unit, the county HR bureau and the committee office act, each in their own inbox.
        foreach (var (actor, screenshot) in new[] { ($"{locality}-unit", "onboarding-5-unit-task"), ($"{locality}-county", "onboarding-6-county-task"), ($"{locality}-committee", "onboarding-7-committee-task") })
        {
            await using var reviewer = await StudioSession.SignInAsync(browser, server, actor, output);
            await reviewer.GoAsync("/inbox");
            await reviewer.Page.Locator($"a[href*='tasks/{applicationId}']").First.ClickAsync();
            var side = reviewer.Page.Locator(".task-side");
            await side.Locator(".action-buttons").WaitForAsync();
            await side.Locator("[id$='_opinion']").FillAsync("同意。");
            await reviewer.ScreenshotAsync(screenshot, fullPage: true);
            await side.Locator(".action-buttons [data-action='approve']").ClickAsync();
            await reviewer.Page.WaitForFunctionAsync("() => location.hash.startsWith('#/inbox')");
            Assert.Empty(reviewer.PageErrors);
        }

        await using var applicant = await StudioSession.SignInAsync(browser, server, applicantUser, output);
        await applicant.GoAsync($"/applications/{applicationId}");
        var granted = applicant.Page.Locator(".alert-ok", new() { HasText = "已取得资格" });
        await granted.WaitForAsync();
        Assert.Contains("中小学（含幼儿园）教师", await granted.InnerTextAsync());
        await applicant.ScreenshotAsync("onboarding-8-certificate", fullPage: true);
        Assert.Empty(applicant.PageErrors);
    }

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

    private static async Task AddDepartmentAsync(IPage page, string locality, string department, string name, string? county)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "新增机构" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.Locator("#org-kind").SelectOptionAsync("department");
        await dialog.Locator("#org-locality").SelectOptionAsync(locality);
        await dialog.Locator("#org-level").SelectOptionAsync(county is null ? "prefecture" : "county");
        if (county is not null) await dialog.Locator("#org-county").SelectOptionAsync(county);
        await dialog.Locator("#org-department").SelectOptionAsync(department);
        await dialog.Locator("#org-name").FillAsync(name);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }

    private static async Task CreateUserAsync(IPage page, string userName, string displayName, string locality, string org, string taskRoles, string? unit = null)
    {
        await page.GotoAsync(page.Url.Split('#')[0] + "#/users");
        await page.GetByRole(AriaRole.Button, new() { Name = "新建用户" }).ClickAsync();
        await page.FillAsync("#user-name", userName);
        await page.FillAsync("#user-password", StudioServer.Password);
        await page.FillAsync("#user-display", displayName);
        await page.FillAsync("#user-locality", locality);
        await page.FillAsync("#user-org", org);
        await page.FillAsync("#user-task-roles", taskRoles);
        // The locality registered its unit: 单位 is a choice among its registered units.
        if (unit is not null) await page.SelectOptionAsync("select#user-unit", unit);
        await page.GetByRole(AriaRole.Button, new() { Name = "创建" }).ClickAsync();
        await page.FillAsync("input[aria-label='搜索']", userName);
        await page.Locator($"tr[data-user='{userName}']").WaitForAsync();
    }

    private static JsonObject Procedure(string definitionId, string locality) => new()
    {
        ["definitionId"] = definitionId, ["name"] = "阿克苏地区中小学教师职称评审", ["customProperties"] = new JsonObject { ["locality"] = locality },
        ["root"] = new JsonObject
        {
            ["type"] = "Elsa.Flowchart", ["id"] = "root",
            ["activities"] = new JsonArray(
                new JsonObject { ["id"] = "start", ["type"] = "Elsa.Start" },
                Step("apply", "apply", "applicant", "applicant", "apply"),
                Step("unit-recommend", "unit-recommend", "unit", "reviewer", "review-opinion"),
                Step("county-review", "competent-review", "county/hr", "reviewer", "review-opinion"),
                Step("committee", "committee-vote", $"{locality}/hr", "committee", "review-opinion"),
                new JsonObject
                {
                    ["id"] = "certificate", ["type"] = "Titles.Certificate", ["issuer"] = Literal($"{locality}/hr"), ["directed"] = Literal(false),
                    ["validIn"] = Literal(""), ["numberPrefix"] = Literal("ZC"),
                },
                new JsonObject { ["id"] = "done", ["type"] = "Titles.Conclude", ["result"] = Literal("Completed") }),
            ["connections"] = new JsonArray(
                Connect("start", "Done", "apply"), Connect("apply", "approve", "unit-recommend"), Connect("unit-recommend", "approve", "county-review"),
                Connect("county-review", "approve", "committee"), Connect("committee", "approve", "certificate"), Connect("certificate", "Done", "done")),
        },
    };

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
