using Designer.Studio.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Designer.Studio.Tests;

/// <summary>
/// The whole journey through the Studio, as its users would click it: a locality admin clones the shared template,
/// adds a step on the canvas, connects it and publishes; an applicant of that locality sees the changed procedure,
/// submits with a required field missing (Chinese error next to the field), then submits; the reviewer approves the new
/// step from the inbox; the applicant's timeline shows it.
/// </summary>
[Collection(StudioCollection.Name)]
public sealed class ProcedureChangeJourneyTests(StudioServer server, Browser browser, ITestOutputHelper output)
{
    private const string NewStepName = "政治审查";
    private const string ProcedureName = "巴州职称评审（含政治审查）";

    [BrowserFact]
    public async Task Locality_admin_adds_a_step_and_applicant_and_reviewer_follow_the_changed_procedure()
    {
        var definitionId = await AdminClonesTemplateAddsStepAndPublishes();

        await using var applicant = await StudioSession.SignInAsync(browser, server, "bazhou-applicant", output);
        var applicationId = await ApplicantSubmits(applicant, definitionId);

        await using (var reviewer = await StudioSession.SignInAsync(browser, server, "unit-reviewer-bazhou", output))
        {
            await reviewer.GoAsync("/inbox");
            var row = reviewer.Page.Locator(".inbox-table tr", new() { HasText = NewStepName }).First;
            await row.WaitForAsync();
            await reviewer.ScreenshotAsync("3-reviewer-inbox");
            await row.ClickAsync();
            await reviewer.Page.Locator("[id$='_opinion']").FillAsync("经审查，政治表现良好，同意推荐。");
            Artifacts.CopyToDocs(await reviewer.ScreenshotAsync("4-reviewer-task"), "reviewer-task.png");
            await reviewer.Page.ClickAsync(".action-buttons [data-action='approve']");
            await reviewer.Page.WaitForFunctionAsync("() => location.hash.startsWith('#/inbox')");
            Assert.Empty(reviewer.PageErrors);
        }

        await applicant.GoAsync("/applications");
        await applicant.GoAsync($"/applications/{applicationId}");
        var done = applicant.Page.Locator(".timeline .tl-item", new() { HasText = NewStepName }).Filter(new() { HasText = "通过" });
        await done.WaitForAsync();
        // The reviewer who acted, by their display name (never the user name they sign in with).
        Assert.Contains("巴音郭楞蒙古自治州用人单位", await done.InnerTextAsync());
        Assert.DoesNotContain("unit-reviewer-bazhou", await done.InnerTextAsync());
        // The procedure goes on after the new step: the unit recommendation now waits.
        await applicant.Page.Locator(".timeline .tl-waiting", new() { HasText = "单位推荐" }).WaitForAsync();
        Artifacts.CopyToDocs(await applicant.ScreenshotAsync("5-applicant-timeline"), "applicant-timeline.png");
        Assert.Empty(applicant.PageErrors);
    }

    private async Task<string> AdminClonesTemplateAddsStepAndPublishes()
    {
        await using var admin = await StudioSession.SignInAsync(browser, server, "bazhou-admin", output);
        var page = admin.Page;
        Assert.Contains("#/workflows?locality=bazhou", page.Url);

        await admin.GoAsync("/workflows?locality=templates");
        await page.ClickAsync("[data-testid='clone-standard-evaluation']");
        await page.ClickAsync("[data-testid='confirm-clone']");
        await page.WaitForSelectorAsync(".react-flow__node[data-id='eligibility']");
        var definitionId = Uri.UnescapeDataString(page.Url.Split("#/workflows/")[1]);
        Assert.StartsWith("bazhou-", definitionId);

        await page.FillAsync("#wf-name", ProcedureName);

        // Zoom in around the start of the procedure, where the new step goes.
        var eligibility = await Box(page, ".react-flow__node[data-id='eligibility']");
        await page.Mouse.MoveAsync(eligibility.X + eligibility.Width / 2, eligibility.Y + eligibility.Height / 2);
        for (var i = 0; i < 5; i++)
        {
            await page.Mouse.WheelAsync(0, -200);
            await page.WaitForTimeoutAsync(80);
        }
        await page.WaitForTimeoutAsync(300);

        // Drag a person step ("人工办理") from the toolbox below, between eligibility and the unit recommendation.
        eligibility = await Box(page, ".react-flow__node[data-id='eligibility']");
        var recommend = await Box(page, ".react-flow__node[data-id='unit-recommend']");
        var canvas = await Box(page, ".designer-canvas");
        await page.DragAndDropAsync(".toolbox-item[data-type='Titles.Task']", ".designer-canvas", new()
        {
            TargetPosition = new()
            {
                X = (eligibility.X + recommend.X) / 2 - canvas.X,
                Y = Math.Max(eligibility.Y + eligibility.Height, recommend.Y + recommend.Height) + 110 - canvas.Y,
            },
        });
        await page.WaitForSelectorAsync(".props #prop-displayText");
        var newId = await page.Locator(".props").GetAttributeAsync("data-activity-id");
        Assert.False(string.IsNullOrEmpty(newId));

        // Its properties, from the activity catalog's input metadata: name, stage, assignee, form, actions.
        await page.FillAsync("#prop-displayText", NewStepName);
        await page.SelectOptionAsync("#prop-stage", "political-review");
        await page.SelectOptionAsync("#prop-assigneeOrg", "unit");
        await page.SelectOptionAsync("#prop-assigneeRole", "leader");
        await page.SelectOptionAsync("#prop-form", "review-opinion");
        await page.Locator("#prop-actions label", new() { HasText = "退回补正" }).Locator("input").UncheckAsync();
        var node = page.Locator($".react-flow__node[data-id='{newId}']");
        Assert.Contains(NewStepName, await node.InnerTextAsync());
        Assert.Contains("政治审查", await node.Locator(".wf-stage").InnerTextAsync());
        Assert.Equal(["通过", "不通过"], await node.Locator(".wf-port-label").AllInnerTextsAsync());

        // Connect on the canvas: eligibility's "符合条件" → the new step → the unit recommendation.
        await Connect(page, Source("eligibility", "Eligible"), Target(newId!));
        await Connect(page, Source(newId!, "approve"), Target("unit-recommend"));
        await page.WaitForSelectorAsync($"[data-testid^='rf__edge-'][data-testid*=':{newId}:approve->unit-recommend']");

        // The old connection eligibility → unit recommendation goes (from the property panel's port list).
        await page.ClickAsync(".react-flow__node[data-id='eligibility']");
        await page.Locator(".ports-table tr[data-port='Eligible'] .port-conn", new() { HasText = "单位考核推荐" }).Locator("button").ClickAsync();
        Assert.Equal(1, await page.Locator(".ports-table tr[data-port='Eligible'] .port-conn").CountAsync());

        await page.ClickAsync("[data-testid='publish']");
        await page.Locator(".toast-ok", new() { HasText = "已发布" }).WaitForAsync();
        await page.Locator(".designer-title .badge", new() { HasText = "已发布" }).WaitForAsync();
        // For the picture: the new step selected, its generated property panel beside it, no toasts.
        await node.ClickAsync(new() { Position = new() { X = 60, Y = 12 } });
        await page.Locator(".toast").First.WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = 10_000 });
        Artifacts.CopyToDocs(await admin.ScreenshotAsync("1-admin-designer"), "designer.png");
        Assert.Empty(admin.PageErrors);
        return definitionId;
    }

    private async Task<string> ApplicantSubmits(StudioSession applicant, string definitionId)
    {
        var page = applicant.Page;
        await applicant.GoAsync("/procedures");
        var card = page.Locator($".procedure-card[data-definition-id='{definitionId}']");
        await card.WaitForAsync();
        Assert.Contains(ProcedureName, await card.InnerTextAsync());
        await card.Locator("a.btn-primary").ClickAsync();
        await page.WaitForSelectorAsync("#apply_name");

        // Everything but the name, which the form requires.
        await page.SelectOptionAsync("select#apply_unit", "和静县第一中学");
        await page.FillAsync("#apply_county", "和静县");
        await page.SelectOptionAsync("#apply_employmentType", new SelectOptionValue { Label = "事业单位专业技术人员" });
        await page.CheckAsync("#apply_workplaceLevel-0");
        await page.SelectOptionAsync("#apply_series", new SelectOptionValue { Label = "中小学（含幼儿园）教师" });
        await page.CheckAsync("#apply_level-2");
        await page.CheckAsync("#apply_kind-1");
        await page.CheckAsync("#apply_truthfulnessPledge");
        await page.ClickAsync("[data-testid='submit-application']");

        var nameError = page.Locator(".form-group:has(> #apply_name) .error-detail, .form-group:has(#apply_name) .error-detail").First;
        await nameError.WaitForAsync();
        Assert.Equal("此项为必填项", (await nameError.InnerTextAsync()).Trim());
        Assert.Contains("姓名：此项为必填项", await page.Locator(".form-error-list").InnerTextAsync());
        Assert.Contains("#/apply/", page.Url);
        await page.Locator(".toast-error", new() { HasText = "还有未填写或填写有误的项目" }).WaitForAsync();
        Artifacts.CopyToDocs(await applicant.ScreenshotAsync("2-applicant-required-field"), "applicant-error.png");

        await page.FillAsync("#apply_name", "阿依古丽·买买提");
        await page.ClickAsync("[data-testid='submit-application']");
        await page.WaitForFunctionAsync("() => /^#\\/applications\\/[^/]+$/.test(location.hash)");
        var applicationId = page.Url.Split("#/applications/")[1];
        await page.Locator(".timeline").WaitForAsync();
        // The failed attempt's toast went away with the successful submit (it stays 8 s otherwise).
        Assert.Equal(0, await page.Locator(".toast-error").CountAsync());
        await page.Locator(".toast-ok", new() { HasText = "申报已提交" }).WaitForAsync();
        output.WriteLine("timeline after submitting:\n" + await page.Locator(".timeline").InnerTextAsync());
        await page.Locator(".timeline .tl-waiting", new() { HasText = NewStepName }).WaitForAsync();
        Assert.Empty(applicant.PageErrors);
        return applicationId;
    }

    private static string Source(string activityId, string port) =>
        $".react-flow__node[data-id='{activityId}'] .react-flow__handle.source[data-handleid='{port}']";

    private static string Target(string activityId) => $".react-flow__node[data-id='{activityId}'] .react-flow__handle.target";

    private static async Task Connect(IPage page, string from, string to)
    {
        var s = await Box(page, from);
        var t = await Box(page, to);
        await page.Mouse.MoveAsync(s.X + s.Width / 2, s.Y + s.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync((s.X + t.X) / 2, (s.Y + t.Y) / 2, new() { Steps = 5 });
        await page.Mouse.MoveAsync(t.X + t.Width / 2, t.Y + t.Height / 2, new() { Steps = 5 });
        await page.Mouse.UpAsync();
    }

    private static async Task<LocatorBoundingBoxResult> Box(IPage page, string selector) =>
        await page.Locator(selector).BoundingBoxAsync() ?? throw new InvalidOperationException($"{selector} is not visible");
}
