using System.Net;
using System.Text.Json.Nodes;
using Designer.Server.Tests.Infrastructure;

namespace Designer.Server.Tests;

/// <summary>
/// Two admins editing one draft: the stale save is merged three ways (nothing saved until the merged draft is saved
/// with the latest token); a clone's name is validated; a locality admin cannot change a template.
/// </summary>
public sealed class DraftConflictTests(DesignerFactory factory) : IClassFixture<DesignerFactory>
{
    [Fact]
    public async Task A_stale_draft_merges_what_only_one_side_changed_and_lists_what_both_changed()
    {
        var admin = await factory.SignInAsync("kashgar-admin");
        var clone = (await admin.PostAsync("/api/workflows/standard-evaluation/clone", new JsonObject { ["locality"] = "kashgar", ["name"] = "喀什合并测试" }))
            .Expect(HttpStatusCode.Created);
        var id = clone["definitionId"]!.GetValue<string>();
        var loaded = clone["definition"]!.AsObject();
        var (first, second) = (Activities(loaded)[1]["id"]!.GetValue<string>(), Activities(loaded)[2]["id"]!.GetValue<string>());

        // Theirs, saved first: the first activity's name and the description.
        var theirs = loaded.DeepClone().AsObject();
        Rename(theirs, first, "他们改的名称");
        theirs["description"] = "他们写的说明";
        (await admin.PutAsync($"/api/workflows/{id}/draft", Draft(theirs, 1, clone["concurrencyToken"]!.GetValue<string>()))).Expect(HttpStatusCode.OK);

        // Mine, from the same load: the first activity's name too, and the second's.
        var mine = loaded.DeepClone().AsObject();
        Rename(mine, first, "我改的名称");
        Rename(mine, second, "我改的第二个");
        (await admin.PutAsync($"/api/workflows/{id}/draft", Draft(mine, 1, clone["concurrencyToken"]!.GetValue<string>()))).Expect(HttpStatusCode.Conflict);

        var preview = (await admin.PostAsync($"/api/workflows/{id}/draft/merge", new JsonObject { ["base"] = loaded.DeepClone(), ["mine"] = mine.DeepClone() }))
            .Expect(HttpStatusCode.OK);
        Assert.Equal("kashgar-admin", preview["current"]!["updatedBy"]!.GetValue<string>());
        var conflict = Assert.Single(preview["conflicts"]!.AsArray())!;
        Assert.Equal($"activity:{first}:metadata.displayText", conflict["key"]!.GetValue<string>());
        Assert.Contains(preview["theirChanges"]!["diff"]!["activities"]!.AsArray(), a => a!["activityId"]!.GetValue<string>() == first);
        var merged = preview["merged"]!.AsObject();
        Assert.Equal("他们写的说明", merged["description"]!.GetValue<string>());
        Assert.Equal("我改的第二个", DisplayText(merged, second));
        Assert.Equal("我改的名称", DisplayText(merged, first));

        // Resolved as theirs, then saved with the latest token: both sides' work is in the draft.
        var resolved = (await admin.PostAsync($"/api/workflows/{id}/draft/merge", new JsonObject
        {
            ["base"] = loaded.DeepClone(), ["mine"] = mine.DeepClone(), ["resolutions"] = new JsonObject { [conflict["key"]!.GetValue<string>()] = "theirs" },
        })).Expect(HttpStatusCode.OK);
        (await admin.PutAsync($"/api/workflows/{id}/draft",
            Draft(resolved["merged"]!.AsObject(), 1, resolved["current"]!["concurrencyToken"]!.GetValue<string>()))).Expect(HttpStatusCode.OK);
        var saved = (await admin.GetOkAsync($"/api/workflows/{id}"))["definition"]!.AsObject();
        Assert.Equal("他们改的名称", DisplayText(saved, first));
        Assert.Equal("我改的第二个", DisplayText(saved, second));
        Assert.Equal("他们写的说明", saved["description"]!.GetValue<string>());

        var missing = (await admin.PostAsync($"/api/workflows/{id}/draft/merge", new JsonObject { ["mine"] = mine.DeepClone() })).Expect((HttpStatusCode)422);
        Assert.Equal("$.base", missing["errors"]![0]!["path"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_clone_needs_a_name_the_locality_does_not_use_yet()
    {
        var admin = await factory.SignInAsync("kashgar-admin");
        var blank = (await admin.PostAsync("/api/workflows/standard-evaluation/clone", new JsonObject { ["locality"] = "kashgar", ["name"] = "  " })).Expect((HttpStatusCode)422);
        Assert.Equal("$.name", blank["errors"]![0]!["path"]!.GetValue<string>());
        (await admin.PostAsync("/api/workflows/standard-evaluation/clone", new JsonObject { ["locality"] = "kashgar", ["name"] = "喀什同名测试" })).Expect(HttpStatusCode.Created);
        var taken = (await admin.PostAsync("/api/workflows/standard-evaluation/clone", new JsonObject { ["locality"] = "kashgar", ["name"] = "喀什同名测试" })).Expect((HttpStatusCode)422);
        Assert.Equal("$.name", taken["errors"]![0]!["path"]!.GetValue<string>());
        Assert.Contains("喀什同名测试", taken["errors"]![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_locality_admin_cannot_change_a_template_and_is_told_why()
    {
        var admin = await factory.SignInAsync("kashgar-admin");
        var template = await admin.GetOkAsync("/api/workflows/standard-evaluation");
        var refused = await admin.PutAsync("/api/workflows/standard-evaluation/draft",
            Draft(template["definition"]!.AsObject(), template["version"]!.GetValue<int>(), template["concurrencyToken"]!.GetValue<string>()));
        Assert.Contains("模板只能由政策管理员修改，可克隆到本地区后修改", refused.Expect(HttpStatusCode.Forbidden)["detail"]!.GetValue<string>());
        (await admin.PostAsync("/api/workflows/standard-evaluation/publish")).Expect(HttpStatusCode.Forbidden);
    }

    private static JsonArray Activities(JsonObject flow) => flow["root"]!["activities"]!.AsArray();

    private static JsonObject Activity(JsonObject flow, string id) => Activities(flow).OfType<JsonObject>().Single(a => a["id"]!.GetValue<string>() == id);

    private static void Rename(JsonObject flow, string id, string name)
    {
        var activity = Activity(flow, id);
        var metadata = activity["metadata"] as JsonObject ?? (JsonObject)(activity["metadata"] = new JsonObject());
        metadata["displayText"] = name;
    }

    private static string? DisplayText(JsonObject flow, string id) => Activity(flow, id)["metadata"]?["displayText"]?.GetValue<string>();

    private static JsonObject Draft(JsonObject definition, int baseVersion, string token) => new()
    {
        ["definition"] = definition.DeepClone(), ["baseVersion"] = baseVersion, ["concurrencyToken"] = token,
    };
}
