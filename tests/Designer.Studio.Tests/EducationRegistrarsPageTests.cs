using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Designer.Studio.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Designer.Studio.Tests;

/// <summary>
/// The policy admin adds a continuing-education registrar on the 继续教育登记机构 page (Kashgar's competent departments
/// register and verify professional hours); the list shows it in Chinese, and the department's registration and
/// verification, refused before (it could not even find the person), now go through.
/// </summary>
[Collection(StudioCollection.Name)]
public sealed class EducationRegistrarsPageTests(StudioServer server, Browser browser, ITestOutputHelper output)
{
    [BrowserFact]
    public async Task The_admin_adds_a_registrar_and_the_department_then_registers_and_verifies_professional_hours()
    {
        var world = new StudioWorld(server);
        var person = await world.CreateUserAsync("kashgar", "applicant");
        var departmentUser = await world.CreateUserAsync("kashgar", "reviewer", org: "kashgar/agriculture", taskRoles: "reviewer");
        var department = await world.SignInAsync(departmentUser);
        var hours = new { year = 2019, category = "professional", hours = 72, source = "农业技术培训" };
        var verify = new { fromYear = 2019, toYear = 2019 };
        // Kashgar lists no registrar: the department neither registers nor even finds the person.
        Assert.Equal(HttpStatusCode.NotFound, (await department.PostAsJsonAsync($"/api/people/{person}/education-hours", hours)).StatusCode);

        await using var studio = await StudioSession.SignInAsync(browser, server, "admin", output);
        var page = studio.Page;
        await studio.GoAsync("/education-registrars");
        var table = page.GetByRole(AriaRole.Table, new() { Name = "继续教育登记机构" });
        await table.Locator("td", new() { HasText = "行业主管部门审核人员" }).First.WaitForAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "+ 新增登记机构" }).ClickAsync();
        await page.Locator("#registrar-locality").SelectOptionAsync("kashgar");
        await page.Locator("#registrar-category").SelectOptionAsync("professional");
        await page.Locator("#registrar-kind").SelectOptionAsync("competent-department");
        await page.GetByLabel("同时审验该类学时（审验后计入资格审查）").CheckAsync();
        await page.Locator("#registrar-checks").FillAsync("专业科目学时证明、培训机构和学时");
        await page.Locator("#registrar-source").FillAsync("喀什地区继续教育学时登记审核分工");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();

        var row = table.Locator("tbody tr", new() { HasText = "专业科目学时证明、培训机构和学时" });
        await row.WaitForAsync();
        var text = await row.InnerTextAsync();
        Assert.Contains("专业科目", text);
        Assert.Contains("全部人员", text);
        Assert.Contains("行业主管部门审核人员", text);
        Assert.Contains("审验", text);
        Assert.DoesNotContain("competent-department", text);
        Artifacts.CopyToDocs(await studio.ScreenshotAsync("education-registrars"), "education-registrars.png");

        Assert.Equal(HttpStatusCode.Created, (await department.PostAsJsonAsync($"/api/people/{person}/education-hours", hours)).StatusCode);
        var verified = await department.PostAsJsonAsync($"/api/people/{person}/education-hours/verify", verify);
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        var result = (await verified.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(72, result["professionalHours"]!.GetValue<double>());
        Assert.Equal(departmentUser, result["verifiedBy"]!.GetValue<string>());
        Assert.Empty(studio.PageErrors);
    }
}
