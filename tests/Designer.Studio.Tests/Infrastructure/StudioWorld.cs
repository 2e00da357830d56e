using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Designer.Forms;
using Designer.Persistence.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.Studio.Tests.Infrastructure;

/// <summary>
/// The setup the browser journeys share, done over the server's HTTP API (or its user store) before the browser
/// takes over: people of a locality, a published workflow, applications submitted, a committee session voted.
/// </summary>
public sealed class StudioWorld(StudioServer server)
{
    /// <summary>A user with the given role; reviewers get their organisation, task roles and, for unit steps, their unit.</summary>
    public async Task<string> CreateUserAsync(string locality, string role, string? org = null, string? taskRoles = null, string? unit = null)
    {
        var userName = $"{locality}-{role}-{Guid.NewGuid().ToString("N")[..6]}";
        using var scope = server.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DesignerUser>>();
        var user = new DesignerUser { UserName = userName, DisplayName = userName, Locality = locality, Org = org, TaskRoles = taskRoles ?? "", UnitName = unit };
        var created = await users.CreateAsync(user, StudioServer.Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        return userName;
    }

    /// <summary>An API client signed in as the user (bearer token).</summary>
    public async Task<HttpClient> SignInAsync(string userName)
    {
        var client = new HttpClient { BaseAddress = new Uri(server.BaseUrl), Timeout = TimeSpan.FromSeconds(60) };
        var login = await client.PostAsJsonAsync("/api/auth/login", new { userName, password = StudioServer.Password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>The answer's body when it succeeded; otherwise fails the test with the status and body.</summary>
    public static async Task<JsonObject> ExpectAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {body}");
        return body.Length > 0 && JsonNode.Parse(body) is JsonObject o ? o : new JsonObject();
    }

    /// <summary>Saves and publishes the workflow as the policy admin.</summary>
    public async Task PublishAsync(JsonObject workflow)
    {
        using var admin = await SignInAsync("admin");
        await ExpectAsync(await admin.PostAsJsonAsync("/api/workflows", workflow));
        await ExpectAsync(await admin.PostAsync($"/api/workflows/{workflow["definitionId"]}/publish", null));
    }

    /// <summary>Submits an application with the apply form's minimal valid data overlaid with the given fields; its id.</summary>
    public async Task<string> ApplyAsync(HttpClient applicant, string definitionId, JsonObject fields)
    {
        var form = await ExpectAsync(await applicant.GetAsync("/api/forms/apply"));
        var schema = (form["resolvedSchema"] ?? form["schema"])!.AsObject();
        var data = FileFormCatalog.FromJson([new("apply", (schema.ToJsonString(), (string?)null))]).MinimalValid("apply");
        foreach (var (key, value) in fields) data[key] = value?.DeepClone();
        var procedures = JsonNode.Parse(await applicant.GetStringAsync("/api/procedures?pageSize=200"))!["items"]!.AsArray();
        var locality = procedures.Single(p => p!["definitionId"]!.GetValue<string>() == definitionId)!["locality"]!.GetValue<string>();
        await NameRegisteredUnitAsync(applicant, locality, data, fields);
        var created = await ExpectAsync(await applicant.PostAsJsonAsync("/api/applications", new JsonObject { ["definitionId"] = definitionId, ["data"] = data }));
        return created["id"]!.GetValue<string>();
    }

    /// <summary>
    /// The application names a registered active unit of the locality, as the server requires once the locality has
    /// units: the given unit, or when none is given the first public institution; its county fills a county not given.
    /// </summary>
    public static async Task NameRegisteredUnitAsync(HttpClient applicant, string locality, JsonObject data, JsonObject? given = null)
    {
        var units = (await ExpectAsync(await applicant.GetAsync($"/api/organisations/units?locality={Uri.EscapeDataString(locality)}&pageSize=200")))["items"]!
            .AsArray().Select(u => u!.AsObject()).ToList();
        if (units.Count == 0) return;
        string? Given(string field) => (given?[field] as JsonValue)?.GetValue<string>();
        string? Of(JsonObject unit, string field) => unit[field]?.GetValue<string>();
        var unit = Given("unit") is { } named ? units.FirstOrDefault(u => Of(u, "name") == named)
            : units.FirstOrDefault(u => Of(u, "employmentType") is null or "public-institution") ?? units[0];
        if (unit is null) return;
        data["unit"] = Of(unit, "name");
        if (Given("employmentType") is null && Of(unit, "employmentType") is { } type) data["employmentType"] = type;
        if (Of(unit, "county") is { } county && Given("county") is null)
        {
            var localities = (await ExpectAsync(await applicant.GetAsync("/api/localities?pageSize=200")))["items"]!.AsArray();
            var counties = localities.Single(l => l!["code"]!.GetValue<string>() == locality)!["counties"]!.AsArray();
            data["county"] = counties.Single(c => c!["code"]!.GetValue<string>() == county)!["name"]!.GetValue<string>();
        }
    }

    /// <summary>Opens a committee session of the procedure's candidates and saves the same votes for each; the session.</summary>
    public static async Task<JsonObject> VoteSessionAsync(HttpClient committee, string definitionId, int votesFor, int against, int abstain = 0)
    {
        var session = await ExpectAsync(await committee.PostAsJsonAsync("/api/committee-sessions", new JsonObject { ["definitionId"] = definitionId }));
        var sessionId = session["id"]!.GetValue<string>();
        foreach (var candidate in session["candidates"]!.AsArray())
            await ExpectAsync(await committee.PostAsJsonAsync($"/api/committee-sessions/{sessionId}/votes", new JsonObject
            {
                ["applicationId"] = candidate!["applicationId"]!.GetValue<string>(), ["for"] = votesFor, ["against"] = against, ["abstain"] = abstain,
            }));
        return session;
    }
}

/// <summary>Elsa 3 flowchart JSON for the journeys' small workflows.</summary>
public static class Flows
{
    public static JsonObject Flowchart(string definitionId, string name, string locality, JsonNode[] activities, JsonNode[] connections) => new()
    {
        ["definitionId"] = definitionId, ["name"] = name, ["customProperties"] = new JsonObject { ["locality"] = locality },
        ["root"] = new JsonObject
        {
            ["type"] = "Elsa.Flowchart", ["id"] = "root", ["activities"] = new JsonArray(activities), ["connections"] = new JsonArray(connections),
        },
    };

    public static JsonObject Start() => new() { ["id"] = "start", ["type"] = "Elsa.Start" };

    /// <summary>A person step (Titles.Task unless said) of the organisation and role, with its form and actions (none: the type's own).</summary>
    public static JsonObject Step(string id, string stage, string org, string role, string[]? actions, string form, string type = "Titles.Task")
    {
        var step = new JsonObject
        {
            ["id"] = id, ["type"] = type, ["stage"] = Literal(stage), ["assigneeOrg"] = Literal(org), ["assigneeRole"] = Literal(role), ["form"] = Literal(form),
        };
        if (actions is not null) step["actions"] = Literal(new JsonArray([.. actions.Select(a => (JsonNode)a)]));
        return step;
    }

    public static JsonObject Conclude(string id, string result) => new() { ["id"] = id, ["type"] = "Titles.Conclude", ["result"] = Literal(result) };

    public static JsonObject Literal(JsonNode value) => new() { ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = value } };

    public static JsonObject Connect(string from, string port, string to) => new()
    {
        ["source"] = new JsonObject { ["activity"] = from, ["port"] = port }, ["target"] = new JsonObject { ["activity"] = to, ["port"] = "In" },
    };
}
