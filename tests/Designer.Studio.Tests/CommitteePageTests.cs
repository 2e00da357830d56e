using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Designer.Forms;
using Designer.Persistence.Entities;
using Designer.Server.Auth;
using Designer.Server.Committee;
using Designer.Studio.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Designer.Studio.Tests.Infrastructure.Flows;

namespace Designer.Studio.Tests;

/// <summary>
/// A committee session left "closing" (decisions saved, candidates not yet moved on) shows 结束中 with an explanation,
/// read-only votes and 完成结束, which finishes it: the session becomes 已结束 and the list shows when it closed.
/// </summary>
[Collection(StudioCollection.Name)]
public sealed class CommitteePageTests(StudioServer server, Browser browser, ITestOutputHelper output)
{
    private readonly StudioWorld world = new(server);

    [BrowserFact]
    public async Task A_closing_session_can_be_finished_from_the_committee_page()
    {
        var definitionId = "committee-ui-" + Guid.NewGuid().ToString("N")[..6];
        var member = await world.CreateUserAsync("sample-city", "reviewer", org: "sample-city/hr", taskRoles: "committee");
        await world.PublishAsync(CommitteeWorkflow(definitionId, "sample-city/hr"));
        var applicantUser = await world.CreateUserAsync("sample-city", "applicant");

        using var applicant = await world.SignInAsync(applicantUser);
        foreach (var name in new[] { "委员甲", "委员乙" }) await world.ApplyAsync(applicant, definitionId, new JsonObject { ["name"] = name });

        using var committee = await world.SignInAsync(member);
        var sessionId = (await StudioWorld.VoteSessionAsync(committee, definitionId, votesFor: 6, against: 1))["id"]!.GetValue<string>();
        await BeginClosingAsync(member, sessionId);

        await using var studio = await StudioSession.SignInAsync(browser, server, member, output);
        var page = studio.Page;
        await studio.GoAsync("/committee");
        var row = page.Locator("tbody tr", new() { Has = page.Locator($"code:text-is('{sessionId}')") });
        await row.Locator(".badge", new() { HasText = "结束中" }).WaitForAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "打开" }).ClickAsync();

        var card = page.Locator("section.card", new() { Has = page.Locator($"h2 code:text-is('{sessionId}')") });
        await card.GetByText("评审结果已确定，正在流转申报，可再次点击完成").WaitForAsync();
        var votes = card.Locator("input.vote-input");
        Assert.Equal(6, await votes.CountAsync());
        for (var i = 0; i < 6; i++) Assert.True(await votes.Nth(i).IsDisabledAsync());
        Assert.Equal(0, await card.GetByRole(AriaRole.Button, new() { Name = "保存票数" }).CountAsync());
        // Both passed (6 of 7 for, no elimination or cap): the decision reads as a success in words, not as an error or a code.
        Assert.Equal(2, await card.Locator(".badge-ok", new() { HasText = "通过" }).CountAsync());
        await studio.ScreenshotAsync("committee-closing");

        await card.GetByRole(AriaRole.Button, new() { Name = "完成结束" }).ClickAsync();
        await row.Locator(".badge", new() { HasText = "已结束" }).WaitForAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = "完成结束" }).WaitForAsync(new() { State = WaitForSelectorState.Detached });
        Assert.False(string.IsNullOrWhiteSpace(await row.Locator("td").Nth(5).InnerTextAsync()));
        var closed = await StudioWorld.ExpectAsync(await committee.GetAsync($"/api/committee-sessions/{sessionId}"));
        Assert.Equal("closed", closed["status"]!.GetValue<string>());
        Assert.Empty(studio.PageErrors);
    }

    /// <summary>What a server stopped right after the decisions were committed leaves behind: the session "closing".</summary>
    private async Task BeginClosingAsync(string member, string sessionId)
    {
        using var scope = server.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DesignerUser>>();
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<DesignerUser>>().CreateAsync((await users.FindByNameAsync(member))!);
        await scope.ServiceProvider.GetRequiredService<CommitteeService>().BeginClosingAsync(new CurrentUser(principal), sessionId);
    }

    /// <summary>apply → committee vote of the organisation (role committee) → completed / rejected.</summary>
    private static JsonObject CommitteeWorkflow(string definitionId, string org) => new()
    {
        ["definitionId"] = definitionId, ["name"] = "测试：评委会表决", ["customProperties"] = new JsonObject { ["locality"] = "sample-city" },
        ["root"] = new JsonObject
        {
            ["type"] = "Elsa.Flowchart", ["id"] = "root",
            ["activities"] = new JsonArray(
                new JsonObject { ["id"] = "start", ["type"] = "Elsa.Start" },
                Step("apply", "apply", "applicant", "applicant", ["approve"], "apply"),
                Step("vote", "committee-vote", org, "committee", null, "committee-vote", "Titles.CommitteeVote"),
                new JsonObject { ["id"] = "passed", ["type"] = "Titles.Conclude", ["result"] = Literal("Completed") },
                new JsonObject { ["id"] = "failed", ["type"] = "Titles.Conclude", ["result"] = Literal("Rejected") }),
            ["connections"] = new JsonArray(
                Connect("start", "Done", "apply"), Connect("apply", "approve", "vote"), Connect("vote", "Passed", "passed"), Connect("vote", "Failed", "failed")),
        },
    };
}
