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

namespace Designer.Studio.Tests;

/// <summary>
/// A committee session left "closing" (decisions saved, candidates not yet moved on) shows 结束中 with an explanation,
/// read-only votes and 完成结束, which finishes it: the session becomes 已结束 and the list shows when it closed.
/// </summary>
[Collection(StudioCollection.Name)]
public sealed class CommitteePageTests(StudioServer server, Browser browser, ITestOutputHelper output)
{
    [BrowserFact]
    public async Task A_closing_session_can_be_finished_from_the_committee_page()
    {
        var definitionId = "committee-ui-" + Guid.NewGuid().ToString("N")[..6];
        using var admin = await SignInAsync("admin");
        await ExpectAsync(await admin.PostAsJsonAsync("/api/workflows", CommitteeWorkflow(definitionId, "sample-city/hr")));
        await ExpectAsync(await admin.PostAsync($"/api/workflows/{definitionId}/publish", null));
        var member = await CreateUserAsync("sample-city", "reviewer", org: "sample-city/hr", taskRoles: "committee");
        var applicantUser = await CreateUserAsync("sample-city", "applicant");

        using var applicant = await SignInAsync(applicantUser);
        var form = await ExpectAsync(await applicant.GetAsync("/api/forms/apply"));
        var schema = (form["resolvedSchema"] ?? form["schema"])!.AsObject();
        foreach (var name in new[] { "委员甲", "委员乙" })
        {
            var data = FileFormCatalog.FromJson([new("apply", (schema.ToJsonString(), (string?)null))]).MinimalValid("apply");
            data["name"] = name;
            await ExpectAsync(await applicant.PostAsJsonAsync("/api/applications", new JsonObject { ["definitionId"] = definitionId, ["data"] = data }));
        }

        using var committee = await SignInAsync(member);
        var session = await ExpectAsync(await committee.PostAsJsonAsync("/api/committee-sessions", new JsonObject { ["definitionId"] = definitionId }));
        var sessionId = session["id"]!.GetValue<string>();
        foreach (var candidate in session["candidates"]!.AsArray())
            await ExpectAsync(await committee.PostAsJsonAsync($"/api/committee-sessions/{sessionId}/votes",
                new JsonObject { ["applicationId"] = candidate!["applicationId"]!.GetValue<string>(), ["for"] = 6, ["against"] = 1, ["abstain"] = 0 }));
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
        var closed = await ExpectAsync(await committee.GetAsync($"/api/committee-sessions/{sessionId}"));
        Assert.Equal("closed", closed["status"]!.GetValue<string>());
        Assert.Empty(studio.PageErrors);
    }

    private async Task<string> CreateUserAsync(string locality, string role, string? org = null, string? taskRoles = null)
    {
        var userName = $"{locality}-{role}-{Guid.NewGuid().ToString("N")[..6]}";
        using var scope = server.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DesignerUser>>();
        var user = new DesignerUser { UserName = userName, DisplayName = userName, Locality = locality, Org = org, TaskRoles = taskRoles ?? "" };
        var created = await users.CreateAsync(user, StudioServer.Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        return userName;
    }

    /// <summary>What a server stopped right after the decisions were committed leaves behind: the session "closing".</summary>
    private async Task BeginClosingAsync(string member, string sessionId)
    {
        using var scope = server.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DesignerUser>>();
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<DesignerUser>>().CreateAsync((await users.FindByNameAsync(member))!);
        await scope.ServiceProvider.GetRequiredService<CommitteeService>().BeginClosingAsync(new CurrentUser(principal), sessionId);
    }

    private async Task<HttpClient> SignInAsync(string userName)
    {
        var client = new HttpClient { BaseAddress = new Uri(server.BaseUrl), Timeout = TimeSpan.FromSeconds(60) };
        var login = await client.PostAsJsonAsync("/api/auth/login", new { userName, password = StudioServer.Password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<JsonObject> ExpectAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {body}");
        return body.Length > 0 && JsonNode.Parse(body) is JsonObject o ? o : new JsonObject();
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
                Step("apply", "Titles.Task", "apply", "applicant", "applicant", new JsonArray("approve"), "apply"),
                Step("vote", "Titles.CommitteeVote", "committee-vote", org, "committee", null, "committee-vote"),
                new JsonObject { ["id"] = "passed", ["type"] = "Titles.Conclude", ["result"] = Literal("Completed") },
                new JsonObject { ["id"] = "failed", ["type"] = "Titles.Conclude", ["result"] = Literal("Rejected") }),
            ["connections"] = new JsonArray(
                Connect("start", "Done", "apply"), Connect("apply", "approve", "vote"), Connect("vote", "Passed", "passed"), Connect("vote", "Failed", "failed")),
        },
    };

    private static JsonObject Step(string id, string type, string stage, string org, string role, JsonArray? actions, string form)
    {
        var step = new JsonObject
        {
            ["id"] = id, ["type"] = type, ["stage"] = Literal(stage), ["assigneeOrg"] = Literal(org), ["assigneeRole"] = Literal(role), ["form"] = Literal(form),
        };
        if (actions is not null) step["actions"] = Literal(actions);
        return step;
    }

    private static JsonObject Literal(JsonNode value) => new() { ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = value } };

    private static JsonObject Connect(string from, string port, string to) => new()
    {
        ["source"] = new JsonObject { ["activity"] = from, ["port"] = port }, ["target"] = new JsonObject { ["activity"] = to, ["port"] = "In" },
    };
}
