using System.Net;
using System.Text.Json.Nodes;
using Designer.Server.Tests.Infrastructure;

namespace Designer.Server.Tests;

/// <summary>Workflow definitions versioned like Elsa 3: clone, draft (with stale saves refused), publish, revert, retract, import, export.</summary>
public sealed class DefinitionLifecycleTests(DesignerFactory factory) : IClassFixture<DesignerFactory>
{
    [Fact]
    public async Task Clone_draft_publish_revert_retract_and_delete_a_draft()
    {
        var admin = await factory.SignInAsync("kashgar-admin");
        var clone = (await admin.PostAsync("/api/workflows/standard-evaluation/clone", new JsonObject { ["locality"] = "kashgar" }))
            .Expect(HttpStatusCode.Created);
        var id = clone["definitionId"]!.GetValue<string>();
        Assert.Equal(1, clone["version"]!.GetValue<int>());
        Assert.False(clone["isPublished"]!.GetValue<bool>());
        Assert.Equal("kashgar", clone["definition"]!["customProperties"]!["locality"]!.GetValue<string>());
        var listed = (await admin.GetOkAsync("/api/workflows?locality=kashgar"))["items"]!.AsArray().Single(w => w!["definitionId"]!.GetValue<string>() == id)!;
        Assert.Equal("draft", listed["status"]!.GetValue<string>());
        Assert.Equal("standard-evaluation", listed["clonedFrom"]!["definitionId"]!.GetValue<string>());

        // A save based on a stale token is refused and changes nothing.
        var definition = clone["definition"]!.AsObject();
        definition["name"] = "喀什职称评审";
        var stale = await admin.PutAsync($"/api/workflows/{id}/draft", Draft(definition, 1, "not-the-token"));
        Assert.Equal(1, stale.Expect(HttpStatusCode.Conflict)["current"]!["version"]!.GetValue<int>());
        Assert.NotEqual("喀什职称评审", (await admin.GetOkAsync($"/api/workflows/{id}"))["definition"]!["name"]!.GetValue<string>());

        var saved = (await admin.PutAsync($"/api/workflows/{id}/draft", Draft(definition, 1, clone["concurrencyToken"]!.GetValue<string>())))
            .Expect(HttpStatusCode.OK);
        Assert.Equal(1, saved["version"]!.GetValue<int>());
        Assert.NotEqual(clone["concurrencyToken"]!.GetValue<string>(), saved["concurrencyToken"]!.GetValue<string>());

        var published = (await admin.PostAsync($"/api/workflows/{id}/publish")).Expect(HttpStatusCode.OK);
        Assert.True(published["isPublished"]!.GetValue<bool>());
        Assert.NotNull(published["formPins"]!["apply"]);

        // Editing a published version opens version 2; a broken draft cannot be published.
        var broken = published["definition"]!.AsObject().DeepClone().AsObject();
        broken["root"]!["activities"]!.AsArray().Add(new JsonObject { ["id"] = "mystery", ["type"] = "Acme.Unknown" });
        var v2 = (await admin.PutAsync($"/api/workflows/{id}/draft", Draft(broken, 1, published["concurrencyToken"]!.GetValue<string>())))
            .Expect(HttpStatusCode.OK);
        Assert.Equal(2, v2["version"]!.GetValue<int>());
        var refused = (await admin.PostAsync($"/api/workflows/{id}/publish")).Expect((HttpStatusCode)422);
        Assert.Contains(refused["errors"]!.AsArray(), e => e!["activityId"]?.GetValue<string>() == "mystery");
        Assert.Equal(1, (await admin.GetOkAsync("/api/workflows?locality=kashgar"))["items"]!.AsArray()
            .Single(w => w!["definitionId"]!.GetValue<string>() == id)!["publishedVersion"]!.GetValue<int>());

        var reverted = (await admin.PostAsync($"/api/workflows/{id}/revert/1")).Expect(HttpStatusCode.Created);
        Assert.Equal(3, reverted["version"]!.GetValue<int>());
        Assert.Equal("喀什职称评审", reverted["definition"]!["name"]!.GetValue<string>());
        // Newest first, one page of the paged list shape.
        var listedVersions = await admin.GetOkAsync($"/api/workflows/{id}/versions");
        var versions = listedVersions["items"]!.AsArray();
        Assert.Equal([3, 2, 1], versions.Select(v => v!["version"]!.GetValue<int>()));
        Assert.Equal(3, listedVersions["total"]!.GetValue<int>());
        Assert.True(versions[2]!["isPublished"]!.GetValue<bool>());
        Assert.Equal([2], (await admin.GetOkAsync($"/api/workflows/{id}/versions?page=2&pageSize=1"))["items"]!.AsArray().Select(v => v!["version"]!.GetValue<int>()));

        (await admin.DeleteAsync($"/api/workflows/{id}/draft")).Expect(HttpStatusCode.NoContent);
        Assert.Equal(2, (await admin.GetOkAsync($"/api/workflows/{id}"))["version"]!.GetValue<int>());

        (await admin.PostAsync($"/api/workflows/{id}/retract")).Expect(HttpStatusCode.OK);
        var retracted = (await admin.GetOkAsync("/api/workflows?status=retracted"))["items"]!.AsArray();
        Assert.Contains(retracted, w => w!["definitionId"]!.GetValue<string>() == id);
        var applicant = await factory.SignInAsync("kashgar-applicant");
        Assert.DoesNotContain((await applicant.GetOkAsync("/api/procedures"))["items"]!.AsArray(), p => p!["definitionId"]!.GetValue<string>() == id);
    }

    [Fact]
    public async Task Export_then_import_reports_every_problem_and_validate_saves_nothing()
    {
        var admin = await factory.SignInAsync("admin");
        var export = await admin.GetAsync("/api/workflows/bazhou-directed-deputy-senior/export");
        var exported = export.Expect(HttpStatusCode.OK).AsObject();
        Assert.Equal("bazhou-directed-deputy-senior", exported["definitionId"]!.GetValue<string>());
        Assert.True(exported["isPublished"]!.GetValue<bool>());
        Assert.Equal("Elsa.Flowchart", exported["root"]!["type"]!.GetValue<string>());

        var copy = exported.DeepClone().AsObject();
        copy["definitionId"] = "bazhou-imported";
        copy["root"]!["activities"]!.AsArray().Add(new JsonObject { ["id"] = "ghost-1", ["type"] = "Acme.Ghost" });
        copy["root"]!["activities"]!.AsArray().Add(new JsonObject { ["id"] = "ghost-2", ["type"] = "Acme.Ghost" });
        var before = (await admin.GetOkAsync("/api/workflows"))["items"]!.AsArray().Count;

        var validation = (await admin.PostAsync("/api/workflows/validate", copy)).Expect(HttpStatusCode.OK);
        Assert.Contains(validation["problems"]!.AsArray(), p => p!["activityId"]?.GetValue<string>() == "ghost-1");
        Assert.Equal(before, (await admin.GetOkAsync("/api/workflows"))["items"]!.AsArray().Count);

        var imported = (await admin.PostAsync("/api/workflows/import", copy)).Expect(HttpStatusCode.Created);
        Assert.True(imported["created"]!.GetValue<bool>());
        var problems = imported["problems"]!.AsArray();
        Assert.Contains(problems, p => p!["activityId"]?.GetValue<string>() == "ghost-1");
        Assert.Contains(problems, p => p!["activityId"]?.GetValue<string>() == "ghost-2");
        Assert.All(problems, p => Assert.False(string.IsNullOrEmpty(p!["code"]!.GetValue<string>())));

        // Importing the same id again adds a version.
        var again = (await admin.PostAsync("/api/workflows/import", exported)).Expect(HttpStatusCode.Created);
        Assert.Equal(2, again["version"]!.GetValue<int>());
        Assert.False(again["created"]!.GetValue<bool>());
    }

    private static JsonObject Draft(JsonObject definition, int baseVersion, string token) => new()
    {
        ["definition"] = definition.DeepClone(), ["baseVersion"] = baseVersion, ["concurrencyToken"] = token,
    };
}
