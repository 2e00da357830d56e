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

namespace Designer.Studio.Tests;

/// <summary>
/// The committee office draws a session's members in the Studio: the drawn members, the recusal of the experts of a
/// candidate's unit with the reason, the seed and its replay check; the admin finds the committee and its experts.
/// </summary>
[Collection(StudioCollection.Name)]
public sealed class CommitteeDrawPageTests(StudioServer server, Browser browser, ITestOutputHelper output)
{
    private const string CommitteeId = "bazhou/committee/teacher-deputy-senior";

    [BrowserFact]
    public async Task The_committee_office_draws_the_members_and_sees_the_recusals()
    {
        var definitionId = "committee-draw-ui-" + Guid.NewGuid().ToString("N")[..6];
        using var admin = await SignInAsync("admin");
        await ExpectAsync(await admin.PostAsJsonAsync("/api/workflows", DrawWorkflow(definitionId)));
        await ExpectAsync(await admin.PostAsync($"/api/workflows/{definitionId}/publish", null));
        var member = await CreateUserAsync("bazhou", "reviewer", org: "bazhou/education", taskRoles: "committee");
        var applicantUser = await CreateUserAsync("bazhou", "applicant");

        using var applicant = await SignInAsync(applicantUser);
        var form = await ExpectAsync(await applicant.GetAsync("/api/forms/apply"));
        var schema = (form["resolvedSchema"] ?? form["schema"])!.AsObject();
        foreach (var (name, unit) in new[] { ("抽签丙", "和静县第三中学"), ("抽签丁", "和静县第一中学") })
        {
            var data = FileFormCatalog.FromJson([new("apply", (schema.ToJsonString(), (string?)null))]).MinimalValid("apply");
            (data["name"], data["unit"], data["series"], data["level"]) = (name, unit, "teacher", "deputy-senior");
            await ExpectAsync(await applicant.PostAsJsonAsync("/api/applications", new JsonObject { ["definitionId"] = definitionId, ["data"] = data }));
        }
        using var committee = await SignInAsync(member);
        var session = await ExpectAsync(await committee.PostAsJsonAsync("/api/committee-sessions", new JsonObject { ["definitionId"] = definitionId }));
        var sessionId = session["id"]!.GetValue<string>();
        Assert.Equal(CommitteeId, session["committeeId"]!.GetValue<string>());

        await using var studio = await StudioSession.SignInAsync(browser, server, member, output);
        var page = studio.Page;
        await studio.GoAsync("/committee");
        var row = page.Locator("tbody tr", new() { Has = page.Locator($"code:text-is('{sessionId}')") });
        await row.GetByText(CommitteeId).WaitForAsync();
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

        var drawn = await ExpectAsync(await committee.GetAsync($"/api/committee-sessions/{sessionId}/draw"));
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

    /// <summary>apply → the teacher deputy-senior committee's vote (organised by the education bureau) → completed / rejected.</summary>
    private static JsonObject DrawWorkflow(string definitionId)
    {
        var vote = Step("vote", "Titles.CommitteeVote", "committee-vote", "bazhou/education", "committee", null, "committee-vote");
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
                    Step("apply", "Titles.Task", "apply", "applicant", "applicant", new JsonArray("approve"), "apply"),
                    vote,
                    new JsonObject { ["id"] = "passed", ["type"] = "Titles.Conclude", ["result"] = Literal("Completed") },
                    new JsonObject { ["id"] = "failed", ["type"] = "Titles.Conclude", ["result"] = Literal("Rejected") }),
                ["connections"] = new JsonArray(
                    Connect("start", "Done", "apply"), Connect("apply", "approve", "vote"), Connect("vote", "Passed", "passed"), Connect("vote", "Failed", "failed")),
            },
        };
    }

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
