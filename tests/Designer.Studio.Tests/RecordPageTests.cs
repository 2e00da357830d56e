using Designer.Persistence;
using Designer.Persistence.Entities;
using Designer.Studio.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Designer.Studio.Tests;

/// <summary>
/// The applicant's record in the Studio: HR sees a person's titles (a directed one marked) and registers hours; a title
/// import with a bad row lists the row and imports nothing; a certificate revoked from its check page says so, with the
/// reason, to anyone who checks it.
/// </summary>
[Collection(StudioCollection.Name)]
public sealed class RecordPageTests(StudioServer server, Browser browser, ITestOutputHelper output)
{
    // A person of this class's own: revoking a certificate writes an integrity finding that would stop the demo
    // applicant the other journeys on this shared server apply as.
    private const string Person = "bazhou-record-person";

    [BrowserFact]
    public async Task HR_reads_a_record_registers_hours_and_a_bad_import_lists_its_rows_and_imports_nothing()
    {
        var number = await IssueAsync("ZC-2024-RECORDPAGE1");
        await using var hr = await StudioSession.SignInAsync(browser, server, "bazhou-reviewer-hr", output);
        var page = hr.Page;
        await hr.GoAsync($"/people/{Person}");
        var titles = page.GetByRole(AriaRole.Region, new() { Name = "现有职称" });
        await titles.Locator("td", new() { HasText = number }).WaitForAsync();
        await titles.Locator(".badge", new() { HasText = "定向" }).WaitForAsync();

        var hours = page.GetByRole(AriaRole.Region, new() { Name = "继续教育学时" });
        await hours.GetByLabel("年度", new() { Exact = true }).FillAsync("2023");
        await hours.GetByLabel("学时", new() { Exact = true }).FillAsync("42");
        await hours.GetByRole(AriaRole.Button, new() { Name = "登记学时" }).ClickAsync();
        await hours.Locator("td", new() { HasText = "42" }).WaitForAsync();
        await hours.Locator("td", new() { HasText = "bazhou-reviewer-hr" }).WaitForAsync();

        await hr.GoAsync("/people");
        var import = page.GetByRole(AriaRole.Region, new() { Name = "导入职称" });
        await import.Locator("[data-testid=titles-file]").SetInputFilesAsync(new FilePayload
        {
            Name = "titles.csv", MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes($"userName,series,level,directed,validIn,obtainedOn\n{Person},teacher,assistant,false,,2010-07-01\n{Person},teacher,chief,false,,2011-07-01\n"),
        });
        await import.GetByRole(AriaRole.Button, new() { Name = "导入", Exact = true }).ClickAsync();
        await import.GetByRole(AriaRole.Alert).Locator("li", new() { HasText = "第 3 行" }).WaitForAsync();
        await hr.ScreenshotAsync("record-import-report");

        await hr.GoAsync($"/people/{Person}");
        await titles.Locator("td", new() { HasText = number }).WaitForAsync();
        Assert.Equal(0, await titles.Locator("td", new() { HasText = "2010-07-01" }).CountAsync());
        Assert.Empty(hr.PageErrors);
    }

    [BrowserFact]
    public async Task A_certificate_revoked_from_its_check_page_verifies_as_revoked_with_the_reason()
    {
        var number = await IssueAsync("ZC-2024-RECORDPAGE2");
        await using var hr = await StudioSession.SignInAsync(browser, server, "bazhou-reviewer-hr", output);
        var page = hr.Page;
        await hr.GoAsync($"/public/certificates/{number}");
        await page.Locator(".badge", new() { HasText = "证书有效" }).WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "撤销证书", Exact = true }).ClickAsync();
        await page.GetByLabel("撤销原因", new() { Exact = true }).FillAsync("经查实业绩材料弄虚作假");
        await page.GetByRole(AriaRole.Button, new() { Name = "确认撤销" }).ClickAsync();
        await page.Locator(".badge", new() { HasText = "证书已撤销" }).WaitForAsync();

        // Anyone who checks it, signed in or not, reads that it was revoked, when and why.
        var visitor = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN" });
        var anonymous = await visitor.NewPageAsync();
        await anonymous.GotoAsync($"{server.BaseUrl}/#/public/certificates/{number}");
        var notice = anonymous.Locator(".certificate .alert-error");
        await notice.WaitForAsync();
        Assert.Contains("经查实业绩材料弄虚作假", await notice.InnerTextAsync());
        Assert.Equal(0, await anonymous.GetByRole(AriaRole.Button, new() { Name = "撤销证书" }).CountAsync());
        await visitor.DisposeAsync();
        Assert.Empty(hr.PageErrors);
    }

    /// <summary>A certificate as the Certificate step leaves it, with the title it adds to the holder's register.</summary>
    private async Task<string> IssueAsync(string number)
    {
        using var scope = server.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<DesignerUser>>();
        if (await users.FindByNameAsync(Person) is null)
        {
            var person = new DesignerUser { UserName = Person, DisplayName = "巴州档案申报人", Locality = "bazhou", LockoutEnabled = true };
            Assert.True((await users.CreateAsync(person, StudioServer.Password)).Succeeded);
            await users.AddToRoleAsync(person, "applicant");
        }
        var db = scope.ServiceProvider.GetRequiredService<DesignerDbContext>();
        db.Certificates.Add(new CertificateRecord
        {
            Number = number, ApplicationId = "record-page", Locality = "bazhou", Holder = "巴州申报人", HolderUserName = Person,
            Series = "teacher", Level = "intermediate", Directed = true, ValidIn = "southern Xinjiang", IssuedOn = "2024-09-12",
        });
        db.TitlesHeld.Add(new TitleHeldRecord
        {
            UserName = Person, Series = "teacher", Level = "intermediate", Directed = true, ValidIn = "southern Xinjiang",
            ObtainedOn = "2024-09-12", Source = "certificate", CertificateNumber = number, RegisteredBy = "system", RegisteredAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
        return number;
    }
}
