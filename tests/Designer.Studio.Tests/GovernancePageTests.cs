using Designer.Studio.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Designer.Studio.Tests;

/// <summary>
/// 监督管理 in the Studio: the locality admin sets a unit's post quota (a missing number is refused beside its field),
/// the HR bureau's reviewer files it with the filing number, then registers a report received by telephone and answers
/// it, closing it within its time limit.
/// </summary>
[Collection(StudioCollection.Name)]
public sealed class GovernancePageTests(StudioServer server, Browser browser, ITestOutputHelper output)
{
    private const string Unit = "和静县第四中学";

    [BrowserFact]
    public async Task The_HR_bureau_files_a_quota_and_registers_and_answers_a_report()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        await using (var admin = await StudioSession.SignInAsync(browser, server, "bazhou-admin", output))
        {
            var page = admin.Page;
            await page.GetByRole(AriaRole.Link, new() { Name = "监督管理" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "+ 确定岗位数额" }).ClickAsync();
            await page.Locator("#quota-unit option", new() { HasText = Unit }).WaitForAsync(new() { State = WaitForSelectorState.Attached });
            await page.SelectOptionAsync("#quota-unit", Unit);
            await page.SelectOptionAsync("#quota-kind", "directed");
            await page.SelectOptionAsync("#quota-level", "full-senior");
            await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
            // The server names the missing number; the dialog stays open with the message beside the field.
            await page.Locator(".field-invalid .field-error", new() { HasText = "岗位数额应为" }).WaitForAsync();
            await admin.ScreenshotAsync("governance-quota-refused");
            await page.FillAsync("#quota-posts", "2");
            await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
            var row = QuotaRow(page);
            await row.GetByText("待备案").WaitForAsync();
            Assert.Contains("正高级", await row.InnerTextAsync());
            Assert.Empty(admin.PageErrors);
        }

        await using var hr = await StudioSession.SignInAsync(browser, server, "bazhou-reviewer-hr", output);
        var hrPage = hr.Page;
        await hrPage.GetByRole(AriaRole.Link, new() { Name = "监督管理" }).ClickAsync();
        var quota = QuotaRow(hrPage);
        await quota.GetByRole(AriaRole.Button, new() { Name = $"备案 {Unit}" }).ClickAsync();
        await hrPage.FillAsync("#quota-filing", $"巴人社备〔2024〕{tag}号");
        await hrPage.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "备案" }).ClickAsync();
        await quota.GetByText("已备案").WaitForAsync();
        Assert.Contains($"巴人社备〔2024〕{tag}号", await quota.InnerTextAsync());
        Assert.Contains("“双定向”岗位", await quota.InnerTextAsync());
        await hr.ScreenshotAsync("governance-quotas");

        await hrPage.GetByRole(AriaRole.Tab, new() { Name = "举报台账" }).ClickAsync();
        await hrPage.GetByRole(AriaRole.Button, new() { Name = "+ 登记举报" }).ClickAsync();
        Assert.Equal("bazhou", await hrPage.InputValueAsync("#complaint-locality"));
        var subject = $"电话反映 {tag}";
        await hrPage.FillAsync("#complaint-subject", subject);
        await hrPage.FillAsync("#complaint-content", "反映某单位推荐过程未公示。");
        await hrPage.FillAsync("#complaint-name", "张群众");
        await hrPage.FillAsync("#complaint-contact", "0996-1234567");
        await hrPage.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "受理" }).ClickAsync();
        var report = hrPage.Locator("tr", new() { HasText = subject });
        await report.GetByText("办理中").WaitForAsync();
        Assert.Matches(@"\d{4}-\d{2}-\d{2}", await report.Locator("td").Nth(3).InnerTextAsync());
        await hr.ScreenshotAsync("governance-complaint-open");

        await report.GetByRole(AriaRole.Button, new() { Name = $"答复 {subject}" }).ClickAsync();
        await hrPage.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "办结" }).ClickAsync();
        await hrPage.Locator(".field-invalid .field-error", new() { HasText = "请写明核查结果" }).WaitForAsync();
        await hrPage.FillAsync("#complaint-finding", "经核查，该单位已补充公示，责令整改。");
        await hrPage.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "办结" }).ClickAsync();
        await report.GetByText("已办结").WaitForAsync();
        Assert.Contains("责令整改", await report.InnerTextAsync());
        Assert.Contains("巴音郭楞蒙古自治州人力资源和社会保障部门审核人", await report.InnerTextAsync());
        await hr.ScreenshotAsync("governance-complaints");
        Assert.Empty(hr.PageErrors);
    }

    private static ILocator QuotaRow(IPage page) =>
        page.Locator("tr", new() { HasText = Unit }).Filter(new() { HasText = "正高级" });
}
