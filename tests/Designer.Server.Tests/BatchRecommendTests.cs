using System.Net;
using System.Text.Json.Nodes;
using Designer.Server.Tests.Hardening;
using Designer.Server.Tests.Infrastructure;

namespace Designer.Server.Tests;

/// <summary>
/// A unit's ranked recommendation list (推荐名单): the unit's leader recommends several applicants of one procedure at
/// once, in rank order, never beyond the unit's remaining quota, and all or none.
/// </summary>
public sealed class BatchRecommendTests(DesignerFactory factory) : IClassFixture<DesignerFactory>
{
    private readonly ApplicationDriver driver = new(factory);

    private sealed record Setup(string DefinitionId, string UnitName, ApiClient Leader, List<(string Name, string ApplicationId, string TaskId)> Applicants);

    /// <summary>A published unit-recommendation procedure, a registered unit with the given quota, its leader, and applicants of it.</summary>
    private async Task<Setup> SetUpAsync(int quota, params string[] names)
    {
        var admin = await driver.As("admin");
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var definitionId = $"batch-{suffix}";
        (await admin.PostAsync("/api/workflows", TestWorkflows.UnitRecommend(definitionId))).Expect(HttpStatusCode.Created);
        (await admin.PostAsync($"/api/workflows/{definitionId}/publish")).Expect(HttpStatusCode.OK);
        var unitName = $"推荐测试单位{suffix}";
        (await admin.PostAsync("/api/organisations", new JsonObject
        {
            ["id"] = $"sample-city/unit/batch-{suffix}", ["name"] = unitName, ["kind"] = "unit", ["county"] = "sample-district", ["quota"] = quota,
        })).Expect(HttpStatusCode.Created);
        var leaderName = $"leader-{suffix}";
        (await admin.PostAsync("/api/users", new JsonObject
        {
            ["userName"] = leaderName, ["displayName"] = "单位负责人", ["password"] = DesignerFactory.Password, ["roles"] = new JsonArray("reviewer"),
            ["locality"] = "sample-city", ["org"] = "unit", ["taskRoles"] = new JsonArray("leader"), ["unit"] = unitName,
        })).Expect(HttpStatusCode.Created);
        var leader = await factory.SignInAsync(leaderName);
        var applicants = new List<(string, string, string)>();
        foreach (var name in names)
        {
            var id = await driver.SubmitAsync(await factory.CreateApplicantAsync("sample-city"), definitionId, new JsonObject { ["name"] = name, ["unit"] = unitName, ["county"] = "sample-district" });
            var task = Assert.Single((await leader.GetOkAsync($"/api/tasks?q={id}"))["items"]!.AsArray())!;
            applicants.Add((name, id, task["id"]!.GetValue<string>()));
        }
        return new Setup(definitionId, unitName, leader, applicants);
    }

    private static JsonObject Opinion() => new()
    {
        ["assessmentResult"] = "excellent", ["democraticEvaluation"] = "good", ["recommendationOpinion"] = "经综合考核和民主测评，符合申报条件，同意推荐。",
        ["quotaPostConfirmed"] = true, ["unitPledge"] = true,
    };

    private static JsonObject Batch(IEnumerable<string> taskIds, IEnumerable<int>? ranks = null) => new()
    {
        ["taskIds"] = new JsonArray([.. taskIds.Select(id => (JsonNode)id)]),
        ["ranks"] = ranks is null ? null : new JsonArray([.. ranks.Select(r => (JsonNode)r)]),
        ["action"] = "approve", ["formData"] = Opinion(), ["comment"] = "经单位推荐会议研究",
    };

    private async Task<string> StatusAsync(string applicationId) =>
        (await (await driver.As("admin")).GetOkAsync($"/api/applications/{applicationId}"))["status"]!.GetValue<string>();

    private async Task<List<JsonNode>> AuditAsync(string applicationId) =>
        [.. (await (await driver.As("auditor")).GetOkAsync($"/api/audit?subject=application/{applicationId}&pageSize=200"))["items"]!.AsArray().Select(e => e!)];

    [Fact]
    public async Task A_batch_beyond_the_units_remaining_quota_is_refused_naming_quota_and_count_and_recommends_nobody()
    {
        var setup = await SetUpAsync(2, "名单甲", "名单乙", "名单丙");
        var quota = Assert.Single((await setup.Leader.GetOkAsync($"/api/tasks/recommendation-quota?procedure={setup.DefinitionId}"))["items"]!.AsArray())!;
        Assert.Equal((setup.UnitName, 2, 0, 2), (quota["unitName"]!.GetValue<string>(), quota["posts"]!.GetValue<int>(), quota["used"]!.GetValue<int>(), quota["remaining"]!.GetValue<int>()));

        var refused = (await setup.Leader.PostAsync("/api/tasks/batch-recommend", Batch(setup.Applicants.Select(a => a.TaskId)))).Expect((HttpStatusCode)422);
        var detail = refused["detail"]!.GetValue<string>();
        Assert.Contains($"{setup.UnitName} 的推荐职数为 2 人", detail);
        Assert.Contains("剩余 2 人，本次推荐 3 人", detail);
        Assert.Equal(3, refused["count"]!.GetValue<int>());
        Assert.Equal("$.taskIds", refused["errors"]![0]!["path"]!.GetValue<string>());
        foreach (var (_, applicationId, _) in setup.Applicants)
        {
            Assert.Equal("Waiting", await StatusAsync(applicationId));
            Assert.DoesNotContain(await AuditAsync(applicationId), e => e["data"]?["batchId"] is not null);
        }
        Assert.Equal(3, (await setup.Leader.GetOkAsync($"/api/tasks?procedure={setup.DefinitionId}"))["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_ranked_batch_within_quota_recommends_each_with_its_rank_and_batch_in_history_and_audit_and_uses_up_the_quota()
    {
        var setup = await SetUpAsync(2, "排序甲", "排序乙", "排序丙");
        var (first, second, third) = (setup.Applicants[0], setup.Applicants[1], setup.Applicants[2]);

        // The unit ranks 乙 first and 甲 second.
        var result = (await setup.Leader.PostAsync("/api/tasks/batch-recommend", Batch([first.TaskId, second.TaskId], [2, 1]))).Expect(HttpStatusCode.OK);
        var batchId = result["batchId"]!.GetValue<string>();
        Assert.Equal(["排序乙", "排序甲"], result["items"]!.AsArray().Select(i => i!["applicantName"]!.GetValue<string>()));
        foreach (var (applicant, rank) in new[] { (first, 2), (second, 1) })
        {
            Assert.Equal("Completed", await StatusAsync(applicant.ApplicationId));
            var detail = await (await driver.As("admin")).GetOkAsync($"/api/applications/{applicant.ApplicationId}");
            var step = detail["timeline"]!.AsArray().Last(e => e!["stage"]!.GetValue<string>() == "unit-recommend")!;
            Assert.Contains($"推荐名单第 {rank} 名（本批 2 人，批次 {batchId}）：经单位推荐会议研究", step["comment"]!.GetValue<string>());
            var entry = Assert.Single(await AuditAsync(applicant.ApplicationId), e => e["data"]?["batchId"]?.GetValue<string>() == batchId);
            Assert.Equal(rank, entry["data"]!["rank"]!.GetValue<int>());
            Assert.Equal(setup.Leader.UserName, entry["actor"]!.GetValue<string>());
        }

        var quota = Assert.Single((await setup.Leader.GetOkAsync($"/api/tasks/recommendation-quota?procedure={setup.DefinitionId}"))["items"]!.AsArray())!;
        Assert.Equal((2, 0), (quota["used"]!.GetValue<int>(), quota["remaining"]!.GetValue<int>()));
        // No place left: recommending the third one alone is refused too; not recommending them is not.
        var exhausted = (await setup.Leader.PostAsync($"/api/tasks/{third.TaskId}/act", new JsonObject { ["action"] = "approve", ["data"] = Opinion() }))
            .Expect((HttpStatusCode)422);
        Assert.Contains("剩余 0 人，本次推荐 1 人", exhausted["detail"]!.GetValue<string>());
        (await setup.Leader.PostAsync($"/api/tasks/{third.TaskId}/act", new JsonObject
        {
            ["action"] = "reject", ["data"] = Opinion(), ["comment"] = "本年度职数已满",
        })).Expect(HttpStatusCode.OK);
        Assert.Equal("Rejected", await StatusAsync(third.ApplicationId));
    }

    [Fact]
    public async Task When_one_of_the_batch_is_refused_by_its_form_nothing_of_the_batch_is_saved()
    {
        var setup = await SetUpAsync(5, "整批甲", "整批乙");
        var (first, second) = (setup.Applicants[0], setup.Applicants[1]);

        // The form allows ranks up to 999: the second one is refused after the first went through.
        var refused = (await setup.Leader.PostAsync("/api/tasks/batch-recommend", Batch([first.TaskId, second.TaskId], [1, 1000]))).Expect((HttpStatusCode)422);
        Assert.Contains("整批乙（第 1000 名）未能办理，整批未推荐", refused["detail"]!.GetValue<string>());
        Assert.Contains(refused["errors"]!.AsArray(), e => e!["path"]!.GetValue<string>().Contains("recommendationRank"));
        foreach (var applicant in setup.Applicants)
        {
            Assert.Equal("Waiting", await StatusAsync(applicant.ApplicationId));
            Assert.DoesNotContain(await AuditAsync(applicant.ApplicationId), e => e["data"]?["batchId"] is not null);
        }
        Assert.Equal(2, (await setup.Leader.GetOkAsync($"/api/tasks?procedure={setup.DefinitionId}"))["total"]!.GetValue<int>());
        Assert.DoesNotContain((await (await driver.As("admin")).GetOkAsync($"/api/applications/{first.ApplicationId}"))["timeline"]!.AsArray(),
            e => e!["stage"]!.GetValue<string>() == "unit-recommend");

        // After the refusal the same list goes through (the transaction left nothing behind).
        (await setup.Leader.PostAsync("/api/tasks/batch-recommend", Batch([first.TaskId, second.TaskId]))).Expect(HttpStatusCode.OK);
        Assert.Equal("Completed", await StatusAsync(second.ApplicationId));
    }

    [Fact]
    public async Task Malformed_batches_are_refused_naming_the_field()
    {
        var setup = await SetUpAsync(5, "格式甲");
        var task = setup.Applicants[0].TaskId;
        async Task<string> PathOf(JsonObject body) =>
            (await setup.Leader.PostAsync("/api/tasks/batch-recommend", body)).Expect((HttpStatusCode)422)["errors"]![0]!["path"]!.GetValue<string>();
        Assert.Equal("$.taskIds", await PathOf(new JsonObject { ["taskIds"] = new JsonArray(), ["action"] = "approve" }));
        Assert.Equal("$.taskIds[1]", await PathOf(new JsonObject { ["taskIds"] = new JsonArray(task, task), ["action"] = "approve" }));
        Assert.Equal("$.taskIds[1]", await PathOf(new JsonObject { ["taskIds"] = new JsonArray(task, "no-such-task"), ["action"] = "approve" }));
        Assert.Equal("$.ranks", await PathOf(new JsonObject { ["taskIds"] = new JsonArray(task), ["ranks"] = new JsonArray(1, 2), ["action"] = "approve" }));
        Assert.Equal("$.ranks[0]", await PathOf(new JsonObject { ["taskIds"] = new JsonArray(task), ["ranks"] = new JsonArray(0), ["action"] = "approve" }));
        Assert.Equal("$.action", await PathOf(new JsonObject { ["taskIds"] = new JsonArray(task) }));
        Assert.Equal("$.action", await PathOf(new JsonObject { ["taskIds"] = new JsonArray(task), ["action"] = "vote" }));

        // Another unit's leader neither sees nor recommends this unit's applicant.
        var other = await SetUpAsync(5);
        Assert.Equal("$.taskIds[0]", (await other.Leader.PostAsync("/api/tasks/batch-recommend", new JsonObject { ["taskIds"] = new JsonArray(task), ["action"] = "approve" }))
            .Expect((HttpStatusCode)422)["errors"]![0]!["path"]!.GetValue<string>());
    }
}
