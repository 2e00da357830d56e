using System.Net;
using System.Text.Json.Nodes;
using Designer.Server.Tests.Infrastructure;
using static Designer.Server.Tests.Audit.AuditTestKit;

namespace Designer.Server.Tests.Audit;

/// <summary>A clone of the standard template sees the template's newer version, and takes it through a three-way merge.</summary>
public sealed class UpstreamMergeTests(DesignerFactory factory) : IClassFixture<DesignerFactory>
{
    private const string Template = "standard-evaluation";

    [Fact]
    public async Task A_template_change_shows_on_the_clone_and_merges_cleanly_into_its_draft()
    {
        var (kashgar, admin) = (await factory.SignInAsync("kashgar-admin"), await factory.SignInAsync("admin"));
        const string clone = "kashgar-upstream-clean";
        var cloned = await CloneAsync(kashgar, clone);
        Assert.False((await kashgar.GetOkAsync($"/api/workflows/{clone}/upstream"))["changed"]!.GetValue<bool>());

        var templateVersion = await ChangeTemplateAsync(admin, "hr-review", "instructions", "人社部门按新规定复核（模板更新）");
        var upstream = await kashgar.GetOkAsync($"/api/workflows/{clone}/upstream");
        Assert.True(upstream["changed"]!.GetValue<bool>());
        Assert.Equal(cloned, upstream["clonedFrom"]!["version"]!.GetValue<int>());
        Assert.Equal(templateVersion, upstream["template"]!["latestPublishedVersion"]!.GetValue<int>());
        Assert.Contains(upstream["diff"]!["diff"]!["activities"]!.AsArray(), a => a!["activityId"]!.GetValue<string>() == "hr-review");
        Assert.True(upstream["preview"]!["isClean"]!.GetValue<bool>());
        Assert.True(Listed(await kashgar.GetOkAsync("/api/workflows?locality=kashgar"), clone)["upstreamChanged"]!.GetValue<bool>());

        var merged = (await kashgar.PostAsync($"/api/workflows/{clone}/upstream/merge", new JsonObject
        {
            ["resolutions"] = new JsonObject(), ["concurrencyToken"] = upstream["current"]!["concurrencyToken"]!.GetValue<string>(),
        })).Expect(HttpStatusCode.OK);
        Assert.Equal(1, merged["version"]!.GetValue<int>());
        var definition = merged["definition"]!.AsObject();
        Assert.Equal("人社部门按新规定复核（模板更新）", Activity(definition, "hr-review")["instructions"]!["expression"]!["value"]!.GetValue<string>());
        Assert.Equal(templateVersion, definition["customProperties"]!["clonedFrom"]!["version"]!.GetValue<int>());
        Assert.Equal("kashgar", definition["customProperties"]!["locality"]!.GetValue<string>());
        Assert.False((await kashgar.GetOkAsync($"/api/workflows/{clone}/upstream"))["changed"]!.GetValue<bool>());
        Assert.False(Listed(await kashgar.GetOkAsync("/api/workflows?locality=kashgar"), clone)["upstreamChanged"]!.GetValue<bool>());

        var entry = (await kashgar.GetOkAsync($"/api/audit?kind=workflow.upstream-merge&subject=workflow/{clone}"))["items"]![0]!;
        Assert.Equal(templateVersion, entry["data"]!["template"]!["toVersion"]!.GetValue<int>());
        Assert.Contains("合并", entry["summary"]!.GetValue<string>());

        // Against the template it was cloned from: the diff endpoint compares the clone with that template version.
        var againstTemplate = await kashgar.GetOkAsync($"/api/workflows/{clone}/diff?against=template");
        Assert.Equal(Template, againstTemplate["fromDefinitionId"]!.GetValue<string>());
        Assert.Equal(templateVersion, againstTemplate["from"]!.GetValue<int>());
        Assert.DoesNotContain(againstTemplate["diff"]!["activities"]!.AsArray(), a => a!["activityId"]!.GetValue<string>() == "hr-review");

        // A merge based on a copy someone has since saved over is refused.
        await ChangeTemplateAsync(admin, "approval", "instructions", "核准（模板再次更新）");
        var stale = await kashgar.PostAsync($"/api/workflows/{clone}/upstream/merge", new JsonObject
        {
            ["resolutions"] = new JsonObject(), ["concurrencyToken"] = upstream["current"]!["concurrencyToken"]!.GetValue<string>(),
        });
        stale.Expect(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Both_sides_changing_one_input_is_a_conflict_named_by_its_key_until_resolved()
    {
        var (kashgar, admin) = (await factory.SignInAsync("kashgar-admin"), await factory.SignInAsync("admin"));
        const string clone = "kashgar-upstream-conflict";
        await CloneAsync(kashgar, clone);
        await SaveDraftAsync(kashgar, clone, d => SetInput(Activity(d, "competent-review"), "instructions", "喀什：主管部门审核须附核查记录"));
        var templateVersion = await ChangeTemplateAsync(admin, "competent-review", "instructions", "模板：主管部门审核须三日内完成");

        var upstream = await kashgar.GetOkAsync($"/api/workflows/{clone}/upstream");
        const string key = "activity:competent-review:instructions";
        var conflict = Assert.Single(upstream["preview"]!["conflicts"]!.AsArray())!;
        Assert.Equal(key, conflict["key"]!.GetValue<string>());
        Assert.Equal("模板：主管部门审核须三日内完成", conflict["theirs"]!["expression"]!["value"]!.GetValue<string>());
        Assert.Equal("喀什：主管部门审核须附核查记录", conflict["ours"]!["expression"]!["value"]!.GetValue<string>());
        var token = upstream["current"]!["concurrencyToken"]!.GetValue<string>();

        var refused = (await kashgar.PostAsync($"/api/workflows/{clone}/upstream/merge", new JsonObject
        {
            ["resolutions"] = new JsonObject(), ["concurrencyToken"] = token,
        })).Expect((HttpStatusCode)422);
        Assert.Equal(key, Assert.Single(refused["errors"]!.AsArray())!["key"]!.GetValue<string>());
        Assert.Equal(token, (await kashgar.GetOkAsync($"/api/workflows/{clone}"))["concurrencyToken"]!.GetValue<string>());

        var merged = (await kashgar.PostAsync($"/api/workflows/{clone}/upstream/merge", new JsonObject
        {
            ["resolutions"] = new JsonObject { [key] = "theirs" }, ["concurrencyToken"] = token,
        })).Expect(HttpStatusCode.OK);
        var definition = merged["definition"]!.AsObject();
        Assert.Equal("模板：主管部门审核须三日内完成", Activity(definition, "competent-review")["instructions"]!["expression"]!["value"]!.GetValue<string>());
        Assert.Equal(templateVersion, definition["customProperties"]!["clonedFrom"]!["version"]!.GetValue<int>());
    }

    private static async Task<int> CloneAsync(ApiClient kashgar, string id)
    {
        var clone = (await kashgar.PostAsync($"/api/workflows/{Template}/clone", new JsonObject { ["locality"] = "kashgar", ["definitionId"] = id }))
            .Expect(HttpStatusCode.Created);
        return clone["definition"]!["customProperties"]!["clonedFrom"]!["version"]!.GetValue<int>();
    }

    /// <summary>The policy admin changes one input of the template and publishes it; answers the new version.</summary>
    private static async Task<int> ChangeTemplateAsync(ApiClient admin, string activity, string input, string value)
    {
        await SaveDraftAsync(admin, Template, d => SetInput(Activity(d, activity), input, value));
        return (await admin.PostAsync($"/api/workflows/{Template}/publish")).Expect(HttpStatusCode.OK)["version"]!.GetValue<int>();
    }

    private static JsonNode Listed(JsonNode list, string id) => list["items"]!.AsArray().Single(w => w!["definitionId"]!.GetValue<string>() == id)!;
}
