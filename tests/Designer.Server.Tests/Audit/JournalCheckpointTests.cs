using System.Net;
using System.Text.Json.Nodes;
using Designer.Server.Tests.Infrastructure;
using static Designer.Server.Tests.Audit.AuditTestKit;

namespace Designer.Server.Tests.Audit;

/// <summary>
/// The journal verifies from a checkpoint (the tail the last verification reached), not the whole trail: an entry
/// edited or deleted after the checkpoint is named by the journal itself; another subject's entry edited before it is
/// named by the full verification, and from then on by every journal; the application's own entries are checked on
/// every request wherever they stand.
/// </summary>
public sealed class JournalCheckpointTests(BazhouFactory factory) : IClassFixture<BazhouFactory>
{
    private const string Workflow = "bazhou-directed-deputy-senior";

    private static JsonObject Teacher(string name) => new()
    {
        ["name"] = name, ["county"] = "和静县", ["unit"] = "和静县第一中学", ["employmentType"] = "public-institution",
        ["workplaceLevel"] = "prefecture", ["series"] = "teacher", ["level"] = "deputy-senior", ["kind"] = "directed",
        ["grassrootsYears"] = 6, ["competentDepartment"] = "education",
    };

    [Fact]
    public async Task An_entry_edited_before_the_checkpoint_is_caught_by_the_full_verification_and_then_shown_in_every_journal()
    {
        var (auditor, applicationId) = await ApplicationWithJournalAsync("检查点甲");
        var other = await CreateWorkflowAsync("before");
        await CreateWorkflowAsync("before-last");
        await AssertFullIntactAsync(auditor); // the checkpoint is now at the tail, past the other subject's entry
        var journal = await auditor.GetOkAsync($"/api/applications/{applicationId}/journal");
        Assert.True(journal["verification"]!["intact"]!.GetValue<bool>(), journal["verification"]!.ToJsonString());
        Assert.Contains("检查点", journal["verification"]!["message"]!.GetValue<string>());

        using var database = OpenDatabase(factory);
        Execute(database, $"UPDATE \"AuditEntries\" SET \"Summary\" = \"Summary\" || '（已改）' WHERE \"Sequence\" = {other}");
        // The journal re-reads only its own entries and the chain after the checkpoint: this edit is not among them.
        Assert.True((await JournalVerificationAsync(auditor, applicationId))["intact"]!.GetValue<bool>());

        var full = await auditor.GetOkAsync("/api/audit/verify");
        Assert.False(full["intact"]!.GetValue<bool>());
        Assert.Equal(other, full["firstBrokenSequence"]!.GetValue<long>());
        Assert.Contains("内容被修改", full["message"]!.GetValue<string>());
        var afterFull = await JournalVerificationAsync(auditor, applicationId);
        Assert.False(afterFull["intact"]!.GetValue<bool>());
        Assert.Equal(other, afterFull["firstBrokenSequence"]!.GetValue<long>());

        Execute(database, $"UPDATE \"AuditEntries\" SET \"Summary\" = replace(\"Summary\", '（已改）', '') WHERE \"Sequence\" = {other}");
        await AssertFullIntactAsync(auditor);
        Assert.True((await JournalVerificationAsync(auditor, applicationId))["intact"]!.GetValue<bool>());

        // The application's own entry before the checkpoint is checked by every journal request.
        var submitted = (await auditor.GetOkAsync($"/api/applications/{applicationId}/journal"))["entries"]!.AsArray()[0]!["sequence"]!.GetValue<long>();
        Execute(database, $"UPDATE \"AuditEntries\" SET \"DataJson\" = replace(\"DataJson\", '\"status\"', '\"statu5\"') WHERE \"Sequence\" = {submitted}");
        var own = await JournalVerificationAsync(auditor, applicationId);
        Assert.False(own["intact"]!.GetValue<bool>());
        Assert.Equal(submitted, own["firstBrokenSequence"]!.GetValue<long>());
        Assert.Contains("数据被修改", own["message"]!.GetValue<string>());
        Execute(database, $"UPDATE \"AuditEntries\" SET \"DataJson\" = replace(\"DataJson\", '\"statu5\"', '\"status\"') WHERE \"Sequence\" = {submitted}");
        await AssertFullIntactAsync(auditor);
    }

    [Fact]
    public async Task An_entry_edited_or_deleted_after_the_checkpoint_is_caught_by_the_journal_itself()
    {
        var (auditor, applicationId) = await ApplicationWithJournalAsync("检查点乙");
        await AssertFullIntactAsync(auditor);
        var edited = await CreateWorkflowAsync("after-edit");
        await CreateWorkflowAsync("after-last");

        using var database = OpenDatabase(factory);
        Execute(database, $"UPDATE \"AuditEntries\" SET \"Summary\" = \"Summary\" || '（已改）' WHERE \"Sequence\" = {edited}");
        var journal = await auditor.GetOkAsync($"/api/applications/{applicationId}/journal");
        Assert.False(journal["verification"]!["intact"]!.GetValue<bool>());
        Assert.Equal(edited, journal["verification"]!["firstBrokenSequence"]!.GetValue<long>());
        Assert.Contains("内容被修改", journal["verification"]!["message"]!.GetValue<string>());
        Execute(database, $"UPDATE \"AuditEntries\" SET \"Summary\" = replace(\"Summary\", '（已改）', '') WHERE \"Sequence\" = {edited}");
        // A break once found stays reported until a full verification finds the chain intact again.
        Assert.False((await JournalVerificationAsync(auditor, applicationId))["intact"]!.GetValue<bool>());
        await AssertFullIntactAsync(auditor);
        Assert.True((await JournalVerificationAsync(auditor, applicationId))["intact"]!.GetValue<bool>());

        // The checkpoint moved to the tail with that journal: a deletion needs entries after it to show.
        await CreateWorkflowAsync("after-checkpoint-moved");
        var gap = await CreateWorkflowAsync("after-gap");
        await CreateWorkflowAsync("after-gap-last");
        Execute(database, $"CREATE TEMP TABLE kept_journal AS SELECT * FROM \"AuditEntries\" WHERE \"Sequence\" = {gap}");
        Execute(database, $"DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = {gap}");
        var afterDelete = await JournalVerificationAsync(auditor, applicationId);
        Assert.False(afterDelete["intact"]!.GetValue<bool>());
        Assert.Equal(gap + 1, afterDelete["firstBrokenSequence"]!.GetValue<long>());
        Assert.Contains("缺失", afterDelete["message"]!.GetValue<string>());
        Execute(database, "INSERT INTO \"AuditEntries\" SELECT * FROM kept_journal");
        await AssertFullIntactAsync(auditor);
    }

    private async Task<(ApiClient Auditor, string ApplicationId)> ApplicationWithJournalAsync(string name)
    {
        var applicant = await factory.CreateApplicantAsync("bazhou");
        var applicationId = await new ApplicationDriver(factory).SubmitAsync(applicant, Workflow, Teacher(name));
        return (await factory.SignInAsync("auditor"), applicationId);
    }

    /// <summary>A new workflow: one audit entry of another subject than the application's; answers its sequence.</summary>
    private async Task<long> CreateWorkflowAsync(string suffix)
    {
        var admin = await factory.SignInAsync("admin");
        var id = $"bazhou-journal-{suffix}-{Guid.NewGuid().ToString("N")[..8]}";
        (await admin.PostAsync("/api/workflows", new JsonObject
        {
            ["definitionId"] = id, ["name"] = $"检查点 {suffix}", ["customProperties"] = new JsonObject { ["locality"] = "bazhou" },
            ["root"] = new JsonObject { ["type"] = "Elsa.Flowchart", ["id"] = "root", ["activities"] = new JsonArray(), ["connections"] = new JsonArray() },
        })).Expect(HttpStatusCode.Created);
        var entries = (await admin.GetOkAsync($"/api/audit?kind=workflow.create&subject=workflow/{id}"))["items"]!.AsArray();
        return entries.Single()!["sequence"]!.GetValue<long>();
    }

    private static async Task<JsonNode> JournalVerificationAsync(ApiClient auditor, string applicationId) =>
        (await auditor.GetOkAsync($"/api/applications/{applicationId}/journal"))["verification"]!;

    private static async Task AssertFullIntactAsync(ApiClient auditor)
    {
        var verified = await auditor.GetOkAsync("/api/audit/verify");
        Assert.True(verified["intact"]!.GetValue<bool>(), verified.ToJsonString());
    }
}
