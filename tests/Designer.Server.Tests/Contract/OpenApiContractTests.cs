using System.Net;
using System.Text.Json.Nodes;
using Designer.Server.Tests.Infrastructure;

namespace Designer.Server.Tests.Contract;

/// <summary>
/// The OpenAPI document the server describes itself with: every operation says what it answers on success and which
/// RFC 7807 problems it can give, in types the Studio's generated API types are made from.
/// </summary>
public sealed class OpenApiContractTests(DesignerFactory factory) : IClassFixture<DesignerFactory>
{
    private const string ProblemJson = "application/problem+json";

    /// <summary>Routes anyone may call: they never answer 401/403.</summary>
    private static readonly string[] Anonymous = ["/health", "/api/auth/login", "/api/auth/providers", "/api/auth/register", "/api/public/"];

    /// <summary>Anonymous reads with nothing in their path: nothing they could refuse.</summary>
    private static readonly string[] CannotFail = ["/health", "/api/public/publicity", "/api/auth/providers", "/api/auth/register", "/api/public/vocabulary"];

    [Fact]
    public async Task Every_operation_declares_a_typed_success()
    {
        var operations = Operations(await DocumentAsync()).ToList();
        Assert.True(operations.Count >= 53, $"only {operations.Count} operations in the document");
        var untyped = new List<string>();
        foreach (var (name, operation) in operations)
        {
            var successes = Responses(operation).Where(r => r.Status.StartsWith('2')).ToList();
            if (successes.Count == 0) { untyped.Add($"{name}: no 2xx response"); continue; }
            foreach (var (status, response) in successes)
            {
                if (status == "204") continue;
                var content = response["content"]?.AsObject();
                if (content is null || content.Count == 0) { untyped.Add($"{name}: {status} without content"); continue; }
                foreach (var (type, media) in content)
                    if (!IsTyped(media?["schema"])) untyped.Add($"{name}: {status} {type} has no schema");
            }
        }
        Assert.True(untyped.Count == 0, "operations without a typed success:\n" + string.Join("\n", untyped));
    }

    [Fact]
    public async Task Every_operation_declares_the_problems_its_route_can_give()
    {
        var missing = new List<string>();
        foreach (var (name, operation) in Operations(await DocumentAsync()))
        {
            var statuses = Responses(operation).Select(r => r.Status).ToHashSet();
            var path = name[(name.IndexOf(' ') + 1)..];
            void Expect(int status, string why)
            {
                if (!statuses.Contains(status.ToString())) missing.Add($"{name}: no {status} ({why})");
            }
            if (!Anonymous.Any(path.StartsWith)) { Expect(401, "signed-in route"); Expect(403, "signed-in route"); }
            if (path.Contains('{')) Expect(404, "its path names something");
            if (operation["requestBody"] is not null) Expect(400, "it reads a JSON body");
            if (!CannotFail.Contains(path) && !statuses.Any(s => s.StartsWith('4')))
                missing.Add($"{name}: no problem response at all");

            foreach (var (status, response) in Responses(operation).Where(r => r.Status.StartsWith('4')))
            {
                var schema = response["content"]?[ProblemJson]?["schema"]?["$ref"]?.GetValue<string>();
                var expected = status == "422" ? "#/components/schemas/InvalidProblemDetails" : "#/components/schemas/ProblemDetails";
                if (schema != expected) missing.Add($"{name}: {status} is not {ProblemJson} with {expected} (was {schema ?? "nothing"})");
            }
        }
        Assert.True(missing.Count == 0, "problem responses missing:\n" + string.Join("\n", missing));
    }

    [Fact]
    public async Task A_422_is_described_with_its_errors_by_path()
    {
        var schemas = (await DocumentAsync())["components"]!["schemas"]!;
        var errors = schemas["InvalidProblemDetails"]!["properties"]!["errors"]!;
        Assert.Equal("#/components/schemas/ProblemError", errors["items"]!["$ref"]!.GetValue<string>());
        var error = schemas["ProblemError"]!["properties"]!.AsObject();
        Assert.True(error.ContainsKey("path") && error.ContainsKey("message"));
    }

    [Fact]
    public async Task Declared_problems_are_what_the_server_answers()
    {
        var anonymous = factory.Client();
        var signedOut = await anonymous.GetAsync("/api/tasks");
        Assert.Equal(HttpStatusCode.Unauthorized, signedOut.Status);

        var reviewer = await factory.SignInAsync("bazhou-reviewer-education");
        var missing = await reviewer.GetAsync("/api/tasks/no-such-task");
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Equal(ProblemJson, missing.MediaType);
        Assert.Equal(404, missing.Json!["status"]!.GetValue<int>());

        var badDate = await reviewer.GetAsync("/api/tasks?dueBefore=tomorrow");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badDate.Status);
        Assert.Equal("$.dueBefore", badDate.Json!["errors"]![0]!["path"]!.GetValue<string>());
    }

    private async Task<JsonNode> DocumentAsync() => await factory.Client().GetOkAsync("/openapi/v1.json");

    private static IEnumerable<(string Name, JsonNode Operation)> Operations(JsonNode document) =>
        from path in document["paths"]!.AsObject()
        from method in path.Value!.AsObject()
        select ($"{method.Key.ToUpperInvariant()} {path.Key}", method.Value!);

    private static IEnumerable<(string Status, JsonNode Response)> Responses(JsonNode operation) =>
        (operation["responses"]?.AsObject() ?? []).Select(r => (r.Key, r.Value!));

    /// <summary>A reference, a type or a union: not the empty schema that says nothing.</summary>
    private static bool IsTyped(JsonNode? schema) =>
        schema is JsonObject o && (o.ContainsKey("$ref") || o.ContainsKey("type") || o.ContainsKey("oneOf"));
}
