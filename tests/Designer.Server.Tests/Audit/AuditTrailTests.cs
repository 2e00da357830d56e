using System.Net;
using System.Text.Json.Nodes;
using Designer.Server.Tests.Infrastructure;
using static Designer.Server.Tests.Audit.AuditTestKit;

namespace Designer.Server.Tests.Audit;

/// <summary>
/// The hash-chained trail over HTTP and on disk: a publish and a task act are recorded; the chain verifies; an
/// edited, deleted or reordered row (changed in the SQLite file itself) is named by the server, the export and the CLI.
/// </summary>
public sealed class AuditTrailTests(BazhouFactory factory) : IClassFixture<BazhouFactory>
{
    private const string Workflow = "bazhou-directed-deputy-senior";

    private static JsonObject Teacher(string name) => new()
    {
        ["name"] = name, ["county"] = "和静县", ["unit"] = "和静县第一中学", ["employmentType"] = "public-institution",
        ["workplaceLevel"] = "prefecture", ["series"] = "teacher", ["level"] = "deputy-senior", ["kind"] = "directed",
        ["grassrootsYears"] = 6, ["competentDepartment"] = "education",
    };

    [Fact]
    public async Task A_publish_and_a_task_act_are_recorded_and_every_kind_of_tampering_is_named()
    {
        var admin = await factory.SignInAsync("admin");
        await SaveDraftAsync(admin, Workflow, d => d["description"] = "审计：发布说明已更新");
        (await admin.PostAsync($"/api/workflows/{Workflow}/publish")).Expect(HttpStatusCode.OK);

        var driver = new ApplicationDriver(factory);
        var applicant = await factory.CreateApplicantAsync("bazhou");
        var applicationId = await driver.SubmitAsync(applicant, Workflow, Teacher("审计甲"));
        var atPublicity = await driver.RunAsync(applicationId, applicant, stopAt: "unit-publicity");
        var notice = (await factory.Client().GetOkAsync("/api/public/publicity?locality=bazhou"))["items"]!.AsArray()
            .Single(n => n!["id"]!.GetValue<string>().StartsWith(applicationId))!;
        (await factory.Client().PostAsync($"/api/public/publicity/{notice["id"]!.GetValue<string>()}/objections", new JsonObject
        {
            ["name"] = "李四", ["contact"] = "13900000000", ["reason"] = "申报的业绩材料与实际情况不符，请核查",
        })).Expect(HttpStatusCode.Accepted);
        await driver.PassTimeAsync(atPublicity);

        var auditor = await factory.SignInAsync("auditor");
        var published = (await auditor.GetOkAsync($"/api/audit?kind=workflow.publish&subject=workflow/{Workflow}"))["items"]!.AsArray();
        var publish = published[0]!;
        Assert.Equal("admin", publish["actor"]!.GetValue<string>());
        Assert.Equal($"workflow/{Workflow}/v2", publish["subject"]!.GetValue<string>());
        Assert.Contains("发布", publish["summary"]!.GetValue<string>());
        Assert.Equal(1, publish["data"]!["againstVersion"]!.GetValue<int>());
        Assert.Contains(publish["data"]!["diff"]!["definition"]!.AsArray(), c => c!["name"]!.GetValue<string>() == "description");
        Assert.Equal(64, publish["hash"]!.GetValue<string>().Length);

        var journal = await auditor.GetOkAsync($"/api/applications/{applicationId}/journal");
        var entries = journal["entries"]!.AsArray();
        Assert.Equal("application.submit", entries[0]!["kind"]!.GetValue<string>());
        // The party organisation's political review comes first; the unit's recommendation is the act examined here.
        var act = entries.Single(e => e!["kind"]!.GetValue<string>() == "application.act" && e["data"]!["stage"]!.GetValue<string>() == "unit-recommend")!;
        Assert.Equal("unit-reviewer-bazhou", act["actor"]!.GetValue<string>());
        Assert.Equal("unit-recommend", act["data"]!["stage"]!.GetValue<string>());
        Assert.Equal("approve", act["data"]!["action"]!.GetValue<string>());
        Assert.Equal("同意", act["data"]!["comment"]!.GetValue<string>());
        Assert.Equal(64, act["data"]!["dataHash"]!.GetValue<string>().Length);
        var objection = entries.Single(e => e!["kind"]!.GetValue<string>() == "application.objection")!;
        Assert.Equal("public:李四", objection["actor"]!.GetValue<string>());
        Assert.Equal("unit-publicity", objection["data"]!["stage"]!.GetValue<string>());
        Assert.NotEqual(act["data"]!["dataHash"]!.GetValue<string>(), objection["data"]!["dataHash"]!.GetValue<string>());
        var timer = entries.Single(e => e!["kind"]!.GetValue<string>() == "application.timer")!;
        Assert.Equal(("system", "unit-publicity", "object"),
            (timer["actor"]!.GetValue<string>(), timer["data"]!["stage"]!.GetValue<string>(), timer["data"]!["action"]!.GetValue<string>()));
        Assert.True(journal["verification"]!["intact"]!.GetValue<bool>());
        Assert.All(entries, e => Assert.True(e!["verified"]!.GetValue<bool>()));

        var total = (await auditor.GetOkAsync("/api/audit"))["total"]!.GetValue<int>();
        var verified = await auditor.GetOkAsync("/api/audit/verify");
        Assert.True(verified["intact"]!.GetValue<bool>(), verified.ToJsonString());
        Assert.Equal(total, verified["entriesChecked"]!.GetValue<int>());
        Assert.Equal(0, await CliOnExportAsync(auditor));
        if (!TestDatabase.IsPostgres) Assert.Equal(0, RunCli("audit", "verify", "--db", DatabasePath(factory)).Exit);

        var target = publish["sequence"]!.GetValue<long>();
        using var database = OpenDatabase(factory);

        // An edited summary.
        Execute(database, $"UPDATE \"AuditEntries\" SET \"Summary\" = \"Summary\" || '（已改）' WHERE \"Sequence\" = {target}");
        await AssertBrokenAtAsync(auditor, target, "内容被修改");
        Assert.Equal(1, await CliOnExportAsync(auditor));
        Execute(database, $"UPDATE \"AuditEntries\" SET \"Summary\" = replace(\"Summary\", '（已改）', '') WHERE \"Sequence\" = {target}");
        await AssertIntactAsync(auditor);

        // Edited data (its hash no longer matches).
        Execute(database, $"UPDATE \"AuditEntries\" SET \"DataJson\" = replace(\"DataJson\", '审计：', '改过：') WHERE \"Sequence\" = {target}");
        await AssertBrokenAtAsync(auditor, target, "数据被修改");
        Execute(database, $"UPDATE \"AuditEntries\" SET \"DataJson\" = replace(\"DataJson\", '改过：', '审计：') WHERE \"Sequence\" = {target}");
        await AssertIntactAsync(auditor);

        // A deleted row: the entry after the gap is the first that no longer fits.
        Execute(database, $"CREATE TEMP TABLE kept AS SELECT * FROM \"AuditEntries\" WHERE \"Sequence\" = {target}");
        Execute(database, $"DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = {target}");
        var afterDelete = await AssertBrokenAtAsync(auditor, target + 1, $"第 {target} 条");
        Assert.Contains("缺失", afterDelete);
        Assert.Equal(1, await CliOnExportAsync(auditor));
        Execute(database, "INSERT INTO \"AuditEntries\" SELECT * FROM kept");
        await AssertIntactAsync(auditor);

        // Two rows' sequences swapped.
        Execute(database, $"UPDATE \"AuditEntries\" SET \"Sequence\" = -1 WHERE \"Sequence\" = {target}");
        Execute(database, $"UPDATE \"AuditEntries\" SET \"Sequence\" = {target} WHERE \"Sequence\" = {target + 1}");
        Execute(database, $"UPDATE \"AuditEntries\" SET \"Sequence\" = {target + 1} WHERE \"Sequence\" = -1");
        await AssertBrokenAtAsync(auditor, target, "不衔接");
        Execute(database, $"UPDATE \"AuditEntries\" SET \"Sequence\" = -1 WHERE \"Sequence\" = {target + 1}");
        Execute(database, $"UPDATE \"AuditEntries\" SET \"Sequence\" = {target + 1} WHERE \"Sequence\" = {target}");
        Execute(database, $"UPDATE \"AuditEntries\" SET \"Sequence\" = {target} WHERE \"Sequence\" = -1");
        await AssertIntactAsync(auditor);
    }

    [Fact]
    public async Task Concurrent_changes_chain_one_after_another_without_forking()
    {
        var admin = await factory.SignInAsync("admin");
        var before = (await admin.GetOkAsync("/api/audit"))["total"]!.GetValue<int>();
        var creates = Enumerable.Range(1, 12).Select(i => admin.PostAsync("/api/workflows", new JsonObject
        {
            ["definitionId"] = $"bazhou-concurrent-{i}", ["name"] = $"并发 {i}", ["customProperties"] = new JsonObject { ["locality"] = "bazhou" },
            ["root"] = new JsonObject { ["type"] = "Elsa.Flowchart", ["id"] = "root", ["activities"] = new JsonArray(), ["connections"] = new JsonArray() },
        }));
        foreach (var response in await Task.WhenAll(creates)) response.Expect(HttpStatusCode.Created);

        var page = await admin.GetOkAsync("/api/audit?kind=workflow.create&subject=workflow&pageSize=200");
        Assert.Equal(before + 12, (await admin.GetOkAsync("/api/audit"))["total"]!.GetValue<int>());
        var sequences = page["items"]!.AsArray().Select(e => e!["sequence"]!.GetValue<long>()).ToList();
        Assert.Equal(sequences.Count, sequences.Distinct().Count());
        await AssertIntactAsync(admin);
    }

    private async Task<int> CliOnExportAsync(ApiClient auditor)
    {
        var export = await auditor.GetAsync("/api/audit/export");
        export.Expect(HttpStatusCode.OK);
        var file = Path.Combine(factory.Folder, $"export-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, export.Text);
        return RunCli("audit", "verify", file).Exit;
    }

    /// <summary>The server and the CLI (on the database file) name the same entry with the same message.</summary>
    private async Task<string> AssertBrokenAtAsync(ApiClient auditor, long sequence, string messagePart)
    {
        var verified = await auditor.GetOkAsync("/api/audit/verify");
        Assert.False(verified["intact"]!.GetValue<bool>());
        Assert.Equal(sequence, verified["firstBrokenSequence"]!.GetValue<long>());
        var message = verified["message"]!.GetValue<string>();
        Assert.Contains(messagePart, message);
        if (TestDatabase.IsPostgres) return message; // the CLI reads SQLite files only
        var (exit, output) = RunCli("audit", "verify", "--db", DatabasePath(factory));
        Assert.Equal(1, exit);
        Assert.Contains(message, output);
        return message;
    }

    private async Task AssertIntactAsync(ApiClient client)
    {
        var verified = await client.GetOkAsync("/api/audit/verify");
        Assert.True(verified["intact"]!.GetValue<bool>(), verified.ToJsonString());
        if (!TestDatabase.IsPostgres) Assert.Equal(0, RunCli("audit", "verify", "--db", DatabasePath(factory)).Exit);
    }
}
