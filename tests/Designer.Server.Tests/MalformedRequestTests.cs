using System.Net;
using System.Text.Json.Nodes;
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

    /// <summary>Issue 13.6: what System.Text.Json would let through, refused at the door with the key or value named.</summary>
    public static TheoryData<string, string, string> RefusedAtTheDoor => new()
    {
        { "/api/workflows/validate", "{\"name\": \"\\ud800\"}", "$.name" },
        { "/api/workflows", "{\"root\": {\"activities\": [{\"id\": \"\\udc00x\"}]}}", "$.root.activities[0].id" },
        { "/api/simulate", "{\"workflow\": \"bazhou/x\\u0000.json\", \"startDate\": \"2024-09-02\"}", "$.workflow" },
        { "/api/public/publicity/nope/objections", "{\"reason\": \"a\", \"name\": \"张三\", \"reason\": \"b\"}", "$.reason" },
        { "/api/forms", "{\"formId\": \"bazhou/x\", \"schema\": {\"type\": \"object\", \"type\": \"array\"}}", "$.schema.type" },
        { "/api/tasks/nope/act", "{\"action\": \"approve\", \"data\": {\"k\\ud800\": 1}}", "$.data" },
        { "/api/auth/login", "{\"userName\": \"admin\\u0000\", \"password\": \"x\"}", "$.userName" },
    };

    [Theory]
    [MemberData(nameof(RefusedAtTheDoor))]
    public async Task Lone_surrogates_duplicate_keys_and_NULs_are_refused_naming_where(string path, string body, string where)
    {
        var admin = await factory.SignInAsync("admin");
        var response = await admin.SendRawAsync(HttpMethod.Post, path, body);
        var problem = response.Expect(HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.MediaType);
        Assert.Equal(where, problem["errors"]![0]!["path"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_form_nested_60_levels_deep_is_refused_and_one_at_the_limit_stays_readable_everywhere()
    {
        var admin = await factory.SignInAsync("admin");
        var refused = await admin.PostAsync("/api/forms", new JsonObject { ["formId"] = "bazhou/too-deep", ["schema"] = NestedSchema(30) });
        var problem = refused.Expect(HttpStatusCode.BadRequest);
        Assert.StartsWith("$.schema.properties.child.properties.child", problem["errors"]![0]!["path"]!.GetValue<string>());
        Assert.Contains("32", problem["detail"]!.GetValue<string>());

        // 31 levels inside the body's one: accepted, and every page that shows it still answers.
        (await admin.PostAsync("/api/forms", new JsonObject { ["formId"] = "bazhou/deep-but-allowed", ["schema"] = NestedSchema(15) }))
            .Expect(HttpStatusCode.Created);
        await admin.GetOkAsync("/api/forms/bazhou/deep-but-allowed");
        await admin.GetOkAsync("/api/forms/bazhou/deep-but-allowed/versions");
        await admin.GetOkAsync("/api/audit?subject=form/bazhou/deep-but-allowed");
        await admin.GetOkAsync("/api/audit");
    }

    /// <summary>An object schema with one object property inside another, levels deep (two JSON levels each).</summary>
    private static JsonObject NestedSchema(int levels)
    {
        var schema = new JsonObject { ["type"] = "string" };
        for (var i = 0; i < levels; i++) schema = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["child"] = schema } };
        return schema;
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
