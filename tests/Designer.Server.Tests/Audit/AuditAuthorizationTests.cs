using System.Net;
using System.Text.Json.Nodes;
using Designer.Server.Tests.Infrastructure;

namespace Designer.Server.Tests.Audit;

/// <summary>
/// The audit routes by role, in the style of the authorisation matrix: the auditor and the policy admin read everything
/// and write nothing through them; Bazhou's admin reads Bazhou's; another locality's admin gets 404 (or lists without
/// Bazhou); applicants and reviewers 403; anonymous callers 401.
/// </summary>
public sealed class AuditAuthorizationTests(MatrixFactory factory) : IClassFixture<MatrixFactory>
{
    private const string Workflow = "/api/workflows/bazhou-directed-deputy-senior";

    private sealed record Call(HttpMethod Method, string Path, JsonNode? Body = null, bool IsList = false, bool Writes = false);

    private IEnumerable<Call> Calls()
    {
        yield return new(HttpMethod.Get, "/api/audit", IsList: true);
        yield return new(HttpMethod.Get, "/api/audit?locality=bazhou", IsList: true);
        yield return new(HttpMethod.Get, "/api/audit?subject=workflow/bazhou-directed-deputy-senior", IsList: true);
        yield return new(HttpMethod.Get, "/api/audit/verify", IsList: true);
        yield return new(HttpMethod.Get, "/api/audit/export");
        yield return new(HttpMethod.Get, $"{Workflow}/diff?from=1&to=1");
        yield return new(HttpMethod.Get, $"{Workflow}/history");
        yield return new(HttpMethod.Get, $"{Workflow}/upstream");
        yield return new(HttpMethod.Post, $"{Workflow}/upstream/merge", new JsonObject { ["resolutions"] = new JsonObject(), ["concurrencyToken"] = "x" }, Writes: true);
        yield return new(HttpMethod.Get, $"/api/applications/{factory.ApplicationId}/journal");
        yield return new(HttpMethod.Post, "/api/replay", new JsonObject
        {
            ["definitionId"] = "bazhou-directed-deputy-senior", ["fromVersion"] = 1, ["toVersion"] = 1, ["applicationId"] = factory.ApplicationId,
        });
    }

    private string[] Secrets => [factory.ApplicationId, MatrixFactory.Name, "矩阵乙", "bazhou-directed-deputy-senior", "bazhou/apply", "和静县第三中学"];

    public static TheoryData<string> NotStaff => ["bazhou-applicant", "bazhou-reviewer-education", "unit-reviewer-bazhou", "kashgar-applicant", "kashgar-reviewer-agriculture"];

    [Theory]
    [MemberData(nameof(NotStaff))]
    public async Task Applicants_and_reviewers_get_403_on_every_audit_route(string userName)
    {
        var client = await factory.SignInAsync(userName);
        var failures = new List<string>();
        foreach (var call in Calls())
        {
            var response = await client.SendAsync(call.Method, call.Path, call.Body);
            if (response.Status != HttpStatusCode.Forbidden) failures.Add($"{call.Method} {call.Path}: {(int)response.Status}");
            failures.AddRange(Secrets.Where(response.Text.Contains).Select(s => $"{call.Method} {call.Path}: reveals '{s}'"));
        }
        Assert.True(failures.Count == 0, $"{userName}:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task Another_localitys_admin_gets_nothing_of_Bazhou()
    {
        var client = await factory.SignInAsync("kashgar-admin");
        var failures = new List<string>();
        foreach (var call in Calls())
        {
            var response = await client.SendAsync(call.Method, call.Path, call.Body);
            var allowed = call.IsList ? response.Status == HttpStatusCode.OK : response.Status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound;
            if (!allowed) failures.Add($"{call.Method} {call.Path}: {(int)response.Status} {response.Text[..Math.Min(200, response.Text.Length)]}");
            failures.AddRange(Secrets.Where(response.Text.Contains).Select(s => $"{call.Method} {call.Path}: reveals '{s}'"));
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        var entries = (await client.GetOkAsync("/api/audit?pageSize=200"))["items"]!.AsArray();
        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.Equal("kashgar", e!["locality"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Bazhous_admin_reads_Bazhous_trail_but_not_the_whole_export()
    {
        var client = await factory.SignInAsync("bazhou-admin");
        var entries = (await client.GetOkAsync("/api/audit?pageSize=200"))["items"]!.AsArray();
        Assert.Contains(entries, e => e!["subject"]!.GetValue<string>() == $"application/{factory.ApplicationId}");
        Assert.All(entries, e => Assert.Equal("bazhou", e!["locality"]!.GetValue<string>()));
        Assert.NotEmpty((await client.GetOkAsync($"/api/applications/{factory.ApplicationId}/journal"))["entries"]!.AsArray());
        (await client.GetAsync("/api/audit/export")).Expect(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("auditor")]
    [InlineData("admin")]
    public async Task The_auditor_and_the_policy_admin_read_everything_and_audit_routes_write_nothing(string userName)
    {
        var client = await factory.SignInAsync(userName);
        foreach (var call in Calls().Where(c => !c.Writes))
        {
            var response = await client.SendAsync(call.Method, call.Path, call.Body);
            Assert.True(response.Status == HttpStatusCode.OK, $"{call.Method} {call.Path}: {(int)response.Status} {response.Text}");
        }
        var export = await client.GetAsync("/api/audit/export");
        export.Expect(HttpStatusCode.OK);
        Assert.Contains($"application/{factory.ApplicationId}", export.Text);
        if (userName == "auditor")
            (await client.PostAsync($"{Workflow}/upstream/merge", new JsonObject { ["resolutions"] = new JsonObject() })).Expect(HttpStatusCode.Forbidden);
        var replay = (await client.PostAsync("/api/replay", new JsonObject { ["applicationId"] = factory.ApplicationId, ["toVersion"] = 1 })).Expect(HttpStatusCode.OK);
        Assert.Equal("application", replay["source"]!.GetValue<string>());
        Assert.Null(replay["divergence"]);
        Assert.Equal("Waiting", (await client.GetOkAsync($"/api/applications/{factory.ApplicationId}"))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Anonymous_callers_get_401()
    {
        var client = factory.Client();
        foreach (var call in Calls())
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(call.Method, call.Path, call.Body)).Status);
    }
}
