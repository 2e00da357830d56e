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
        var foreign = TestWorkflows.Review($"kashgar-foreign-pin-{Guid.NewGuid().ToString("N")[..6]}", "kashgar", "kashgar/hr", "bazhou/apply");
        (await kashgar.PostAsync("/api/workflows", foreign)).Expect(HttpStatusCode.Created);
        var refused = (await kashgar.PostAsync($"/api/workflows/{foreign["definitionId"]}/publish")).Expect((HttpStatusCode)422);
        Assert.Contains(refused["errors"]!.AsArray(), e => e!["activityId"]?.GetValue<string>() == "apply" && e["path"]!.GetValue<string>().EndsWith(".form"));
        Assert.Null((await kashgar.GetOkAsync($"/api/workflows/{foreign["definitionId"]}/versions/1"))["formPins"]);

        // The same workflow on Kashgar's own apply form publishes, pinning it and the shared form it extends.
        var own = TestWorkflows.Review($"kashgar-own-pin-{Guid.NewGuid().ToString("N")[..6]}", "kashgar", "kashgar/hr", "kashgar/apply");
        (await kashgar.PostAsync("/api/workflows", own)).Expect(HttpStatusCode.Created);
        (await kashgar.PostAsync($"/api/workflows/{own["definitionId"]}/publish")).Expect(HttpStatusCode.OK);
        var pins = (await kashgar.GetOkAsync($"/api/workflows/{own["definitionId"]}/versions/1"))["formPins"]!.AsObject();
        Assert.Contains("kashgar/apply", pins.Select(p => p.Key));
        Assert.Contains("apply", pins.Select(p => p.Key));
        Assert.DoesNotContain(pins, p => p.Key.StartsWith("bazhou/"));
    }
}
