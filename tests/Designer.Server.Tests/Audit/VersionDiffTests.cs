using System.Net;
using System.Text.Json.Nodes;
using Designer.Server.Tests.Infrastructure;
using static Designer.Server.Tests.Audit.AuditTestKit;

namespace Designer.Server.Tests.Audit;

/// <summary>GET /api/workflows/{id}/diff on crafted versions: a layout move and an expression edit.</summary>
public sealed class VersionDiffTests(DesignerFactory factory) : IClassFixture<DesignerFactory>
{
    [Fact]
    public async Task A_layout_move_is_kept_apart_and_an_expression_edit_is_a_change_of_that_input()
    {
        const string id = "bazhou-directed-full-senior";
        var admin = await factory.SignInAsync("bazhou-admin");
        var v2 = await SaveDraftAsync(admin, id, d =>
            Activity(d, "competent-review")["metadata"]!["designer"]!["position"] = new JsonObject { ["x"] = 4321, ["y"] = 99 });
        Assert.Equal(2, v2["version"]!.GetValue<int>());

        var moved = await admin.GetOkAsync($"/api/workflows/{id}/diff?from=1&to=2");
        Assert.False(moved["hasSemanticChanges"]!.GetValue<bool>());
        Assert.True(moved["hasLayoutChanges"]!.GetValue<bool>());
        var move = Assert.Single(moved["diff"]!["activities"]!.AsArray())!;
        Assert.Equal(("competent-review", "moved"), (move["activityId"]!.GetValue<string>(), move["kind"]!.GetValue<string>()));
        Assert.Equal(4321, move["to"]!["x"]!.GetValue<double>());
        Assert.Contains("仅布局变化", moved["text"]!.GetValue<string>());
        Assert.Equal(1, moved["fromDefinition"]!["version"]!.GetValue<int>());
        Assert.Equal(2, moved["toDefinition"]!["version"]!.GetValue<int>());

        await SaveDraftAsync(admin, id, d => SetInput(Activity(d, "competent-review"), "assigneeOrg", "return 'bazhou/hr';", "JavaScript"));
        var edited = await admin.GetOkAsync($"/api/workflows/{id}/diff?from=1&to=2");
        Assert.True(edited["hasSemanticChanges"]!.GetValue<bool>());
        var change = Assert.Single(edited["diff"]!["activities"]!.AsArray())!;
        Assert.Equal("changed", change["kind"]!.GetValue<string>());
        Assert.True(change["moved"]!.GetValue<bool>());
        var input = Assert.Single(change["properties"]!.AsArray())!;
        Assert.Equal("assigneeOrg", input["name"]!.GetValue<string>());
        Assert.Equal("return sectorOrg;", input["old"]!["value"]!.GetValue<string>());
        Assert.Equal("return 'bazhou/hr';", input["new"]!["value"]!.GetValue<string>());
        Assert.Contains("修改活动", edited["text"]!.GetValue<string>());

        // The second save edited version 2 in place: its audit entry holds only what that save changed.
        var history = await admin.GetOkAsync($"/api/workflows/{id}/history");
        var latest = history["versions"]![0]!;
        Assert.Equal(2, latest["version"]!.GetValue<int>());
        Assert.True(latest["changes"]!["hasSemanticChanges"]!.GetValue<bool>());
        var saves = latest["audit"]!.AsArray().Where(e => e!["kind"]!.GetValue<string>() == "workflow.save-draft").ToList();
        Assert.Equal(2, saves.Count);
        Assert.Equal(1, saves[0]!["data"]!["againstVersion"]!.GetValue<int>());
        Assert.False(saves[0]!["data"]!["hasSemanticChanges"]!.GetValue<bool>());
        Assert.Equal(2, saves[1]!["data"]!["againstVersion"]!.GetValue<int>());
        var onlyTheEdit = Assert.Single(saves[1]!["data"]!["diff"]!["activities"]!.AsArray())!;
        Assert.False(onlyTheEdit["moved"]!.GetValue<bool>());
    }

}

/// <summary>A form edit changes what a draft would pin: its own server, so the layout test above sees no form change.</summary>
public sealed class PinnedFormDiffTests(DesignerFactory factory) : IClassFixture<DesignerFactory>
{
    [Fact]
    public async Task A_field_made_required_in_a_form_the_new_version_pins_is_in_the_diff()
    {
        const string id = "bazhou-directed-deputy-senior";
        var admin = await factory.SignInAsync("admin");
        var form = await admin.GetOkAsync("/api/forms/review-opinion");
        var schema = form["schema"]!.AsObject().DeepClone().AsObject();
        schema["required"]!.AsArray().Add("reviewer");
        (await admin.PutAsync("/api/forms/review-opinion/draft", new JsonObject
        {
            ["schema"] = schema, ["uiSchema"] = form["uiSchema"]!.DeepClone(), ["baseVersion"] = form["version"]!.GetValue<int>(),
            ["concurrencyToken"] = form["concurrencyToken"]!.GetValue<string>(),
        })).Expect(HttpStatusCode.OK);
        (await admin.PostAsync("/api/forms/review-opinion/publish")).Expect(HttpStatusCode.OK);

        await SaveDraftAsync(admin, id, _ => { });
        var published = (await admin.PostAsync($"/api/workflows/{id}/publish")).Expect(HttpStatusCode.OK);
        Assert.Equal(2, published["formPins"]!["review-opinion"]!.GetValue<int>());

        var diff = await admin.GetOkAsync($"/api/workflows/{id}/diff?from=1&to=2");
        Assert.True(diff["hasSemanticChanges"]!.GetValue<bool>());
        Assert.Empty(diff["diff"]!["activities"]!.AsArray());
        Assert.Equal(1, diff["fromFormPins"]!["review-opinion"]!.GetValue<int>());
        var formDiff = diff["diff"]!["forms"]!.AsArray().Single(f => f!["formId"]!.GetValue<string>() == "review-opinion")!;
        Assert.Equal(("1", "2"), (formDiff["oldVersion"]!.GetValue<string>(), formDiff["newVersion"]!.GetValue<string>()));
        var field = Assert.Single(formDiff["fields"]!.AsArray())!;
        Assert.Equal(("reviewer", "changed", "required"), (field["field"]!.GetValue<string>(), field["kind"]!.GetValue<string>(), field["aspect"]!.GetValue<string>()));
        Assert.False(field["old"]!.GetValue<bool>());
        Assert.True(field["new"]!.GetValue<bool>());
        Assert.Contains("reviewer", diff["text"]!.GetValue<string>());

        // The form's own publish was recorded with its field diff.
        var entry = (await admin.GetOkAsync("/api/audit?kind=form.publish&subject=form/review-opinion"))["items"]![0]!;
        Assert.Equal("form/review-opinion/v2", entry["subject"]!.GetValue<string>());
        Assert.Equal("required", entry["data"]!["diff"]!["fields"]![0]!["aspect"]!.GetValue<string>());
    }
}
