using System.Net;
using System.Text.Json.Nodes;
using Designer.Server.Tests.Infrastructure;

namespace Designer.Server.Tests.Hardening;

/// <summary>
/// A locality's forms extend, and its workflows pin, only its own forms and the shared ones (templates/…, unprefixed):
/// a Kashgar form extending bazhou/apply never shows Bazhou's fields, a Kashgar workflow cannot pin a Bazhou form
/// (issue 13 item 7).
/// </summary>
public sealed class FormLocalityTests(DesignerFactory factory) : IClassFixture<DesignerFactory>
{
    private static readonly string[] BazhouOnlyFields = ["competentDepartment", "directedPostConfirmed", "directedUseAcknowledged"];

    private static JsonObject Extending(string formId, string baseId) => new()
    {
        ["formId"] = formId,
        ["schema"] = new JsonObject
        {
            ["$schema"] = "http://json-schema.org/draft-07/schema#", ["x-extends"] = baseId, ["title"] = formId, ["type"] = "object",
            ["properties"] = new JsonObject { ["localNote"] = new JsonObject { ["type"] = "string", ["title"] = "本地备注" } },
        },
    };

    [Theory]
    [InlineData("kashgar-admin")]
    [InlineData("admin")]
    public async Task A_kashgar_form_extending_a_bazhou_form_is_refused_and_shows_none_of_its_fields(string author)
    {
        var client = await factory.SignInAsync(author);
        var formId = $"kashgar/extends-bazhou-{Guid.NewGuid().ToString("N")[..6]}";
        (await client.PostAsync("/api/forms", Extending(formId, "bazhou/apply"))).Expect(HttpStatusCode.Created);

        var publish = await client.PostAsync($"/api/forms/{formId}/publish");
        var problem = publish.Expect((HttpStatusCode)422);
        Assert.Contains(problem["errors"]!.AsArray(), e => e!["path"]!.GetValue<string>().Contains("x-extends") &&
            e["message"]!.GetValue<string>().Contains("其他地区"));

        var kashgar = await factory.SignInAsync("kashgar-admin");
        var shown = await kashgar.GetAsync($"/api/forms/{formId}");
        shown.Expect(HttpStatusCode.OK);
        Assert.All(BazhouOnlyFields, field => Assert.DoesNotContain(field, shown.Text));
    }

    [Fact]
    public async Task A_kashgar_form_may_extend_a_shared_template_form()
    {
        var admin = await factory.SignInAsync("admin");
        var templateId = $"templates/extra-{Guid.NewGuid().ToString("N")[..6]}";
        (await admin.PostAsync("/api/forms", new JsonObject
        {
            ["formId"] = templateId,
            ["schema"] = new JsonObject
            {
                ["$schema"] = "http://json-schema.org/draft-07/schema#", ["title"] = "模板附加项", ["type"] = "object",
                ["properties"] = new JsonObject { ["templateField"] = new JsonObject { ["type"] = "string", ["title"] = "模板字段" } },
            },
        })).Expect(HttpStatusCode.Created);
        (await admin.PostAsync($"/api/forms/{templateId}/publish")).Expect(HttpStatusCode.OK);

        var kashgar = await factory.SignInAsync("kashgar-admin");
        var formId = $"kashgar/extends-template-{Guid.NewGuid().ToString("N")[..6]}";
        (await kashgar.PostAsync("/api/forms", Extending(formId, templateId))).Expect(HttpStatusCode.Created);
        (await kashgar.PostAsync($"/api/forms/{formId}/publish")).Expect(HttpStatusCode.OK);
        var resolved = (await kashgar.GetOkAsync($"/api/forms/{formId}"))["resolvedSchema"]!;
        Assert.NotNull(resolved["properties"]!["templateField"]);
        Assert.NotNull(resolved["properties"]!["localNote"]);
    }

    [Fact]
    public async Task A_kashgar_workflow_cannot_pin_a_bazhou_form()
    {
        var kashgar = await factory.SignInAsync("kashgar-admin");
        var foreign = Workflow($"kashgar-foreign-pin-{Guid.NewGuid().ToString("N")[..6]}", "bazhou/apply");
        (await kashgar.PostAsync("/api/workflows", foreign)).Expect(HttpStatusCode.Created);
        var refused = (await kashgar.PostAsync($"/api/workflows/{foreign["definitionId"]}/publish")).Expect((HttpStatusCode)422);
        Assert.Contains(refused["errors"]!.AsArray(), e => e!["activityId"]?.GetValue<string>() == "apply" && e["path"]!.GetValue<string>().EndsWith(".form"));
        Assert.Null((await kashgar.GetOkAsync($"/api/workflows/{foreign["definitionId"]}/versions/1"))["formPins"]);

        // The same workflow on Kashgar's own apply form publishes, pinning it and the shared form it extends.
        var own = Workflow($"kashgar-own-pin-{Guid.NewGuid().ToString("N")[..6]}", "kashgar/apply");
        (await kashgar.PostAsync("/api/workflows", own)).Expect(HttpStatusCode.Created);
        (await kashgar.PostAsync($"/api/workflows/{own["definitionId"]}/publish")).Expect(HttpStatusCode.OK);
        var pins = (await kashgar.GetOkAsync($"/api/workflows/{own["definitionId"]}/versions/1"))["formPins"]!.AsObject();
        Assert.Contains("kashgar/apply", pins.Select(p => p.Key));
        Assert.Contains("apply", pins.Select(p => p.Key));
        Assert.DoesNotContain(pins, p => p.Key.StartsWith("bazhou/"));
    }

    /// <summary>apply (the given form) → review → end, in Kashgar.</summary>
    private static JsonObject Workflow(string definitionId, string applyForm)
    {
        static JsonObject Literal(JsonNode value) => new() { ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = value } };
        static JsonObject Connect(string from, string port, string to) => new()
        {
            ["source"] = new JsonObject { ["activity"] = from, ["port"] = port }, ["target"] = new JsonObject { ["activity"] = to, ["port"] = "In" },
        };
        return new JsonObject
        {
            ["definitionId"] = definitionId, ["name"] = "地区表单测试", ["customProperties"] = new JsonObject { ["locality"] = "kashgar" },
            ["root"] = new JsonObject
            {
                ["type"] = "Elsa.Flowchart", ["id"] = "root",
                ["activities"] = new JsonArray
                {
                    new JsonObject { ["id"] = "start", ["type"] = "Elsa.Start" },
                    new JsonObject
                    {
                        ["id"] = "apply", ["type"] = "Titles.Task", ["stage"] = Literal("apply"), ["assigneeOrg"] = Literal("applicant"),
                        ["assigneeRole"] = Literal("applicant"), ["actions"] = Literal(new JsonArray("approve")), ["form"] = Literal(applyForm),
                    },
                    new JsonObject
                    {
                        ["id"] = "review", ["type"] = "Titles.Task", ["stage"] = Literal("hr-review"), ["assigneeOrg"] = Literal("kashgar/hr"),
                        ["assigneeRole"] = Literal("reviewer"), ["actions"] = Literal(new JsonArray("approve")), ["form"] = Literal("review-opinion"),
                    },
                    new JsonObject { ["id"] = "end", ["type"] = "Titles.Conclude", ["result"] = Literal("Completed") },
                },
                ["connections"] = new JsonArray { Connect("start", "Done", "apply"), Connect("apply", "approve", "review"), Connect("review", "approve", "end") },
            },
        };
    }
}
