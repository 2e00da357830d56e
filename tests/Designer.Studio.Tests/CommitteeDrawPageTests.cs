using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Designer.Forms;
using Designer.Persistence.Entities;
using Designer.Studio.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Designer.Studio.Tests.Infrastructure.Flows;

namespace Designer.Studio.Tests;

/// <summary>
/// The committee office draws a session's members in the Studio: the drawn members, the recusal of the experts of a
/// candidate's unit with the reason, the seed and its replay check; the admin finds the committee and its experts.
/// </summary>
[Collection(StudioCollection.Name)]
public sealed class CommitteeDrawPageTests(StudioServer server, Browser browser, ITestOutputHelper output)
{
    private readonly StudioWorld world = new(server);

    private const string CommitteeId = "bazhou/committee/teacher-deputy-senior";
    private const string CommitteeName = "巴州教师系列双定向副高级职称评审委员会";

    [BrowserFact]
    public async Task The_committee_office_draws_the_members_and_sees_the_recusals()
    {
        var definitionId = "committee-draw-ui-" + Guid.NewGuid().ToString("N")[..6];
        var member = await world.CreateUserAsync("bazhou", "reviewer", org: "bazhou/education", taskRoles: "committee");
        await world.PublishAsync(DrawWorkflow(definitionId));
        var applicantUser = await world.CreateUserAsync("bazhou", "applicant");

        using var applicant = await world.SignInAsync(applicantUser);
        foreach (var (name, unit) in new[] { ("抽签丙", "和静县第三中学"), ("抽签丁", "和静县第一中学") })
            await world.ApplyAsync(applicant, definitionId, new JsonObject { ["name"] = name, ["unit"] = unit, ["series"] = "teacher", ["level"] = "deputy-senior" });
        using var committee = await world.SignInAsync(member);
        var session = await StudioWorld.ExpectAsync(await committee.PostAsJsonAsync("/api/committee-sessions", new JsonObject { ["definitionId"] = definitionId }));
        var sessionId = session["id"]!.GetValue<string>();
        Assert.Equal(CommitteeId, session["committeeId"]!.GetValue<string>());

        await using var studio = await StudioSession.SignInAsync(browser, server, member, output);
        var page = studio.Page;
        await studio.GoAsync("/committee");
        var row = page.Locator("tbody tr", new() { Has = page.Locator($"code:text-is('{sessionId}')") });
        await row.GetByText(CommitteeName).WaitForAsync(); // the committee's name, not its id
        await row.GetByRole(AriaRole.Button, new() { Name = "打开" }).ClickAsync();
        var card = page.Locator("section.card", new() { Has = page.Locator($"h2 code:text-is('{sessionId}')") });
        await card.GetByLabel("抽取人数").FillAsync("5");
        await card.GetByLabel("随机种子").FillAsync("studio-seed");
        await card.GetByRole(AriaRole.Button, new() { Name = "从专家库抽取" }).ClickAsync();

        await card.Locator(".draw-seed", new() { HasText = "studio-seed" }).WaitForAsync();
        Assert.Equal(5, await card.Locator(".draw-members tbody tr").CountAsync());
        await card.Locator(".badge-ok", new() { HasText = "按种子复算一致" }).WaitForAsync();
        var recusals = card.Locator(".draw-recusals li");
        Assert.Equal(3, await recusals.CountAsync());
        Assert.Contains("同一单位（和静县第三中学）", await recusals.First.InnerTextAsync());
        Assert.Contains("抽签丙", await recusals.First.InnerTextAsync());
        await card.GetByText("本次抽取评委 5 人，法定人数和通过票数按抽取的评委计算").WaitForAsync();
        Assert.Equal(0, await card.GetByRole(AriaRole.Button, new() { Name = "从专家库抽取" }).CountAsync());
        await studio.ScreenshotAsync("committee-draw");

        var drawn = await StudioWorld.ExpectAsync(await committee.GetAsync($"/api/committee-sessions/{sessionId}/draw"));
        foreach (var m in drawn["members"]!.AsArray()) await card.Locator(".draw-members").GetByText(m!["name"]!.GetValue<string>()).First.WaitForAsync();
        Assert.Empty(studio.PageErrors);

        await using var office = await StudioSession.SignInAsync(browser, server, "bazhou-admin", output);
        await office.GoAsync("/committees");
        await office.Page.Locator("tbody tr", new() { HasText = CommitteeId }).GetByText("已备案").WaitForAsync();
        await office.GoAsync("/experts");
        await office.Page.GetByLabel("工作单位").FillAsync("和静县第三中学");
        await office.Page.Locator("tbody tr", new() { HasText = "bazhou/expert/teacher-03" }).WaitForAsync();
        Assert.Empty(office.PageErrors);
    }

    /// <summary>apply → the teacher deputy-senior committee's vote (organised by the education bureau) → completed / rejected.</summary>
    private static JsonObject DrawWorkflow(string definitionId)
    {
        var vote = Step("vote", "committee-vote", "bazhou/education", "committee", null, "committee-vote", "Titles.CommitteeVote");
        vote["committee"] = Literal(CommitteeId);
        return new()
        {
            ["definitionId"] = definitionId, ["name"] = "测试：评委会抽取", ["customProperties"] = new JsonObject
            {
                ["locality"] = "bazhou",
                ["scope"] = new JsonObject { ["series"] = new JsonArray("teacher"), ["levels"] = new JsonArray("deputy-senior") },
            },
            ["root"] = new JsonObject
            {
                ["type"] = "Elsa.Flowchart", ["id"] = "root",
                ["activities"] = new JsonArray(
                    new JsonObject { ["id"] = "start", ["type"] = "Elsa.Start" },
                    Step("apply", "apply", "applicant", "applicant", ["approve"], "apply"),
                    vote,
                    new JsonObject { ["id"] = "passed", ["type"] = "Titles.Conclude", ["result"] = Literal("Completed") },
                    new JsonObject { ["id"] = "failed", ["type"] = "Titles.Conclude", ["result"] = Literal("Rejected") }),
                ["connections"] = new JsonArray(
                    Connect("start", "Done", "apply"), Connect("apply", "approve", "vote"), Connect("vote", "Passed", "passed"), Connect("vote", "Failed", "failed")),
            },
        };
    }
}
