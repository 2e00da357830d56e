using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Designer.Studio.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Designer.Studio.Tests.Infrastructure.Flows;

namespace Designer.Studio.Tests;

/// <summary>
/// Review as each reviewer clicks it from their own inbox: an application goes from the unit to the county bureau of
/// the applicant's county (`county/education`) to the locality's HR bureau; and a unit recommends a ranked list of
/// its applicants within its quota (推荐名单), refused when the list is longer than the places left.
/// </summary>
[Collection(StudioCollection.Name)]
public sealed class ReviewJourneyTests(StudioServer server, Browser browser, ITestOutputHelper output)
{
    private const string Locality = "sample-city";
    private const string County = "sample-district";
    private readonly StudioWorld world = new(server);

    [BrowserFact]
    public async Task An_application_passes_unit_county_bureau_and_hr_review_each_from_its_reviewers_inbox()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var unit = $"示例区第一中学{suffix}";
        using (var admin = await world.SignInAsync("admin"))
            await StudioWorld.ExpectAsync(await admin.PostAsJsonAsync("/api/organisations", new JsonObject
            {
                ["id"] = $"{Locality}/unit/school-{suffix}", ["name"] = unit, ["kind"] = "unit", ["county"] = County,
            }));
        // Holders first: a step nobody holds does not publish.
        var unitLeader = await world.CreateUserAsync(Locality, "reviewer", org: "unit", taskRoles: "leader", unit: unit);
        var bureau = await world.CreateUserAsync(Locality, "reviewer", org: "county/education", taskRoles: "reviewer");
        await SetCountyAsync(bureau, County);
        var hr = await world.CreateUserAsync(Locality, "reviewer", org: $"{Locality}/hr", taskRoles: "reviewer");
        var definitionId = $"county-review-{suffix}";
        await world.PublishAsync(Flowchart(definitionId, "测试：逐级审核", Locality,
            [
                Start(), Step("apply", "apply", "applicant", "applicant", ["approve"], "apply"),
                Step("unit", "unit-recommend", "unit", "leader", ["approve", "reject"], "review-opinion"),
                Step("county", "competent-review", "county/education", "reviewer", ["approve", "reject"], "review-opinion"),
                Step("hr", "hr-review", $"{Locality}/hr", "reviewer", ["approve", "reject"], "review-opinion"),
                Conclude("done", "Completed"), Conclude("refused", "Rejected"),
            ],
            [
                Connect("start", "Done", "apply"), Connect("apply", "approve", "unit"), Connect("unit", "approve", "county"), Connect("county", "approve", "hr"),
                Connect("hr", "approve", "done"), Connect("unit", "reject", "refused"), Connect("county", "reject", "refused"), Connect("hr", "reject", "refused"),
            ]));
        using var applicant = await world.SignInAsync(await world.CreateUserAsync(Locality, "applicant"));
        var applicationId = await world.ApplyAsync(applicant, definitionId, new JsonObject { ["name"] = "逐级审核甲", ["county"] = County, ["unit"] = unit });

        var steps = new[] { (unitLeader, "用人单位", "单位考核合格，同意推荐。"), (bureau, "县教育局", "县教育局审核通过。"), (hr, "人社局", "人社局复核通过。") };
        for (var i = 0; i < steps.Length; i++)
        {
            var (reviewer, who, opinion) = steps[i];
            await using var session = await StudioSession.SignInAsync(browser, server, reviewer, output);
            await session.GoAsync("/inbox");
            var link = session.Page.Locator($"a[href*='tasks/{applicationId}']");
            await link.First.WaitForAsync();
            await link.First.ClickAsync();
            var side = session.Page.Locator(".task-side");
            await side.Locator(".action-buttons").WaitForAsync();
            // Every later reviewer reads the earlier opinions.
            foreach (var (_, _, earlier) in steps.Take(i))
                await side.Locator(".timeline").GetByText(earlier, new() { Exact = false }).WaitForAsync();
            await side.Locator("[id$='_opinion']").FillAsync(opinion);
            await session.ScreenshotAsync($"review-journey-{i + 1}-{who}", fullPage: true);
            await side.Locator(".action-buttons [data-action='approve']").ClickAsync();
            await session.Page.WaitForFunctionAsync("() => location.hash.startsWith('#/inbox')");
            await session.Page.Locator($"a[href*='tasks/{applicationId}']").First.WaitForAsync(new() { State = WaitForSelectorState.Detached });
            Assert.Empty(session.PageErrors);
        }

        var done = await StudioWorld.ExpectAsync(await applicant.GetAsync($"/api/applications/{applicationId}"));
        Assert.Equal("Completed", done["status"]!.GetValue<string>());
        var stages = done["timeline"]!.AsArray().Select(e => e!["stage"]!.GetValue<string>()).ToList();
        Assert.Equal(["apply", "unit-recommend", "competent-review", "hr-review"], stages);
    }

    [BrowserFact]
    public async Task A_unit_ranks_its_applicants_and_recommends_a_list_within_its_quota()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var unit = $"名单县第二中学{suffix}";
        // A locality of its own: registering a unit makes every application of that locality name a registered unit,
        // which must not reach the other journeys on the shared server.
        var locality = $"ranked-{suffix}";
        var county = $"ranked-county-{suffix}";
        using (var admin = await world.SignInAsync("admin"))
        {
            await StudioWorld.ExpectAsync(await admin.PostAsJsonAsync("/api/localities", new JsonObject
            {
                ["code"] = locality, ["name"] = $"名单测试地区{suffix}",
                ["counties"] = new JsonArray(new JsonObject { ["code"] = county, ["name"] = $"名单县{suffix}" }),
            }));
            await StudioWorld.ExpectAsync(await admin.PostAsJsonAsync("/api/organisations", new JsonObject
            {
                ["id"] = $"{locality}/unit/school-{suffix}", ["name"] = unit, ["kind"] = "unit", ["county"] = county, ["quota"] = 2,
            }));
        }
        var leader = await world.CreateUserAsync(locality, "reviewer", org: "unit", taskRoles: "leader", unit: unit);
        var definitionId = $"ranked-{suffix}";
        await world.PublishAsync(Flowchart(definitionId, "测试：单位推荐名单", locality,
            [
                Start(), Step("apply", "apply", "applicant", "applicant", ["approve"], "apply"),
                Step("recommend", "unit-recommend", "unit", "leader", ["approve", "reject"], "unit-recommendation"),
                Conclude("done", "Completed"), Conclude("refused", "Rejected"),
            ],
            [Connect("start", "Done", "apply"), Connect("apply", "approve", "recommend"), Connect("recommend", "approve", "done"), Connect("recommend", "reject", "refused")]));
        var ids = new Dictionary<string, string>();
        foreach (var name in new[] { "名单甲", "名单乙", "名单丙" })
        {
            using var applicant = await world.SignInAsync(await world.CreateUserAsync(locality, "applicant"));
            ids[name] = await world.ApplyAsync(applicant, definitionId, new JsonObject { ["name"] = name, ["county"] = county, ["unit"] = unit });
        }

        await using var session = await StudioSession.SignInAsync(browser, server, leader, output);
        var page = session.Page;
        await session.GoAsync("/inbox");
        await page.GetByRole(AriaRole.Link, new() { Name = "推荐名单" }).ClickAsync();
        var list = page.Locator("ol.ranked-list");
        await list.Locator("li").Nth(2).WaitForAsync();
        await page.GetByTestId("quota").GetByText("推荐职数 2 人，已推荐 0 人，剩余 2 人", new() { Exact = false }).WaitForAsync();

        // 丙 is the unit's first choice: moved to the top with the keyboard-usable buttons; the order is saved on the server.
        await page.GetByRole(AriaRole.Button, new() { Name = "上移 名单丙" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "上移 名单丙" }).ClickAsync();
        Assert.Equal(["名单丙", "名单甲", "名单乙"], await Names(list));
        await page.GetByTestId("order-saved").GetByText(leader, new() { Exact = false }).WaitForAsync();
        await page.ReloadAsync();
        await list.Locator("li").Nth(2).WaitForAsync();
        Assert.Equal(["名单丙", "名单甲", "名单乙"], await Names(list));
        // The order is the unit's, kept on the server: another reviewer of the unit, in another browser, sees it.
        var deputy = await world.CreateUserAsync(locality, "reviewer", org: "unit", taskRoles: "leader", unit: unit);
        await using (var second = await StudioSession.SignInAsync(browser, server, deputy, output))
        {
            await second.GoAsync("/inbox/recommendation");
            var theirs = second.Page.Locator("ol.ranked-list");
            await theirs.Locator("li").Nth(2).WaitForAsync();
            Assert.Equal(["名单丙", "名单甲", "名单乙"], await Names(theirs));
            await second.ScreenshotAsync("ranked-list-0-another-reviewer", fullPage: true);
        }

        await page.CheckAsync("#batch_assessmentResult-0");
        await page.CheckAsync("#batch_democraticEvaluation-0");
        await page.FillAsync("#batch_recommendationOpinion", "经综合考核和民主测评，符合申报条件，同意推荐。");
        await page.CheckAsync("#batch_quotaPostConfirmed-0");
        await page.CheckAsync("#batch_unitPledge");
        page.Dialog += (_, dialog) => _ = dialog.AcceptAsync();

        // All three ticked: more than the two places left; the server refuses and nobody is recommended.
        foreach (var name in new[] { "名单丙", "名单甲", "名单乙" }) await list.Locator("li", new() { HasText = name }).Locator("input[type=checkbox]").CheckAsync();
        await page.GetByText("已选 3 人，超出剩余推荐职数 2 人").WaitForAsync();
        await page.Locator("[data-action='batch-recommend']").ClickAsync();
        var refusal = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "推荐职数为 2 人" });
        await refusal.WaitForAsync();
        Assert.Contains("本次推荐 3 人", await refusal.InnerTextAsync());
        await session.ScreenshotAsync("ranked-list-1-refused", fullPage: true);
        Assert.Equal(3, await list.Locator("li").CountAsync());

        // 乙 left out: 丙 and 甲 go through as the unit's first and second.
        await list.Locator("li", new() { HasText = "名单乙" }).Locator("input[type=checkbox]").UncheckAsync();
        await page.Locator("[data-action='batch-recommend']").ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "已推荐：1. 名单丙，2. 名单甲" }).WaitForAsync();
        await page.GetByTestId("quota").GetByText("已推荐 2 人，剩余 0 人", new() { Exact = false }).WaitForAsync();
        await list.Locator("li").First.WaitForAsync();
        Assert.Equal(["名单乙"], await Names(list));
        await session.ScreenshotAsync("ranked-list-2-recommended", fullPage: true);
        Assert.Empty(session.PageErrors);

        using var admin2 = await world.SignInAsync("admin");
        foreach (var (name, rank) in new[] { ("名单丙", 1), ("名单甲", 2) })
        {
            var detail = await StudioWorld.ExpectAsync(await admin2.GetAsync($"/api/applications/{ids[name]}"));
            Assert.Equal("Completed", detail["status"]!.GetValue<string>());
            var step = detail["timeline"]!.AsArray().Last()!;
            Assert.Contains($"推荐名单第 {rank} 名（本批 2 人", step["comment"]!.GetValue<string>());
        }
        Assert.Equal("Waiting", (await StudioWorld.ExpectAsync(await admin2.GetAsync($"/api/applications/{ids["名单乙"]}")))["status"]!.GetValue<string>());
    }

    private static async Task<string[]> Names(ILocator list) =>
        [.. (await list.Locator("li .ranked-name .strong").AllInnerTextsAsync()).Select(n => n.Trim())];

    /// <summary>A county bureau's reviewer works for one county.</summary>
    private async Task SetCountyAsync(string userName, string county)
    {
        using var scope = server.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Designer.Persistence.Entities.DesignerUser>>();
        var user = (await users.FindByNameAsync(userName))!;
        user.County = county;
        await users.UpdateAsync(user);
    }
}
