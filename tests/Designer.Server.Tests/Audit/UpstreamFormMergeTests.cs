using System.Net;
using System.Text.Json.Nodes;
using Designer.Server.Tests.Infrastructure;
using static Designer.Server.Tests.Audit.AuditTestKit;

namespace Designer.Server.Tests.Audit;

/// <summary>
/// A clone that runs with its locality's copy of a template form ("kashgar/&lt;formId&gt;") takes the template's changes to
/// that form field by field: conflicts resolved like activity conflicts, the result saved as a new draft of the clone's form.
/// </summary>
public sealed class UpstreamFormMergeTests(DesignerFactory factory) : IClassFixture<DesignerFactory>
{
    private const string Template = "standard-evaluation";

    [Fact]
    public async Task A_field_both_sides_changed_is_a_form_conflict_and_the_template_side_lands_in_a_new_form_draft()
    {
        var (kashgar, admin) = (await factory.SignInAsync("kashgar-admin"), await factory.SignInAsync("admin"));
        const string clone = "kashgar-upstream-form-conflict", form = "review-opinion", local = "kashgar/review-opinion";
        await CloneAsync(kashgar, clone);
        await LocalFormAsync(kashgar, form, local, s => s["properties"]!["opinion"]!["title"] = "喀什：审核意见（须附核查记录）");
        await SaveDraftAsync(kashgar, clone, d => Reform(d, form, local));

        await ChangeFormAsync(admin, form, s => s["properties"]!["opinion"]!["title"] = "模板：审核意见（三日内）");
        var templateVersion = await ChangeTemplateAsync(admin);

        var upstream = await kashgar.GetOkAsync($"/api/workflows/{clone}/upstream");
        var formMerge = Assert.Single(upstream["formMerges"]!.AsArray())!;
        Assert.Equal(local, formMerge["formId"]!.GetValue<string>());
        Assert.Equal(form, formMerge["templateFormId"]!.GetValue<string>());
        Assert.False(formMerge["clean"]!.GetValue<bool>());
        const string key = "form:kashgar/review-opinion:field:opinion";
        var conflict = Assert.Single(formMerge["conflicts"]!.AsArray())!;
        Assert.Equal(key, conflict["key"]!.GetValue<string>());
        Assert.Equal("opinion", conflict["field"]!.GetValue<string>());
        Assert.Equal("模板：审核意见（三日内）", conflict["theirs"]!["title"]!.GetValue<string>());
        Assert.Equal("喀什：审核意见（须附核查记录）", conflict["ours"]!["title"]!.GetValue<string>());
        var token = upstream["current"]!["concurrencyToken"]!.GetValue<string>();

        var refused = (await kashgar.PostAsync($"/api/workflows/{clone}/upstream/merge", new JsonObject
        {
            ["resolutions"] = new JsonObject(), ["concurrencyToken"] = token,
        })).Expect((HttpStatusCode)422);
        Assert.Equal(key, Assert.Single(refused["errors"]!.AsArray())!["key"]!.GetValue<string>());
        Assert.Equal(1, (await kashgar.GetOkAsync($"/api/forms/{local}"))["version"]!.GetValue<int>());

        var merged = (await kashgar.PostAsync($"/api/workflows/{clone}/upstream/merge", new JsonObject
        {
            ["resolutions"] = new JsonObject { [key] = "theirs" }, ["concurrencyToken"] = token,
        })).Expect(HttpStatusCode.OK);
        Assert.Equal(templateVersion, merged["definition"]!["customProperties"]!["clonedFrom"]!["version"]!.GetValue<int>());
        var draft = Assert.Single(merged["formDrafts"]!.AsArray())!;
        Assert.Equal(local, draft["formId"]!.GetValue<string>());
        Assert.Equal(2, draft["version"]!.GetValue<int>());

        var saved = await kashgar.GetOkAsync($"/api/forms/{local}?version=2");
        Assert.False(saved["isPublished"]!.GetValue<bool>());
        Assert.Equal("模板：审核意见（三日内）", saved["schema"]!["properties"]!["opinion"]!["title"]!.GetValue<string>());
        var summary = (await kashgar.GetOkAsync("/api/forms"))["items"]!.AsArray().Single(f => f!["formId"]!.GetValue<string>() == local)!;
        Assert.Equal(1, summary["publishedVersion"]!.GetValue<int>());
        Assert.Equal(2, summary["latestVersion"]!.GetValue<int>());
        var entry = (await kashgar.GetOkAsync($"/api/audit?kind=workflow.upstream-merge&subject=workflow/{clone}"))["items"]![0]!;
        Assert.Equal("theirs", entry["data"]!["resolutions"]![key]!.GetValue<string>());
    }

    [Fact]
    public async Task A_field_the_template_added_lands_in_a_new_draft_of_the_clones_form_without_conflicts()
    {
        var (kashgar, admin) = (await factory.SignInAsync("kashgar-admin"), await factory.SignInAsync("admin"));
        const string clone = "kashgar-upstream-form-clean", form = "approval", local = "kashgar/approval";
        await CloneAsync(kashgar, clone);
        await LocalFormAsync(kashgar, form, local, s => s["properties"]!["opinion"]!["title"] = "喀什：核准备案意见");
        await SaveDraftAsync(kashgar, clone, d => Reform(d, form, local));

        await ChangeFormAsync(admin, form, s => s["properties"]!["archiveNumber"] = new JsonObject { ["type"] = "string", ["title"] = "档案编号" });
        await ChangeTemplateAsync(admin);

        var upstream = await kashgar.GetOkAsync($"/api/workflows/{clone}/upstream");
        var formMerge = Assert.Single(upstream["formMerges"]!.AsArray())!;
        Assert.Equal(local, formMerge["formId"]!.GetValue<string>());
        Assert.True(formMerge["clean"]!.GetValue<bool>());
        Assert.Empty(formMerge["conflicts"]!.AsArray());

        var merged = (await kashgar.PostAsync($"/api/workflows/{clone}/upstream/merge", new JsonObject
        {
            ["resolutions"] = new JsonObject(), ["concurrencyToken"] = upstream["current"]!["concurrencyToken"]!.GetValue<string>(),
        })).Expect(HttpStatusCode.OK);
        var draft = Assert.Single(merged["formDrafts"]!.AsArray())!;
        Assert.Equal(local, draft["formId"]!.GetValue<string>());

        var saved = await kashgar.GetOkAsync($"/api/forms/{local}?version={draft["version"]!.GetValue<int>()}");
        Assert.False(saved["isPublished"]!.GetValue<bool>());
        Assert.Equal("档案编号", saved["schema"]!["properties"]!["archiveNumber"]!["title"]!.GetValue<string>());
        Assert.Equal("喀什：核准备案意见", saved["schema"]!["properties"]!["opinion"]!["title"]!.GetValue<string>());
        Assert.Contains("archiveNumber", saved["uiSchema"]!["ui:order"]!.AsArray().Select(o => o!.GetValue<string>()));
        Assert.Equal(1, (await kashgar.GetOkAsync("/api/forms"))["items"]!.AsArray().Single(f => f!["formId"]!.GetValue<string>() == local)!["publishedVersion"]!.GetValue<int>());
        (await kashgar.PostAsync($"/api/forms/{local}/publish")).Expect(HttpStatusCode.OK); // the draft is sound as saved
    }

    private static async Task CloneAsync(ApiClient kashgar, string id) =>
        (await kashgar.PostAsync($"/api/workflows/{Template}/clone", new JsonObject { ["locality"] = "kashgar", ["definitionId"] = id }))
            .Expect(HttpStatusCode.Created);

    /// <summary>The locality's copy of a shared form, edited, created and published.</summary>
    private static async Task LocalFormAsync(ApiClient client, string formId, string localId, Action<JsonObject> edit)
    {
        var shared = await client.GetOkAsync($"/api/forms/{formId}");
        var schema = shared["schema"]!.AsObject().DeepClone().AsObject();
        edit(schema);
        (await client.PostAsync("/api/forms", new JsonObject
        {
            ["formId"] = localId, ["schema"] = schema, ["uiSchema"] = shared["uiSchema"]!.DeepClone(), ["baseVersion"] = 0,
        })).Expect(HttpStatusCode.Created);
        (await client.PostAsync($"/api/forms/{localId}/publish")).Expect(HttpStatusCode.OK);
    }

    private static async Task ChangeFormAsync(ApiClient admin, string formId, Action<JsonObject> edit)
    {
        var latest = await admin.GetOkAsync($"/api/forms/{formId}");
        var schema = latest["schema"]!.AsObject().DeepClone().AsObject();
        edit(schema);
        var ui = latest["uiSchema"]!.DeepClone().AsObject();
        if (ui["ui:order"] is JsonArray order)
            foreach (var (field, _) in schema["properties"]!.AsObject())
                if (!order.Any(o => o!.GetValue<string>() is var f && (f == field || f == "*"))) order.Add(field);
        (await admin.PutAsync($"/api/forms/{formId}/draft", new JsonObject
        {
            ["schema"] = schema, ["uiSchema"] = ui, ["baseVersion"] = latest["version"]!.GetValue<int>(),
            ["concurrencyToken"] = latest["concurrencyToken"]!.GetValue<string>(),
        })).Expect(HttpStatusCode.OK);
        (await admin.PostAsync($"/api/forms/{formId}/publish")).Expect(HttpStatusCode.OK);
    }

    /// <summary>The template republished (pinning the forms' current published versions); answers its new version.</summary>
    private static async Task<int> ChangeTemplateAsync(ApiClient admin)
    {
        await SaveDraftAsync(admin, Template, d => SetInput(Activity(d, "hr-review"), "instructions", $"人社部门复核 {Guid.NewGuid():N}"));
        return (await admin.PostAsync($"/api/workflows/{Template}/publish")).Expect(HttpStatusCode.OK)["version"]!.GetValue<int>();
    }

    /// <summary>Every step input "form" naming <paramref name="from"/> now names <paramref name="to"/>.</summary>
    private static void Reform(JsonNode? node, string from, string to)
    {
        switch (node)
        {
            case JsonObject o:
                if (o["form"]?["expression"]?["value"] is JsonValue v && v.TryGetValue<string>(out var s) && s == from) o["form"]!["expression"]!["value"] = to;
                foreach (var (_, child) in o.ToList()) Reform(child, from, to);
                break;
            case JsonArray a:
                foreach (var child in a.ToList()) Reform(child, from, to);
                break;
        }
    }
}
