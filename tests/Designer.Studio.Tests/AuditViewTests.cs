using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Designer.Studio.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Designer.Studio.Tests;

/// <summary>
/// The auditor's views in the browser: the diff of two versions of a workflow (both graphs coloured by change, the
/// change list with old → new values, a click selecting the node in both graphs), a definition's history linking into
/// it, the audit trail's chain verification, and a 500-activity comparison that stays responsive.
/// </summary>
[Collection(StudioCollection.Name)]
public sealed class AuditViewTests(StudioServer server, Browser browser, ITestOutputHelper output)
{
    private const string Template = "standard-evaluation";

    [BrowserFact]
    public async Task Diff_view_colours_the_changes_and_a_click_selects_the_node_in_both_graphs()
    {
        const string id = "kashgar-audit-diff";
        await using var api = await Api.SignInAsync(server, "admin");
        // Meanwhile the scoring sheet the scoring step uses gets a new published version: version 2 pins it.
        await TwoVersionsOfTheTemplate(api, id, () => PublishScoringSheetChange(api));

        await using var admin = await StudioSession.SignInAsync(browser, server, "admin", output);
        var page = admin.Page;
        await admin.GoAsync($"/diff/{id}?from=1&to=2");
        var oldGraph = page.Locator("[data-testid='diff-graph-old']");
        var newGraph = page.Locator("[data-testid='diff-graph-new']");
        await newGraph.Locator(".react-flow__node[data-id='scoring']").WaitForAsync();

        // The changed step is amber in both graphs; the added step green in the new graph only; the moved end blue.
        await AssertStatus(oldGraph, "scoring", "changed");
        await AssertStatus(newGraph, "scoring", "changed");
        Assert.Equal("rgb(217, 119, 6)", await newGraph.Locator(".react-flow__node[data-id='scoring'] .wf-node").EvaluateAsync<string>("e => getComputedStyle(e).borderTopColor"));
        await AssertStatus(newGraph, "notify-result", "added");
        Assert.Equal(0, await oldGraph.Locator(".react-flow__node[data-id='notify-result']").CountAsync());
        await AssertStatus(newGraph, "approval-rejected", "moved");
        await AssertStatus(newGraph, "defence-needed", "changed");
        // The rewired connection (人社部门核准 → 核发电子证书 now → the new notice) is drawn amber in both graphs.
        Assert.True(await newGraph.Locator(".react-flow__edge.diff-edge-rewired").CountAsync() >= 1);
        Assert.True(await oldGraph.Locator(".react-flow__edge.diff-edge-rewired").CountAsync() >= 1);

        // The change list: the pass score old → new, the condition's new expression as code, the rewired connection.
        var scoring = page.Locator("[data-testid='change-activity-scoring']");
        var passScore = scoring.Locator(".change-prop[data-property='passScore']");
        Assert.Equal("0", (await passScore.Locator(".diff-old").InnerTextAsync()).Trim());
        Assert.Equal("60", (await passScore.Locator(".diff-new").InnerTextAsync()).Trim());
        Assert.Contains("评委会量化赋分", await scoring.InnerTextAsync());
        Assert.Contains("修改", await scoring.Locator(".change-kind").InnerTextAsync());
        var condition = page.Locator("[data-testid='change-activity-defence-needed'] .change-prop[data-property='condition']");
        Assert.Contains("exceptional", await condition.Locator(".diff-new code").InnerTextAsync());
        Assert.Contains("核发电子证书", await page.Locator("[data-testid='change-connection-approval-approve']").InnerTextAsync());
        Assert.Contains("通知申报人评审结果", await page.Locator("[data-testid='change-connection-approval-approve']").InnerTextAsync());

        // A click on the change selects the node in both graphs and centres it.
        await scoring.ClickAsync();
        await oldGraph.Locator(".react-flow__node.selected[data-id='scoring']").WaitForAsync();
        await newGraph.Locator(".react-flow__node.selected[data-id='scoring']").WaitForAsync();
        Assert.Contains("is-selected", await scoring.GetAttributeAsync("class") ?? "");
        await page.WaitForTimeoutAsync(600);
        await AssertCentred(newGraph, "scoring");
        await AssertCentred(oldGraph, "scoring");

        await page.Locator(".toast").First.WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = 10_000 });
        await admin.ScreenshotAsync("9-diff-view");

        // For the picture: the inserted notice (green), the rewired approval (amber), the moved end (blue, dashed).
        await page.Locator("[data-testid='change-connection-approval-approve']").ClickAsync();
        await newGraph.Locator(".react-flow__node.selected[data-id='approval']").WaitForAsync();
        await page.WaitForTimeoutAsync(400);
        foreach (var graph in new[] { oldGraph, newGraph }) await graph.Locator(".react-flow__controls-zoomout").ClickAsync();
        await page.WaitForTimeoutAsync(500);
        var shot = await admin.ScreenshotAsync("9b-diff-view-connections");
        Artifacts.CopyToDocs(shot, "diff.png");

        // Layout-only moves can be hidden: the moved end loses its colour, the layout group leaves the list.
        await page.Locator("[data-testid='toggle-layout']").UncheckAsync();
        await newGraph.Locator(".react-flow__node[data-id='approval-rejected'] .diff-node[data-diff='same']").WaitForAsync();
        Assert.Equal(0, await page.Locator("[data-testid='change-activity-approval-rejected']").CountAsync());
        await AssertStatus(newGraph, "scoring", "changed");

        // A click on a node in a graph selects its change in the list.
        await newGraph.Locator(".react-flow__node[data-id='notify-result']").ClickAsync(new() { Position = new() { X = 60, Y = 12 } });
        await page.Locator("[data-testid='change-activity-notify-result'].is-selected").WaitForAsync();

        // Replay: the prefilled case on both versions, the two paths side by side and where they part.
        await page.ClickAsync("[data-testid='open-replay']");
        await page.ClickAsync("[data-testid='run-replay']");
        var summary = page.Locator("[data-testid='replay-summary']");
        await summary.WaitForAsync();
        output.WriteLine("replay: " + await summary.InnerTextAsync());
        Assert.Equal(2, await page.Locator(".replay-path").CountAsync());
        Assert.True(await page.Locator(".replay-path .sim-path li").CountAsync() > 2);
        await admin.ScreenshotAsync("9c-diff-replay");

        // The scoring sheet field by field; a click on a field change scrolls to that field in the form panel.
        var remarks = page.Locator("[data-testid='change-field-scoring-sheet-scorerRemarks']");
        Assert.Contains("必填", await remarks.InnerTextAsync());
        Assert.Contains("25", await page.Locator("[data-testid='change-field-scoring-sheet-ability']", new() { HasText = "最大值" }).InnerTextAsync());
        await remarks.ClickAsync();
        var row = page.Locator("[data-testid='form-change-panel'] tr.is-focused[data-field='scorerRemarks']");
        await row.WaitForAsync();
        Assert.Contains("选填", await row.InnerTextAsync());
        Assert.Contains("必填", await row.InnerTextAsync());
        await admin.ScreenshotAsync("9e-diff-form-fields");

        // Every label in English too.
        await page.ClickAsync(".lang-switch button:has-text('EN')");
        await page.Locator(".diff-page .badge", new() { HasText = "Version comparison" }).WaitForAsync();
        Assert.Contains("Pass mark", await passScore.InnerTextAsync());
        await admin.ScreenshotAsync("9d-diff-english");
        await page.ClickAsync(".lang-switch button:has-text('中文')");
        Assert.Empty(admin.PageErrors);
    }

    [BrowserFact]
    public async Task A_clone_takes_its_templates_new_version_resolving_the_conflict_in_the_merge_page()
    {
        const string id = "sample-city-audit-merge";
        const string template = "initial-recognition";
        await using var api = await Api.SignInAsync(server, "admin");
        var clone = await api.Client.PostAsJsonAsync($"/api/workflows/{template}/clone", new { locality = "sample-city", definitionId = id });
        Assert.True(clone.StatusCode == HttpStatusCode.Created, $"clone: {(int)clone.StatusCode} {await clone.Content.ReadAsStringAsync()}");

        // The clone words the unit's instructions its own way (ours).
        var ours = (await api.Client.GetFromJsonAsync<JsonObject>($"/api/workflows/{id}"))!;
        ActivityOf(ours, "unit-recommend")["instructions"] = Literal("String", "示例市：单位考核须经职工代表评议。");
        await Save(api, id, ours);

        // The template changes the same instructions (a conflict) and the recognition step's role (no conflict), and publishes.
        var theirs = (await api.Client.GetFromJsonAsync<JsonObject>($"/api/workflows/{template}"))!;
        ActivityOf(theirs, "unit-recommend")["instructions"] = Literal("String", "单位考核须公示考核结果 5 个工作日。");
        ActivityOf(theirs, "recognition")["metadata"]!["displayText"] = "认定审批（人社部门）";
        var saved = await Save(api, template, theirs);
        var published = await api.Client.PostAsJsonAsync($"/api/workflows/{template}/publish", new { version = saved });
        Assert.True(published.IsSuccessStatusCode, $"publish the template: {(int)published.StatusCode} {await published.Content.ReadAsStringAsync()}");

        await using var admin = await StudioSession.SignInAsync(browser, server, "sample-city-admin", output);
        var page = admin.Page;
        await admin.GoAsync("/workflows?locality=sample-city");
        await page.ClickAsync($"[data-testid='upstream-{id}']");
        var conflict = page.Locator("[data-conflict='activity:unit-recommend:instructions']");
        await conflict.WaitForAsync();
        Assert.Contains("单位考核须公示考核结果", await conflict.InnerTextAsync());
        Assert.Contains("职工代表评议", await conflict.InnerTextAsync());
        Assert.Contains("认定审批（人社部门）", await page.Locator("[data-testid='merge-page']").InnerTextAsync());

        // Saving with the conflict open names it; choosing the template's wording saves the merge as a new draft.
        await page.ClickAsync("[data-testid='save-merge']");
        await page.Locator(".conflict.is-missing[data-conflict='activity:unit-recommend:instructions']").WaitForAsync();
        await conflict.Locator("label", new() { HasText = "模板" }).Locator("input").CheckAsync();
        await admin.ScreenshotAsync("13-upstream-merge", fullPage: true);
        await page.ClickAsync("[data-testid='save-merge']");
        await page.WaitForFunctionAsync($"() => location.hash === '#/workflows/{id}'");
        await page.Locator(".react-flow__node[data-id='unit-recommend']").WaitForAsync();

        var merged = (await api.Client.GetFromJsonAsync<JsonObject>($"/api/workflows/{id}"))!;
        Assert.Equal("单位考核须公示考核结果 5 个工作日。", ActivityOf(merged, "unit-recommend")["instructions"]!["expression"]!["value"]!.GetValue<string>());
        Assert.Equal("认定审批（人社部门）", ActivityOf(merged, "recognition")["metadata"]!["displayText"]!.GetValue<string>());
        Assert.Equal(0, await page.Locator("[data-testid='upstream-banner']").CountAsync());
        Assert.Empty(admin.PageErrors);
    }

    [BrowserFact]
    public async Task A_form_field_both_sides_changed_is_resolved_in_the_merge_page_and_saved_as_a_new_form_draft()
    {
        const string id = "sample-city-audit-form-merge", template = "initial-recognition";
        const string form = "unit-recommendation", local = "sample-city/unit-recommendation";
        const string key = "form:sample-city/unit-recommendation:field:recommendationOpinion";
        await using var api = await Api.SignInAsync(server, "admin");
        var clone = await api.Client.PostAsJsonAsync($"/api/workflows/{template}/clone", new { locality = "sample-city", definitionId = id });
        Assert.True(clone.StatusCode == HttpStatusCode.Created, $"clone: {(int)clone.StatusCode} {await clone.Content.ReadAsStringAsync()}");

        // The clone runs with the locality's copy of the unit's form, which words one field its own way (ours).
        var shared = (await api.Client.GetFromJsonAsync<JsonObject>($"/api/forms/{form}"))!;
        var copy = shared["schema"]!.DeepClone().AsObject();
        copy["properties"]!["recommendationOpinion"]!["title"] = "示例市：单位推荐意见（经职代会）";
        var created = await api.Client.PostAsync("/api/forms", JsonContent.Create(new JsonObject
        {
            ["formId"] = local, ["schema"] = copy, ["uiSchema"] = shared["uiSchema"]?.DeepClone(), ["baseVersion"] = 0,
        }));
        Assert.True(created.IsSuccessStatusCode, $"create {local}: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
        Assert.True((await api.Client.PostAsJsonAsync($"/api/forms/{local}/publish", new { })).IsSuccessStatusCode);
        var ours = (await api.Client.GetFromJsonAsync<JsonObject>($"/api/workflows/{id}"))!;
        ActivityOf(ours, "unit-recommend")["form"] = Literal("String", local);
        await Save(api, id, ours);

        // The template's form words the same field otherwise (theirs); the template is republished pinning it.
        var schema = shared["schema"]!.DeepClone().AsObject();
        schema["properties"]!["recommendationOpinion"]!["title"] = "单位推荐意见（须经党委会研究）";
        var formSaved = await api.Client.PutAsync($"/api/forms/{form}/draft", JsonContent.Create(new JsonObject
        {
            ["schema"] = schema, ["uiSchema"] = shared["uiSchema"]?.DeepClone(),
            ["baseVersion"] = shared["version"]!.GetValue<int>(), ["concurrencyToken"] = shared["concurrencyToken"]?.DeepClone(),
        }));
        Assert.True(formSaved.IsSuccessStatusCode, $"save {form}: {(int)formSaved.StatusCode} {await formSaved.Content.ReadAsStringAsync()}");
        Assert.True((await api.Client.PostAsJsonAsync($"/api/forms/{form}/publish", new { })).IsSuccessStatusCode);
        var theirs = (await api.Client.GetFromJsonAsync<JsonObject>($"/api/workflows/{template}"))!;
        ActivityOf(theirs, "recognition")["metadata"]!["displayText"] = "认定审批（表单更新）";
        var saved = await Save(api, template, theirs);
        Assert.True((await api.Client.PostAsJsonAsync($"/api/workflows/{template}/publish", new { version = saved })).IsSuccessStatusCode);

        await using var admin = await StudioSession.SignInAsync(browser, server, "sample-city-admin", output);
        var page = admin.Page;
        await admin.GoAsync($"/upstream/{id}");
        var conflict = page.Locator($"[data-conflict='{key}']");
        await conflict.WaitForAsync();
        Assert.Contains("须经党委会研究", await conflict.InnerTextAsync());
        Assert.Contains("经职代会", await conflict.InnerTextAsync());
        Assert.Contains(local, await page.Locator("[data-testid='form-merges']").InnerTextAsync());

        await page.ClickAsync("[data-testid='save-merge']");
        await page.Locator($".conflict.is-missing[data-conflict='{key}']").WaitForAsync();
        await conflict.Locator("label", new() { HasText = "模板" }).Locator("input").CheckAsync();
        await page.ClickAsync("[data-testid='save-merge']");
        await page.WaitForFunctionAsync($"() => location.hash === '#/workflows/{id}'");
        await page.Locator(".toast", new() { HasText = local }).First.WaitForAsync();

        var draft = (await api.Client.GetFromJsonAsync<JsonObject>($"/api/forms/{local}"))!;
        Assert.Equal(2, draft["version"]!.GetValue<int>());
        Assert.False(draft["isPublished"]!.GetValue<bool>());
        Assert.Equal("单位推荐意见（须经党委会研究）", draft["schema"]!["properties"]!["recommendationOpinion"]!["title"]!.GetValue<string>());
        Assert.Empty(admin.PageErrors);
    }

    /// <summary>The scoring sheet: remarks made required, the ability item renamed and its maximum raised to 25.</summary>
    private static async Task PublishScoringSheetChange(Api api)
    {
        var form = (await api.Client.GetFromJsonAsync<JsonObject>("/api/forms/scoring-sheet"))!;
        var schema = form["schema"]!.AsObject();
        schema["required"]!.AsArray().Add("scorerRemarks");
        schema["properties"]!["ability"]!["title"] = "专业能力与实践能力";
        schema["properties"]!["ability"]!["maximum"] = 25;
        var saved = await api.Client.PutAsync("/api/forms/scoring-sheet/draft", JsonContent.Create(new JsonObject
        {
            ["schema"] = schema.DeepClone(), ["uiSchema"] = form["uiSchema"]?.DeepClone(),
            ["baseVersion"] = form["version"]!.GetValue<int>(), ["concurrencyToken"] = form["concurrencyToken"]?.DeepClone(),
        }));
        Assert.True(saved.IsSuccessStatusCode, $"save the scoring sheet: {(int)saved.StatusCode} {await saved.Content.ReadAsStringAsync()}");
        var published = await api.Client.PostAsJsonAsync("/api/forms/scoring-sheet/publish", new { });
        Assert.True(published.IsSuccessStatusCode, $"publish the scoring sheet: {(int)published.StatusCode} {await published.Content.ReadAsStringAsync()}");
    }

    private static JsonObject ActivityOf(JsonObject version, string activityId) =>
        version["definition"]!["root"]!["activities"]!.AsArray().OfType<JsonObject>().Single(a => a["id"]!.GetValue<string>() == activityId);

    private static async Task<int> Save(Api api, string id, JsonObject current)
    {
        var body = new JsonObject
        {
            ["definition"] = current["definition"]!.DeepClone(),
            ["baseVersion"] = current["version"]!.GetValue<int>(),
            ["concurrencyToken"] = current["concurrencyToken"]?.DeepClone(),
        };
        var saved = await api.Client.PutAsync($"/api/workflows/{id}/draft", JsonContent.Create(body));
        Assert.True(saved.IsSuccessStatusCode, $"save draft of {id}: {(int)saved.StatusCode} {await saved.Content.ReadAsStringAsync()}");
        return (await saved.Content.ReadFromJsonAsync<JsonObject>())!["version"]!.GetValue<int>();
    }

    [BrowserFact]
    public async Task Auditor_sees_the_history_with_each_versions_diff_and_verifies_the_chain()
    {
        const string id = "qiaocheng-audit-history";
        await using (var api = await Api.SignInAsync(server, "admin")) await TwoVersionsOfTheTemplate(api, id);
        string applicationId;
        await using (var applicant = await Api.SignInAsync(server, "bazhou-applicant"))
        {
            var submitted = await applicant.Client.PostAsJsonAsync("/api/applications", new JsonObject
            {
                ["definitionId"] = "bazhou-directed-deputy-senior",
                ["data"] = new JsonObject
                {
                    ["name"] = "审计测试人", ["county"] = "和静县", ["unit"] = "和静县第三中学", ["employmentType"] = "public-institution",
                    ["workplaceLevel"] = "township", ["series"] = "teacher", ["level"] = "deputy-senior", ["kind"] = "directed",
                    ["grassrootsYears"] = 5, ["competentDepartment"] = "education", ["truthfulnessPledge"] = true,
                    ["directedPostConfirmed"] = true, ["directedUseAcknowledged"] = true,
                },
            });
            Assert.True(submitted.StatusCode == HttpStatusCode.Created, $"submit: {(int)submitted.StatusCode} {await submitted.Content.ReadAsStringAsync()}");
            applicationId = (await submitted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        }

        await using var auditor = await StudioSession.SignInAsync(browser, server, "auditor", output);
        var page = auditor.Page;
        Assert.Contains("#/history", page.Url);
        await auditor.GoAsync($"/history/{id}");
        var second = page.Locator(".history-version[data-version='2']");
        await second.WaitForAsync();
        Assert.Contains("第 2 版", await second.InnerTextAsync());
        await second.Locator("[data-testid='diff-summary']").WaitForAsync();
        await auditor.ScreenshotAsync("10-auditor-history", fullPage: true);
        await second.Locator("[data-testid='diff-2']").ClickAsync();
        await page.WaitForFunctionAsync("() => location.hash.startsWith('#/diff/')");
        await page.Locator("[data-testid='diff-graph-new'] .react-flow__node[data-id='scoring'] .diff-changed").WaitForAsync();

        // The clone against the template it was cloned from: the same changes, and the locality it was cloned into.
        await auditor.GoAsync($"/history/{id}");
        await page.ClickAsync("a:has-text('与模板对比')");
        await page.Locator(".diff-page .designer-actions", new() { HasText = "模板 standard-evaluation 第 1 版" }).WaitForAsync();
        await page.Locator("[data-testid='diff-graph-new'] .react-flow__node[data-id='notify-result'] .diff-added").WaitForAsync();
        Assert.Contains("谯城区", await page.Locator("[data-testid='change-definition-customProperties.locality']").InnerTextAsync());
        await auditor.ScreenshotAsync("10b-diff-against-template");

        await auditor.GoAsync("/history?tab=trail");
        await page.Locator("[data-testid='audit-table'] tbody tr").First.WaitForAsync();
        await page.ClickAsync("[data-testid='verify-chain']");
        var status = page.Locator("[data-testid='chain-status']");
        await status.WaitForAsync();
        Assert.Contains("审计链完整", await status.InnerTextAsync());
        await auditor.ScreenshotAsync("11-audit-trail");

        // The application's journal: its submission (its kind in words, not the code), with the hash of the data given, the chain intact.
        await auditor.GoAsync("/history?tab=applications");
        await page.Locator($"a[href='#/journal/{applicationId}']").ClickAsync();
        var journal = page.Locator("[data-testid='journal-table']");
        await journal.Locator("tbody tr", new() { HasText = "提交申报" }).WaitForAsync();
        Assert.Contains("审计链完整", await page.Locator("[data-testid='chain-status']").InnerTextAsync());
        Assert.Contains("bazhou-applicant", await journal.InnerTextAsync());
        await auditor.ScreenshotAsync("11b-application-journal");
        Assert.Empty(auditor.PageErrors);
    }

    [BrowserFact]
    public async Task A_500_activity_diff_opens_and_answers_clicks_without_freezing()
    {
        const string id = "studio-diff-500";
        await using var api = await Api.SignInAsync(server, "admin");
        var v1 = LargeWorkflow(id, 249);
        (await api.Client.PostAsJsonAsync("/api/workflows/import", v1)).EnsureSuccessStatusCode();
        var v2 = await NewDraftVersion(api, id);
        var activities = v2["definition"]!["root"]!["activities"]!.AsArray();
        // 40 steps re-assigned, 30 moved, 10 removed with their connections, 10 added.
        foreach (var a in activities.OfType<JsonObject>().Where(a => a["id"]!.GetValue<string>() is var s && s.StartsWith('t') && int.Parse(s[1..]) % 6 == 0))
            a["assigneeOrg"] = Literal("String", "{locality}/education");
        foreach (var a in activities.OfType<JsonObject>().Where(a => a["id"]!.GetValue<string>() is var s && s.StartsWith('r') && int.Parse(s[1..]) % 8 == 0))
            a["metadata"]!["designer"]!["position"]!["y"] = a["metadata"]!["designer"]!["position"]!["y"]!.GetValue<double>() + 60;
        var removed = Enumerable.Range(1, 10).Select(i => $"r{i * 20}").ToHashSet();
        foreach (var a in activities.OfType<JsonObject>().Where(a => removed.Contains(a["id"]!.GetValue<string>())).ToList()) activities.Remove(a);
        var connections = v2["definition"]!["root"]!["connections"]!.AsArray();
        foreach (var c in connections.OfType<JsonObject>().Where(c => removed.Contains(c["target"]!["activity"]!.GetValue<string>())).ToList()) connections.Remove(c);
        for (var i = 1; i <= 10; i++) activities.Add(Activity($"n{i}", "Titles.Notify", $"新增通知 {i}", i * 280, 6000));
        await SaveDraft(api, id, v2);

        await using var admin = await StudioSession.SignInAsync(browser, server, "admin", output);
        var page = admin.Page;
        var clock = Stopwatch.StartNew();
        await admin.GoAsync($"/diff/{id}?from=1&to=2");
        await page.Locator("[data-testid='change-activity-t6']").WaitForAsync(new() { Timeout = 60_000 });
        output.WriteLine($"500-activity diff shown: {clock.ElapsedMilliseconds} ms, {await page.Locator(".change-item").CountAsync()} changes listed");
        clock.Restart();
        await page.Locator("[data-testid='change-activity-t240']").ClickAsync();
        await page.Locator("[data-testid='diff-graph-new'] .react-flow__node.selected[data-id='t240']").WaitForAsync();
        await page.Locator("[data-testid='diff-graph-old'] .react-flow__node.selected[data-id='t240']").WaitForAsync();
        var click = clock.ElapsedMilliseconds;
        output.WriteLine($"click → node selected and centred in both graphs: {click} ms");
        clock.Restart();
        await page.Locator("[data-testid='toggle-layout']").UncheckAsync();
        await page.Locator("[data-testid='change-activity-r8']").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        output.WriteLine($"hide layout moves: {clock.ElapsedMilliseconds} ms");
        Assert.True(click < 5_000, $"selecting a change took {click} ms");
        await admin.ScreenshotAsync("12-diff-500-activities");
        Assert.Empty(admin.PageErrors);
    }

    // ---- set-up through the API ---------------------------------------------------------------------------------------

    /// <summary>
    /// Clones the template, publishes it as version 1, and saves version 2: the pass score raised, the defence condition
    /// widened (an expression edit), a notice inserted after the approval (an added step, a rewired connection), and the
    /// approval's rejection end moved (layout only).
    /// </summary>
    private async Task TwoVersionsOfTheTemplate(Api api, string id, Func<Task>? beforeSave = null)
    {
        var locality = id.Split('-')[0];
        var clone = await api.Client.PostAsJsonAsync($"/api/workflows/{Template}/clone", new { locality, definitionId = id });
        Assert.True(clone.StatusCode == HttpStatusCode.Created, $"clone: {(int)clone.StatusCode} {await clone.Content.ReadAsStringAsync()}");
        var v2 = await NewDraftVersion(api, id);
        var root = v2["definition"]!["root"]!;
        var activities = root["activities"]!.AsArray().OfType<JsonObject>().ToDictionary(a => a["id"]!.GetValue<string>());
        activities["scoring"]["passScore"] = Literal("Double", 60);
        activities["defence-needed"]["condition"] = new JsonObject
        {
            ["typeName"] = "Boolean",
            ["expression"] = new JsonObject
            {
                ["type"] = "JavaScript",
                ["value"] = "return application.level === 'deputy-senior' || application.level === 'full-senior' || application.kind === 'exceptional';",
            },
        };
        var position = activities["approval-rejected"]["metadata"]!["designer"]!["position"]!;
        position["y"] = position["y"]!.GetValue<double>() - 60;
        var certificate = activities["certificate"]["metadata"]!["designer"]!["position"]!;
        var notify = Activity("notify-result", "Titles.Notify", "通知申报人评审结果", (int)certificate["x"]!.GetValue<double>(), (int)certificate["y"]!.GetValue<double>() + 200);
        notify["to"] = Literal("String", "applicant");
        notify["message"] = Literal("String", "您的职称评审已核准，电子证书即将核发。");
        root["activities"]!.AsArray().Add(notify);
        var connections = root["connections"]!.AsArray();
        var approve = connections.OfType<JsonObject>().Single(c => c["source"]!["activity"]!.GetValue<string>() == "approval" && c["source"]!["port"]!.GetValue<string>() == "approve");
        approve["target"]!["activity"] = "notify-result";
        connections.Add(Connection("notify-result", "Done", "certificate"));
        if (beforeSave is not null) await beforeSave();
        await SaveDraft(api, id, v2);
        var diff = await api.Client.GetAsync($"/api/workflows/{id}/diff?from=1&to=2");
        Assert.True(diff.IsSuccessStatusCode, $"GET /api/workflows/{id}/diff?from=1&to=2 answered {(int)diff.StatusCode}: {await diff.Content.ReadAsStringAsync()}");
    }

    /// <summary>Makes version 2: publishes version 1 and reads it back (the next save creates version 2), or, when
    /// version 1 does not pass validation, copies it as version 2 with revert.</summary>
    private static async Task<JsonObject> NewDraftVersion(Api api, string id)
    {
        var publish = await api.Client.PostAsJsonAsync($"/api/workflows/{id}/publish", new { version = 1 });
        if (!publish.IsSuccessStatusCode)
            (await api.Client.PostAsJsonAsync($"/api/workflows/{id}/revert/1", new { })).EnsureSuccessStatusCode();
        return (await api.Client.GetFromJsonAsync<JsonObject>($"/api/workflows/{id}"))!;
    }

    private static async Task SaveDraft(Api api, string id, JsonObject current) => Assert.Equal(2, await Save(api, id, current));

    private static JsonObject Literal(string typeName, JsonNode value) => ElsaJson.Literal(typeName, value);

    private static JsonObject Activity(string id, string type, string label, int x, int y) => ElsaJson.Activity(id, type, label, x, y);

    private static JsonObject Connection(string from, string port, string to) => ElsaJson.Connection(from, port, to);

    private static JsonObject LargeWorkflow(string id, int tasks) =>
        ElsaJson.ReviewChain(id, "五百个活动的对比", tasks, assigneeOrg: "{locality}/hr", endId: "end");

    // ---- browser checks -----------------------------------------------------------------------------------------------

    private static async Task AssertStatus(ILocator graph, string activityId, string status)
    {
        var node = graph.Locator($".react-flow__node[data-id='{activityId}'] .diff-node");
        await node.WaitForAsync();
        Assert.Equal(status, await node.GetAttributeAsync("data-diff"));
        Assert.Contains($"diff-{status}", await node.GetAttributeAsync("class") ?? "");
    }

    /// <summary>The node is inside the canvas, near its middle (centred by the click, not merely somewhere).</summary>
    private static async Task AssertCentred(ILocator graph, string activityId)
    {
        var canvas = await graph.BoundingBoxAsync() ?? throw new InvalidOperationException("canvas not visible");
        var node = await graph.Locator($".react-flow__node[data-id='{activityId}']").BoundingBoxAsync() ?? throw new InvalidOperationException($"{activityId} not visible");
        var (cx, cy) = (node.X + node.Width / 2, node.Y + node.Height / 2);
        Assert.InRange(cx, canvas.X + canvas.Width * 0.3, canvas.X + canvas.Width * 0.7);
        Assert.InRange(cy, canvas.Y + canvas.Height * 0.25, canvas.Y + canvas.Height * 0.75);
    }

    /// <summary>The HTTP API with a bearer token (set-up the test does not need to click through).</summary>
    private sealed class Api : IAsyncDisposable
    {
        private Api(HttpClient client) => Client = client;

        public HttpClient Client { get; }

        public static async Task<Api> SignInAsync(StudioServer server, string userName)
        {
            var client = new HttpClient { BaseAddress = new Uri(server.BaseUrl), Timeout = TimeSpan.FromSeconds(60) };
            var login = await client.PostAsJsonAsync("/api/auth/login", new { userName, password = StudioServer.Password });
            login.EnsureSuccessStatusCode();
            var token = (await login.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return new Api(client);
        }

        public ValueTask DisposeAsync()
        {
            Client.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
