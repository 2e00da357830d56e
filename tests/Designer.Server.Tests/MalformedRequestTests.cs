using System.Net;
using Designer.Server.Tests.Infrastructure;

namespace Designer.Server.Tests;

/// <summary>Broken JSON, wrong types, unknown ids, oversized bodies: problem details, never a 500.</summary>
public sealed class MalformedRequestTests(DesignerFactory factory) : IClassFixture<DesignerFactory>
{
    public static TheoryData<string, string, string> Bodies => new()
    {
        { "POST", "/api/workflows", "{not json" },
        { "POST", "/api/workflows", "[1,2,3]" },
        { "POST", "/api/workflows", "{\"root\": 5}" },
        { "POST", "/api/workflows", "{\"root\": {\"type\": \"Elsa.Flowchart\", \"activities\": [5]}}" },
        { "POST", "/api/workflows/validate", "\"text\"" },
        { "POST", "/api/workflows/import", "" },
        { "PUT", "/api/workflows/bazhou-directed-deputy-senior/draft", "{\"definition\": 3, \"baseVersion\": \"one\"}" },
        { "PUT", "/api/workflows/bazhou-directed-deputy-senior/draft", "{\"baseVersion\": 1}" },
        { "POST", "/api/workflows/bazhou-directed-deputy-senior/publish", "{\"version\": \"latest\"}" },
        { "POST", "/api/workflows/bazhou-directed-deputy-senior/clone", "{\"locality\": 42}" },
        { "POST", "/api/workflows/bazhou-directed-deputy-senior/clone", "{\"locality\": \"atlantis\"}" },
        { "POST", "/api/workflows/no-such-workflow/publish", "{}" },
        { "GET", "/api/workflows/no-such-workflow/versions/99", "" },
        { "GET", "/api/workflows/bazhou-directed-deputy-senior/versions/99", "" },
        { "POST", "/api/forms", "{\"formId\": 7}" },
        { "PUT", "/api/forms/bazhou/apply/draft", "{\"schema\": [], \"baseVersion\": 1}" },
        { "GET", "/api/forms/no/such/form", "" },
        { "POST", "/api/simulate", "{\"workflow\": \"../../etc/passwd\", \"startDate\": \"2024-09-02\"}" },
        { "POST", "/api/simulate", "{\"workflow\": \"bazhou\", \"startDate\": \"yesterday\"}" },
        { "POST", "/api/simulate", "{\"workflow\": \"bazhou\", \"startDate\": \"2024-09-02\", \"applicant\": []}" },
        { "POST", "/api/simulate", "{\"workflow\": {\"definitionId\": 5}, \"startDate\": \"2024-09-02\"}" },
        { "GET", "/api/tasks?dueBefore=tomorrow", "" },
        { "GET", "/api/tasks/nope", "" },
        { "POST", "/api/tasks/nope/act", "{\"action\": [1]}" },
        { "GET", "/api/applications/nope", "" },
        { "POST", "/api/committee-sessions/nope/votes", "{\"for\": \"many\"}" },
        { "GET", "/api/nothing-here", "" },
        { "GET", "/api/public/certificates/ZC-0000", "" },
        { "POST", "/api/public/publicity/nope/objections", "{\"reason\": 1}" },
        { "POST", "/api/auth/login", "{\"userName\": [], \"password\": {}}" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task Bad_requests_get_problem_details(string method, string path, string body)
    {
        var admin = await factory.SignInAsync("admin");
        var response = body.Length == 0 && method == "GET"
            ? await admin.GetAsync(path)
            : await admin.SendRawAsync(new HttpMethod(method), path, body);
        Assert.True((int)response.Status is >= 400 and < 500, $"{method} {path}: {(int)response.Status} {response.Text}");
        Assert.Equal("application/problem+json", response.MediaType);
        Assert.NotNull(response.Json?["title"]);
    }

    [Fact]
    public async Task An_oversized_body_is_refused_with_413()
    {
        var admin = await factory.SignInAsync("admin");
        var huge = "{\"name\": \"" + new string('x', 300_000) + "\"}";
        var response = await admin.SendRawAsync(HttpMethod.Post, "/api/workflows/validate", huge);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.Status);
        Assert.Equal("application/problem+json", response.MediaType);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_refused()
    {
        var admin = await factory.SignInAsync("admin");
        var response = await admin.SendRawAsync(HttpMethod.Post, "/api/workflows", "<xml/>", "text/xml");
        Assert.True((int)response.Status is 400 or 415, $"{(int)response.Status} {response.Text}");
    }
}
