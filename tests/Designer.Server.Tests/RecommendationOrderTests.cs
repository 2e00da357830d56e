using System.Net;
using System.Text.Json.Nodes;
using Designer.Server.Tests.Hardening;
using Designer.Server.Tests.Infrastructure;

namespace Designer.Server.Tests;

/// <summary>
/// The order a unit gives its 推荐名单 is a draft kept on the server: another reviewer of the unit sees it, it outlives
/// the browser, an application that leaves the unit's step drops out of it, and the recommendation's audit names it.
/// </summary>
public sealed class RecommendationOrderTests(DesignerFactory factory) : IClassFixture<DesignerFactory>
{
    private readonly ApplicationDriver driver = new(factory);

    private sealed record Unit(string DefinitionId, string Name, ApiClient Leader, ApiClient Deputy, List<(string ApplicationId, string TaskId)> Applicants);

    private async Task<Unit> UnitWithApplicantsAsync(int count)
    {
        var admin = await driver.As("admin");
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var definitionId = $"order-{suffix}";
        (await admin.PostAsync("/api/workflows", TestWorkflows.UnitRecommend(definitionId))).Expect(HttpStatusCode.Created);
        (await admin.PostAsync($"/api/workflows/{definitionId}/publish")).Expect(HttpStatusCode.OK);
        var unitName = $"排序单位{suffix}";
        (await admin.PostAsync("/api/organisations", new JsonObject
        {
            ["id"] = $"sample-city/unit/order-{suffix}", ["name"] = unitName, ["kind"] = "unit", ["county"] = "sample-district", ["quota"] = 10,
        })).Expect(HttpStatusCode.Created);
        var reviewers = new List<ApiClient>();
        foreach (var who in new[] { "leader", "deputy" })
        {
            (await admin.PostAsync("/api/users", new JsonObject
            {
                ["userName"] = $"{who}-{suffix}", ["displayName"] = "单位负责人", ["password"] = DesignerFactory.Password, ["roles"] = new JsonArray("reviewer"),
                ["locality"] = "sample-city", ["org"] = "unit", ["taskRoles"] = new JsonArray("leader"), ["unit"] = unitName,
            })).Expect(HttpStatusCode.Created);
            reviewers.Add(await factory.SignInAsync($"{who}-{suffix}"));
        }
        var applicants = new List<(string, string)>();
        for (var i = 0; i < count; i++)
        {
            var id = await driver.SubmitAsync(await factory.CreateApplicantAsync("sample-city"), definitionId,
                new JsonObject { ["name"] = $"排序{i}", ["unit"] = unitName, ["county"] = "sample-district" });
            var task = Assert.Single((await reviewers[0].GetOkAsync($"/api/tasks?q={id}"))["items"]!.AsArray())!;
            applicants.Add((id, task["id"]!.GetValue<string>()));
        }
        return new Unit(definitionId, unitName, reviewers[0], reviewers[1], applicants);
    }

    private static async Task<JsonNode> OrderAsync(ApiClient reviewer, string procedure) =>
        Assert.Single((await reviewer.GetOkAsync($"/api/tasks/recommendation-order?procedure={procedure}"))["items"]!.AsArray())!;

    private static List<string> Ids(JsonNode order) => [.. order["taskIds"]!.AsArray().Select(id => id!.GetValue<string>())];

    private static JsonObject Save(string procedure, IEnumerable<string> taskIds, long? revision = null) => new()
    {
        ["procedure"] = procedure, ["taskIds"] = new JsonArray([.. taskIds.Select(id => (JsonNode)id)]), ["revision"] = revision,
    };

    [Fact]
    public async Task The_order_one_reviewer_saves_is_what_another_reviewer_of_the_unit_sees_and_a_recommended_one_drops_out_of_it()
    {
        var unit = await UnitWithApplicantsAsync(3);
        var (a, b, c) = (unit.Applicants[0].TaskId, unit.Applicants[1].TaskId, unit.Applicants[2].TaskId);
        var fresh = await OrderAsync(unit.Leader, unit.DefinitionId);
        Assert.Equal(3, Ids(fresh).Count);
        Assert.Equal(0, fresh["revision"]!.GetValue<long>());
        Assert.Equal(unit.Name, fresh["unitName"]!.GetValue<string>());

        var saved = (await unit.Leader.PutAsync("/api/tasks/recommendation-order", Save(unit.DefinitionId, [c, a, b], 0))).Expect(HttpStatusCode.OK);
        Assert.Equal([c, a, b], Ids(saved));
        var seen = await OrderAsync(unit.Deputy, unit.DefinitionId);
        Assert.Equal([c, a, b], Ids(seen));
        Assert.Equal(unit.Leader.UserName, seen["updatedBy"]!.GetValue<string>());

        // A late applicant joins at the end; the deputy reorders the list the leader saved.
        var late = await driver.SubmitAsync(await factory.CreateApplicantAsync("sample-city"), unit.DefinitionId,
            new JsonObject { ["name"] = "排序迟到", ["unit"] = unit.Name, ["county"] = "sample-district" });
        var lateTask = Assert.Single((await unit.Deputy.GetOkAsync($"/api/tasks?q={late}"))["items"]!.AsArray())!["id"]!.GetValue<string>();
        var withLate = await OrderAsync(unit.Deputy, unit.DefinitionId);
        Assert.Equal([c, a, b, lateTask], Ids(withLate));
        (await unit.Deputy.PutAsync("/api/tasks/recommendation-order", Save(unit.DefinitionId, [a, c, lateTask, b], withLate["revision"]!.GetValue<long>())))
            .Expect(HttpStatusCode.OK);

        // The first-ranked is recommended: the audit names the order it was ranked in, and it leaves the list.
        var opinion = new JsonObject
        {
            ["assessmentResult"] = "excellent", ["democraticEvaluation"] = "good", ["recommendationOpinion"] = "经综合考核和民主测评，同意推荐。",
            ["quotaPostConfirmed"] = true, ["unitPledge"] = true,
        };
        (await unit.Leader.PostAsync("/api/tasks/batch-recommend", new JsonObject
        {
            ["taskIds"] = new JsonArray(a), ["action"] = "approve", ["formData"] = opinion,
        })).Expect(HttpStatusCode.OK);
        var audit = (await (await driver.As("auditor")).GetOkAsync($"/api/audit?subject=application/{unit.Applicants[0].ApplicationId}&pageSize=200"))["items"]!.AsArray();
        var entry = Assert.Single(audit, e => e!["data"]?["batchId"] is not null)!;
        Assert.Equal(unit.Deputy.UserName, entry["data"]!["orderSavedBy"]!.GetValue<string>());
        Assert.Equal(2, entry["data"]!["orderRevision"]!.GetValue<long>());

        var after = await OrderAsync(unit.Leader, unit.DefinitionId);
        Assert.Equal([c, lateTask, b], Ids(after));
        Assert.Equal(1, after["dropped"]!.GetValue<int>());
    }

    [Fact]
    public async Task Saving_over_an_order_someone_else_changed_is_a_conflict_naming_them_and_keeps_their_order()
    {
        var unit = await UnitWithApplicantsAsync(2);
        var (a, b) = (unit.Applicants[0].TaskId, unit.Applicants[1].TaskId);
        (await unit.Deputy.PutAsync("/api/tasks/recommendation-order", Save(unit.DefinitionId, [b, a], 0))).Expect(HttpStatusCode.OK);

        var conflict = (await unit.Leader.PutAsync("/api/tasks/recommendation-order", Save(unit.DefinitionId, [a, b], 0))).Expect(HttpStatusCode.Conflict);
        Assert.Contains(unit.Deputy.UserName!, conflict["detail"]!.GetValue<string>());
        Assert.Equal([b, a], Ids(await OrderAsync(unit.Leader, unit.DefinitionId)));
    }

    [Fact]
    public async Task Malformed_or_foreign_orders_are_refused_naming_the_field_and_another_unit_sees_nothing()
    {
        var unit = await UnitWithApplicantsAsync(1);
        var task = unit.Applicants[0].TaskId;
        async Task<string> PathOf(ApiClient who, JsonObject body) =>
            (await who.PutAsync("/api/tasks/recommendation-order", body)).Expect((HttpStatusCode)422)["errors"]![0]!["path"]!.GetValue<string>();
        Assert.Equal("$.procedure", await PathOf(unit.Leader, new JsonObject { ["taskIds"] = new JsonArray(task) }));
        Assert.Equal("$.taskIds", await PathOf(unit.Leader, Save(unit.DefinitionId, [])));
        Assert.Equal("$.taskIds[1]", await PathOf(unit.Leader, Save(unit.DefinitionId, [task, task])));
        Assert.Equal("$.taskIds[1]", await PathOf(unit.Leader, Save(unit.DefinitionId, [task, "no-such-task"])));
        Assert.Equal("$.taskIds[0]", await PathOf(unit.Leader, Save("another-procedure", [task])));
        (await unit.Leader.GetAsync("/api/tasks/recommendation-order")).Expect((HttpStatusCode)422);

        var other = await UnitWithApplicantsAsync(0);
        Assert.Equal("$.taskIds[0]", await PathOf(other.Leader, Save(unit.DefinitionId, [task])));
        Assert.Empty((await other.Leader.GetOkAsync($"/api/tasks/recommendation-order?procedure={unit.DefinitionId}"))["items"]!.AsArray());
    }
}
