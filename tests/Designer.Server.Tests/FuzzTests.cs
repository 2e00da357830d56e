using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Designer.Server.Tests.Infrastructure;

namespace Designer.Server.Tests;

/// <summary>
/// Generated bodies over every POST and PUT route the server's OpenAPI document lists (a new route joins by itself):
/// lone surrogates, duplicate keys, deep nesting, huge strings, wrong types, NULs, broken JSON, and plausible bodies
/// built from each route's own field names. Seeded: a failure names the seed and the body, and repeats.
/// </summary>
public sealed class FuzzTests(DesignerFactory factory, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<DesignerFactory>
{
    private const int Seed = 13_2026;
    private const int TotalBodies = 3_000;

    [Fact]
    public async Task Generated_bodies_never_get_a_server_error_and_every_422_names_its_field()
    {
        var admin = await factory.SignInAsync("admin");
        var anonymous = factory.Client();
        var openApi = (await admin.GetAsync("/openapi/v1.json")).Expect(HttpStatusCode.OK);
        var routes = Routes(openApi);
        Assert.True(routes.Count >= 15, $"only {routes.Count} POST/PUT routes in /openapi/v1.json");

        var random = new Random(Seed);
        var failures = new List<string>();
        var statuses = new SortedDictionary<int, int>();
        for (var i = 0; i < TotalBodies; i++)
        {
            var route = routes[i % routes.Count];
            var path = FuzzBodies.Path(random, route.Template);
            var body = FuzzBodies.Next(random, route.Fields);
            var client = random.Next(10) == 0 ? anonymous : admin;
            var response = await client.SendRawAsync(route.Method, path, body);
            var status = (int)response.Status;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            if (status >= 500) failures.Add($"#{i} {route.Method} {path} → {status}: {Shorten(body)} → {Shorten(response.Text)}");
            else if (status == 422 && !NamesItsFields(response.Json))
                failures.Add($"#{i} {route.Method} {path} → 422 without errors[].path: {Shorten(body)} → {Shorten(response.Text)}");
        }
        output.WriteLine($"{routes.Count} routes, statuses {string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))}");
        Assert.True(failures.Count == 0,
            $"seed {Seed}: {failures.Count} of {TotalBodies} bodies failed (statuses {string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))}):\n" +
            string.Join("\n", failures.Take(15)));
        // The door is not all there is: plausible bodies reach the endpoints and their own validation.
        Assert.True(statuses.Keys.Count(s => s is not 400) >= 3, string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}")));
    }

    private static bool NamesItsFields(JsonNode? problem) =>
        problem?["errors"] is JsonArray { Count: > 0 } errors &&
        errors.All(e => e?["path"] is JsonValue path && path.TryGetValue<string>(out var text) && text.Length > 0);

    private sealed record Route(HttpMethod Method, string Template, IReadOnlyList<string> Fields);

    /// <summary>Every POST and PUT path, with the property names of its request body's schema (when the document has one).</summary>
    private static List<Route> Routes(JsonNode openApi)
    {
        var schemas = openApi["components"]?["schemas"] as JsonObject;
        var routes = new List<Route>();
        foreach (var (template, operations) in openApi["paths"]!.AsObject())
            foreach (var (method, operation) in operations!.AsObject())
            {
                if (method is not ("post" or "put")) continue;
                var schema = operation?["requestBody"]?["content"]?["application/json"]?["schema"];
                if (schema?["$ref"]?.GetValue<string>() is { } reference) schema = schemas?[reference.Split('/')[^1]];
                var fields = (schema?["properties"] as JsonObject)?.Select(p => p.Key).ToList() ?? [];
                routes.Add(new Route(method == "post" ? HttpMethod.Post : HttpMethod.Put, template, fields));
            }
        return routes.OrderBy(r => r.Template, StringComparer.Ordinal).ThenBy(r => r.Method.Method).ToList();
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + $"…({text.Length} chars)";
}

/// <summary>Hostile and plausible JSON bodies and path values, from a seeded Random.</summary>
internal static class FuzzBodies
{
    private static readonly string[] CommonFields =
    [
        "definitionId", "version", "baseVersion", "concurrencyToken", "definition", "root", "activities", "connections", "type", "id",
        "formId", "schema", "uiSchema", "data", "action", "comment", "workflow", "startDate", "applicant", "locality", "name",
        "contact", "reason", "for", "against", "abstain", "userName", "password", "choices", "steps", "properties", "customProperties",
    ];

    // (A NUL in a path, %00, is refused by the HTTP layer itself: Kestrel answers 400 before routing.)
    private static readonly string[] PathValues =
    [
        "bazhou-directed-deputy-senior", "bazhou/apply", "apply", "nope", "..%2F..%2Fetc%2Fpasswd", "%ED%A0%80", "%F0%9F%98%80",
        "999999999999999999999", "-1", "张三", new string('x', 300),
    ];

    private static readonly string[] Texts =
    [
        "", "x", "张三", "bazhou", "kashgar", "2024-09-02", "yesterday", "../../etc/passwd", "approve", "reject", "vote", "Elsa.Flowchart",
        "<script>alert(1)</script>", "' OR 1=1 --", "${7*7}", "\\", "\\u0041", "🙂", "\u200b", "null",
    ];

    public static string Path(Random random, string template)
    {
        var path = new StringBuilder();
        foreach (var segment in template.Split('/'))
        {
            if (path.Length > 0 || segment.Length > 0) path.Append('/');
            path.Append(segment.StartsWith('{') ? PathValues[random.Next(PathValues.Length)] : segment);
        }
        return path.ToString();
    }

    public static string Next(Random random, IReadOnlyList<string> routeFields)
    {
        var fields = routeFields.Count > 0 && random.Next(3) > 0 ? routeFields : CommonFields;
        return random.Next(12) switch
        {
            0 => WithInside(random, fields, "\"\\ud800\""),                                   // an escaped lone high surrogate
            1 => WithInside(random, fields, "\"\\udc00tail\""),                               // a lone low surrogate
            2 => DuplicateKey(random, fields),
            3 => Nested(random, random.Next(20, 90)),
            4 => WithInside(random, fields, $"\"{new string('字', random.Next(20_000, 80_000))}\""), // a huge string (within the body limit)
            5 => WithInside(random, fields, "\"a\\u0000b\""),                                  // a NUL
            6 => $"{{\"{Pick(random, fields)}\\u0000\": 1}}",                                  // a NUL in a key
            7 => new[] { "1", "\"text\"", "[]", "null", "true", "[{}]", "{}", "-0", "1e999" }[random.Next(9)], // wrong top-level types
            8 => Truncated(random, Object(random, fields, 3)),
            _ => Object(random, fields, 3),                                                   // plausible: the route's fields, random values
        };
    }

    private static string Pick(Random random, IReadOnlyList<string> items) => items[random.Next(items.Count)];

    private static string Object(Random random, IReadOnlyList<string> fields, int depth)
    {
        var keys = Enumerable.Range(0, random.Next(1, Math.Min(8, fields.Count) + 1)).Select(_ => Pick(random, fields)).Distinct();
        return "{" + string.Join(",", keys.Select(k => $"\"{k}\":{Value(random, fields, depth - 1)}")) + "}";
    }

    private static string Value(Random random, IReadOnlyList<string> fields, int depth) => random.Next(depth > 0 ? 11 : 8) switch
    {
        0 => "null",
        1 => random.Next(2) == 0 ? "true" : "false",
        2 => new[] { "0", "-1", "1", "2147483648", "9007199254740993", "1.5", "-1e308", "1e308" }[random.Next(8)],
        3 or 4 or 5 => System.Text.Json.JsonSerializer.Serialize(Texts[random.Next(Texts.Length)]),
        6 => "[]",
        7 => "{}",
        8 => "[" + string.Join(",", Enumerable.Range(0, random.Next(1, 4)).Select(_ => Value(random, fields, depth - 1))) + "]",
        _ => Object(random, fields, depth - 1),
    };

    /// <summary>A plausible body with one value replaced by the given raw JSON.</summary>
    private static string WithInside(Random random, IReadOnlyList<string> fields, string raw) =>
        random.Next(2) == 0
            ? $"{{\"{Pick(random, fields)}\":{raw}}}"
            : $"{{\"{Pick(random, fields)}\":{{\"{Pick(random, fields)}\":[1,{raw}]}},\"{Pick(random, fields)}x\":{Value(random, fields, 1)}}}";

    private static string DuplicateKey(Random random, IReadOnlyList<string> fields)
    {
        var key = Pick(random, fields);
        var inner = random.Next(2) == 0;
        var duplicated = $"\"{key}\":{Value(random, fields, 1)},\"{key}\":{Value(random, fields, 1)}";
        return inner ? $"{{\"{Pick(random, fields)}y\":{{{duplicated}}}}}" : $"{{{duplicated}}}";
    }

    private static string Nested(Random random, int depth)
    {
        var open = new StringBuilder();
        var close = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            if (random.Next(2) == 0) { open.Append("{\"properties\":"); close.Insert(0, '}'); }
            else { open.Append('['); close.Insert(0, ']'); }
        }
        return open + "1" + close;
    }

    private static string Truncated(Random random, string json) => json.Length <= 1 ? "{" : json[..random.Next(1, json.Length)];
}
