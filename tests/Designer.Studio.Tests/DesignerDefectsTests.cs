using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Designer.Persistence.Entities;
using Designer.Studio.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Designer.Studio.Tests;

/// <summary>
/// The designers' defects as their users met them: a save conflict names who saved and what they changed and merges
/// both sides (or keeps both); a template is read-only for a locality admin, with the reason, and the server refuses
/// their save; the clone dialog takes a name and shows the server's refusal at the field; simulating an unchanged
/// workflow saves no version; an applicant fills the apply form version the published workflow pinned.
/// </summary>
[Collection(StudioCollection.Name)]
public sealed class DesignerDefectsTests(StudioServer server, Browser browser, ITestOutputHelper output)
{
    [BrowserFact]
    public async Task A_save_conflict_names_who_saved_shows_what_they_changed_and_merges_both_sides()
    {
        var definitionId = "conflict-" + Guid.NewGuid().ToString("N")[..6];
        using var policyAdmin = await ApiAsync("admin");
        await ExpectAsync(await policyAdmin.PostAsJsonAsync("/api/workflows", ElsaJson.ReviewChain(definitionId, "冲突测试", 3, "bazhou/hr", "end")));

        await using var admin = await StudioSession.SignInAsync(browser, server, "admin", output);
        var page = admin.Page;
        await admin.GoAsync($"/workflows/{definitionId}");
        await page.Locator(".react-flow__node[data-id='t1']").WaitForAsync();
        // Mine: the workflow's name, and the first step's name.
        await page.FillAsync("#wf-name", "冲突测试（我的）");
        await page.Locator(".react-flow__node[data-id='t1']").ClickAsync();
        await page.FillAsync("#prop-displayText", "第 1 步（我的）");

        // Theirs, meanwhile: the first step's name too (a conflict) and the second step's (no conflict).
        using var localityAdmin = await ApiAsync("bazhou-admin");
        await SaveAsync(localityAdmin, definitionId, flow =>
        {
            Metadata(flow, "t1")["displayText"] = "第 1 步（他们的）";
            Metadata(flow, "t2")["displayText"] = "第 2 步（他们的）";
        });

        await page.ClickAsync("[data-testid='save-draft']");
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "保存冲突" });
        var who = dialog.Locator("[data-testid='conflict-who']");
        await who.WaitForAsync();
        Assert.Contains("bazhou-admin", await who.InnerTextAsync());
        Assert.Contains("第 2 步（他们的）", await dialog.Locator("[data-testid='conflict-their-changes']").InnerTextAsync());
        var conflict = dialog.Locator("[data-conflict='activity:t1:metadata.displayText']");
        Assert.Contains("第 1 步（他们的）", await conflict.InnerTextAsync());
        Assert.Equal(1, await dialog.Locator("[data-conflict]").CountAsync());
        var merge = dialog.Locator("[data-testid='conflict-merge']");
        Assert.True(await merge.IsDisabledAsync(), "a conflict must be decided before the merge is saved");
        Artifacts.CopyToDocs(await admin.ScreenshotAsync("designer-save-conflict"), "save-conflict.png");
        await conflict.GetByText("保留我的").ClickAsync();
        await merge.ClickAsync();
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await page.Locator(".toast", new() { HasText = "已合并双方的修改并保存" }).WaitForAsync();

        // Saved: my name and my first step, their second step.
        var saved = await LatestAsync(policyAdmin, definitionId);
        Assert.Equal("冲突测试（我的）", saved["name"]!.GetValue<string>());
        Assert.Equal("第 1 步（我的）", Metadata(saved, "t1")["displayText"]!.GetValue<string>());
        Assert.Equal("第 2 步（他们的）", Metadata(saved, "t2")["displayText"]!.GetValue<string>());

        // Another conflict, kept both: mine becomes a new workflow, the original keeps their change.
        await page.Locator(".react-flow__node[data-id='t1']").WaitForAsync();
        await page.FillAsync("#wf-name", "冲突测试（再改）");
        await SaveAsync(localityAdmin, definitionId, flow => Metadata(flow, "t3")["displayText"] = "第 3 步（他们的）");
        await page.ClickAsync("[data-testid='save-draft']");
        await dialog.Locator("[data-testid='conflict-who']").WaitForAsync();
        await dialog.Locator("[data-testid='conflict-keep-both']").ClickAsync();
        await page.WaitForFunctionAsync($"() => location.hash.startsWith('#/workflows/') && location.hash !== '#/workflows/{definitionId}'");
        await page.Locator("#wf-name").WaitForAsync();
        Assert.Equal("冲突测试（再改）（我的副本）", await page.Locator("#wf-name").InputValueAsync());
        var original = await LatestAsync(policyAdmin, definitionId);
        Assert.Equal("冲突测试（我的）", original["name"]!.GetValue<string>());
        Assert.Equal("第 3 步（他们的）", Metadata(original, "t3")["displayText"]!.GetValue<string>());
        Assert.Empty(admin.PageErrors);
    }

    [BrowserFact]
    public async Task A_template_is_read_only_for_a_locality_admin_with_the_reason_and_the_server_refuses_their_save()
    {
        await using var localityAdmin = await StudioSession.SignInAsync(browser, server, "bazhou-admin", output);
        var page = localityAdmin.Page;
        await localityAdmin.GoAsync("/workflows/standard-evaluation");
        await page.Locator(".react-flow__node[data-id='eligibility']").WaitForAsync();
        var reason = page.Locator("[data-testid='read-only-reason']");
        await reason.WaitForAsync();
        Assert.Equal("模板只能由政策管理员修改，可克隆到本地区后修改", (await reason.InnerTextAsync()).Trim());
        Assert.Equal(0, await page.Locator("[data-testid='save-draft']").CountAsync());
        Assert.Equal(0, await page.Locator("[data-testid='publish']").CountAsync());
        Assert.NotNull(await page.Locator("#wf-name").GetAttributeAsync("readonly"));
        await localityAdmin.ScreenshotAsync("designer-template-read-only");

        using var api = await ApiAsync("bazhou-admin");
        var current = await ExpectAsync(await api.GetAsync("/api/workflows/standard-evaluation"));
        var refused = await api.PutAsJsonAsync("/api/workflows/standard-evaluation/draft", new
        {
            definition = current["definition"], baseVersion = current["version"]!.GetValue<int>(), concurrencyToken = current["concurrencyToken"]!.GetValue<string>(),
        });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("模板只能由政策管理员修改", await refused.Content.ReadAsStringAsync());
        Assert.Empty(localityAdmin.PageErrors);
    }

    [BrowserFact]
    public async Task The_clone_dialog_takes_a_name_and_shows_the_servers_refusal_at_the_field()
    {
        await using var localityAdmin = await StudioSession.SignInAsync(browser, server, "bazhou-admin", output);
        var page = localityAdmin.Page;
        await localityAdmin.GoAsync("/workflows");
        await page.ClickAsync("[data-testid='clone-standard-evaluation']");
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "克隆流程" });
        var name = dialog.Locator("#clone-name");
        await name.WaitForAsync();
        // A locality admin clones into their own locality: shown, not chosen.
        Assert.Equal(0, await dialog.Locator("#target-locality").CountAsync());
        Assert.Contains("巴音郭楞", await dialog.Locator("[data-testid='clone-locality']").InnerTextAsync());

        await name.FillAsync("  ");
        await dialog.Locator("[data-testid='confirm-clone']").ClickAsync();
        Assert.Equal("请填写新流程的名称", (await dialog.Locator(".field-invalid .field-error").InnerTextAsync()).Trim());

        // The name of a workflow the locality already has: the server's 422 appears at the field.
        var taken = await TakenNameAsync("bazhou");
        await name.FillAsync(taken);
        await dialog.Locator("[data-testid='confirm-clone']").ClickAsync();
        var error = dialog.Locator(".field-invalid .field-error");
        await error.Locator("text=已有名为").WaitForAsync();
        Assert.Contains(taken, await error.InnerTextAsync());
        await localityAdmin.ScreenshotAsync("designer-clone-name-refused");

        var fresh = "标准评审（巴州试行）" + Guid.NewGuid().ToString("N")[..4];
        await name.FillAsync(fresh);
        await dialog.Locator("[data-testid='confirm-clone']").ClickAsync();
        await page.Locator("#wf-name").WaitForAsync();
        Assert.Equal(fresh, await page.Locator("#wf-name").InputValueAsync());

        // The policy admin chooses the locality too.
        await using var admin = await StudioSession.SignInAsync(browser, server, "admin", output);
        await admin.GoAsync("/workflows");
        await admin.Page.ClickAsync("[data-testid='clone-standard-evaluation']");
        await admin.Page.GetByRole(AriaRole.Dialog, new() { Name = "克隆流程" }).Locator("#target-locality").WaitForAsync();
        Assert.Empty(localityAdmin.PageErrors);
        Assert.Empty(admin.PageErrors);
    }

    [BrowserFact]
    public async Task Simulating_an_unchanged_workflow_saves_no_version()
    {
        using var api = await ApiAsync("admin");
        var before = (await ExpectArrayAsync(await api.GetAsync("/api/workflows/standard-evaluation/versions"))).Count;
        var tokenBefore = (await ExpectAsync(await api.GetAsync("/api/workflows/standard-evaluation")))["concurrencyToken"]!.GetValue<string>();

        await using var admin = await StudioSession.SignInAsync(browser, server, "admin", output);
        var page = admin.Page;
        await admin.GoAsync("/workflows/standard-evaluation");
        await page.Locator(".react-flow__node[data-id='eligibility']").WaitForAsync();
        // Typed and typed back: marked as edited, but nothing differs from the stored version.
        var name = page.Locator("#wf-name");
        var stored = await name.InputValueAsync();
        await name.FillAsync(stored + "x");
        await name.FillAsync(stored);
        await page.Locator(".designer-title .badge", new() { HasText = "未保存" }).WaitForAsync();

        await page.Locator(".designer-actions button", new() { HasText = "模拟运行" }).ClickAsync();
        await page.ClickAsync("[data-testid='run-simulation']");
        await page.Locator(".simulate-result .sim-status").First.WaitForAsync();
        await admin.ScreenshotAsync("designer-simulated-unchanged");

        var after = (await ExpectArrayAsync(await api.GetAsync("/api/workflows/standard-evaluation/versions"))).Count;
        Assert.Equal(before, after);
        // Not rewritten in place either (a draft keeps its version number when saved).
        Assert.Equal(tokenBefore, (await ExpectAsync(await api.GetAsync("/api/workflows/standard-evaluation")))["concurrencyToken"]!.GetValue<string>());
        Assert.Empty(admin.PageErrors);
    }

    [BrowserFact]
    public async Task An_applicant_fills_the_apply_form_version_the_published_workflow_pins()
    {
        const string locality = "sample-city";
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var formId = $"{locality}/pinned-apply-{suffix}";
        var definitionId = $"pinned-form-{suffix}";
        using var api = await ApiAsync("admin");
        var schema = new JsonObject
        {
            ["$schema"] = "http://json-schema.org/draft-07/schema#", ["type"] = "object", ["title"] = "测试申报表", ["required"] = new JsonArray("name"),
            ["properties"] = new JsonObject { ["name"] = new JsonObject { ["type"] = "string", ["title"] = "姓名" } },
        };
        await ExpectAsync(await api.PostAsJsonAsync("/api/forms", new { formId, schema, uiSchema = new JsonObject() }));
        await ExpectAsync(await api.PostAsync($"/api/forms/{formId}/publish", null));
        await ExpectAsync(await api.PostAsJsonAsync("/api/workflows", ApplyOnly(definitionId, locality, formId)));
        await ExpectAsync(await api.PostAsync($"/api/workflows/{definitionId}/publish", null));

        // The form's version 2 adds a required field; the published workflow still pins version 1.
        var v1 = await ExpectAsync(await api.GetAsync($"/api/forms/{formId}"));
        var v2 = schema.DeepClone().AsObject();
        v2["required"] = new JsonArray("name", "extra");
        v2["properties"]!["extra"] = new JsonObject { ["type"] = "string", ["title"] = "新增必填项" };
        await ExpectAsync(await api.PutAsJsonAsync($"/api/forms/{formId}/draft", new
        {
            formId, schema = v2, uiSchema = new JsonObject(), baseVersion = v1["version"]!.GetValue<int>(), concurrencyToken = v1["concurrencyToken"]?.GetValue<string>(),
        }));
        await ExpectAsync(await api.PostAsync($"/api/forms/{formId}/publish", null));

        await using var applicant = await StudioSession.SignInAsync(browser, server, await CreateApplicantAsync(locality), output);
        var page = applicant.Page;
        await applicant.GoAsync("/procedures");
        await page.Locator($".procedure-card[data-definition-id='{definitionId}'] a.btn-primary").ClickAsync();
        await page.WaitForSelectorAsync("#apply_name");
        Assert.Equal(0, await page.Locator("#apply_extra").CountAsync());
        await page.FillAsync("#apply_name", "阿依古丽·买买提");
        await applicant.ScreenshotAsync("apply-form-pinned-version");
        await page.ClickAsync("[data-testid='submit-application']");
        await page.WaitForFunctionAsync("() => /^#\\/applications\\/[^/]+$/.test(location.hash)");
        Assert.Empty(applicant.PageErrors);
    }

    [BrowserFact]
    public async Task Validator_and_audit_text_speak_the_users_language_with_activity_and_field_names()
    {
        var definitionId = "problems-" + Guid.NewGuid().ToString("N")[..6];
        var flow = ElsaJson.ReviewChain(definitionId, "问题文字测试", 3, "bazhou/hr", "end");
        flow["root"]!["activities"]!.AsArray().OfType<JsonObject>().Single(a => a["id"]!.GetValue<string>() == "t2")["stage"] = ElsaJson.Literal("String", "no-such-stage");
        using var api = await ApiAsync("admin");
        await ExpectAsync(await api.PostAsJsonAsync("/api/workflows", flow));

        await using var admin = await StudioSession.SignInAsync(browser, server, "admin", output);
        var page = admin.Page;
        await admin.GoAsync($"/workflows/{definitionId}");
        await page.Locator(".react-flow__node[data-id='t2']").WaitForAsync();
        await page.Locator(".designer-actions button", new() { HasText = "校验" }).ClickAsync();
        var row = page.Locator(".problems-table tbody tr", new() { HasText = "第 2 步审核" });
        await row.First.WaitForAsync();
        var chinese = await row.First.InnerTextAsync();
        Assert.Contains("阶段", chinese);
        Assert.Contains("不在词表中", chinese);
        Assert.DoesNotContain("$.root", chinese);
        Assert.DoesNotContain("unknown stage", chinese);
        Assert.DoesNotContain("unknown-stage", chinese);
        await admin.ScreenshotAsync("designer-problems-zh");

        await page.Locator(".lang-switch button", new() { HasText = "EN" }).ClickAsync();
        var english = page.Locator(".problems-table tbody tr", new() { HasText = "Unknown stage" });
        await english.First.WaitForAsync();
        Assert.DoesNotContain("不在词表中", await english.First.InnerTextAsync());
        await admin.ScreenshotAsync("designer-problems-en");

        // The audit trail: kinds in words, and no Chinese summary in the English UI.
        await admin.GoAsync("/history?tab=trail");
        var entries = page.Locator("tr[data-sequence]");
        await entries.First.WaitForAsync();
        var englishTrail = await entries.First.InnerTextAsync();
        Assert.DoesNotMatch("[\\u4e00-\\u9fff]", englishTrail);
        await page.Locator(".lang-switch button", new() { HasText = "中文" }).ClickAsync();
        await page.Locator("tr[data-sequence] .badge", new() { HasText = "新建流程" }).First.WaitForAsync();
        Assert.DoesNotContain("workflow.create", await page.Locator("tr[data-sequence] .badge").First.InnerTextAsync());
        await admin.ScreenshotAsync("audit-trail-zh");
        Assert.Empty(admin.PageErrors);
    }

    private async Task<string> TakenNameAsync(string locality)
    {
        using var api = await ApiAsync("admin");
        var list = await ExpectArrayAsync(await api.GetAsync($"/api/workflows?locality={locality}"));
        return list.OfType<JsonObject>().First()["name"]!.GetValue<string>();
    }

    private static JsonObject ApplyOnly(string definitionId, string locality, string formId) => new()
    {
        ["definitionId"] = definitionId, ["name"] = "测试：表单版本锁定", ["customProperties"] = new JsonObject { ["locality"] = locality },
        ["root"] = new JsonObject
        {
            ["type"] = "Elsa.Flowchart", ["id"] = "root",
            ["activities"] = new JsonArray(
                new JsonObject { ["id"] = "start", ["type"] = "Elsa.Start" },
                new JsonObject
                {
                    ["id"] = "apply", ["type"] = "Titles.Task", ["stage"] = ElsaJson.Literal("String", "apply"), ["assigneeOrg"] = ElsaJson.Literal("String", "applicant"),
                    ["assigneeRole"] = ElsaJson.Literal("String", "applicant"), ["form"] = ElsaJson.Literal("String", formId),
                    ["actions"] = ElsaJson.Literal("String[]", new JsonArray("approve")),
                },
                new JsonObject { ["id"] = "done", ["type"] = "Titles.Conclude", ["result"] = ElsaJson.Literal("String", "Completed") }),
            ["connections"] = new JsonArray(ElsaJson.Connection("start", "Done", "apply"), ElsaJson.Connection("apply", "approve", "done")),
        },
    };

    private async Task<string> CreateApplicantAsync(string locality)
    {
        var userName = $"{locality}-applicant-{Guid.NewGuid().ToString("N")[..6]}";
        using var scope = server.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DesignerUser>>();
        var user = new DesignerUser { UserName = userName, DisplayName = userName, Locality = locality, TaskRoles = "" };
        var created = await users.CreateAsync(user, StudioServer.Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, "applicant");
        return userName;
    }

    private static JsonObject Metadata(JsonObject flow, string activityId) =>
        flow["root"]!["activities"]!.AsArray().OfType<JsonObject>().Single(a => a["id"]!.GetValue<string>() == activityId)["metadata"]!.AsObject();

    /// <summary>Another admin's save of the latest version with a change of theirs.</summary>
    private static async Task SaveAsync(HttpClient api, string definitionId, Action<JsonObject> change)
    {
        var current = await ExpectAsync(await api.GetAsync($"/api/workflows/{definitionId}"));
        var definition = current["definition"]!.AsObject();
        change(definition);
        await ExpectAsync(await api.PutAsJsonAsync($"/api/workflows/{definitionId}/draft", new
        {
            definition, baseVersion = current["version"]!.GetValue<int>(), concurrencyToken = current["concurrencyToken"]!.GetValue<string>(),
        }));
    }

    private static async Task<JsonObject> LatestAsync(HttpClient api, string definitionId) =>
        (await ExpectAsync(await api.GetAsync($"/api/workflows/{definitionId}")))["definition"]!.AsObject();

    private Task<HttpClient> ApiAsync(string userName) => new StudioWorld(server).SignInAsync(userName);

    private static Task<JsonObject> ExpectAsync(HttpResponseMessage response) => StudioWorld.ExpectAsync(response);

    private static async Task<JsonArray> ExpectArrayAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {body}");
        return JsonNode.Parse(body) switch { JsonArray a => a, JsonObject { } o when o["items"] is JsonArray items => items, _ => [] };
    }
}
