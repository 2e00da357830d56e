using System.Net;
using System.Text.Json.Nodes;
using Designer.Engine.Runtime;
using Designer.Persistence;
using Designer.Server.Tests.Hardening;
using Designer.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.Server.Tests;

/// <summary>
/// Issue 14, state by parts: an application's journal is stored as rows appended per action, its state keeps only the
/// journal's index, and everything that shows the journal (the application's timeline, the task page, a replay case)
/// reads it whole. A state saved with its journal inside (before the rows) reads the same and moves on its next write.
/// </summary>
public sealed class JournalRowsTests(BazhouFactory factory) : IClassFixture<BazhouFactory>
{
    private async Task<(string Id, string Applicant)> AtStageAsync(string name, string unit, string stopAt)
    {
        var driver = new ApplicationDriver(factory);
        var applicant = await factory.CreateApplicantAsync("bazhou");
        var id = await driver.SubmitAsync(applicant, "bazhou-directed-deputy-senior", TaskRoleTests.Teacher(name, unit));
        await driver.RunAsync(id, applicant, stopAt: stopAt);
        return (id, applicant);
    }

    private async Task<(string StateJson, List<(int Sequence, string Stage, string Action)> Rows)> StoredAsync(string id)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DesignerDbContext>();
        var state = await db.Applications.AsNoTracking().Where(a => a.Id == id).Select(a => a.StateJson).SingleAsync();
        var rows = await db.JournalEntries.AsNoTracking().Where(j => j.ApplicationId == id).OrderBy(j => j.Sequence).ToListAsync();
        return (state!, rows.Select(r => (r.Sequence, r.Stage, r.Action)).ToList());
    }

    private static List<string> TimelineStages(JsonNode detail) =>
        detail["timeline"]!.AsArray().Select(e => e!["stage"]!.GetValue<string>()).ToList();

    [Fact]
    public async Task Each_action_appends_its_steps_as_rows_and_the_state_keeps_only_their_index()
    {
        var (id, _) = await AtStageAsync("史分存", "和静县第八中学", stopAt: "unit-publicity");
        var (stateJson, rows) = await StoredAsync(id);
        var state = WorkflowInstanceState.FromJson(stateJson);

        Assert.True(rows.Count >= 3, $"only {rows.Count} journal rows");
        Assert.Equal(Enumerable.Range(0, rows.Count), rows.Select(r => r.Sequence));
        Assert.Empty(state.Journal);
        Assert.Equal(rows.Count, state.JournalIndex.Stored);
        Assert.Equal(rows[^1].Stage, state.JournalIndex.LastStage);
        Assert.DoesNotContain("\"activityName\"", stateJson);

        var admin = await new ApplicationDriver(factory).As("admin");
        var detail = await admin.GetOkAsync($"/api/applications/{id}");
        Assert.Equal(rows.Select(r => r.Stage), TimelineStages(detail));
        Assert.Equal("apply", TimelineStages(detail)[0]);
        var replay = await admin.PostAsync("/api/replay", new JsonObject { ["applicationId"] = id, ["toVersion"] = detail["definitionVersion"]!.DeepClone() });
        // The replay case made from the application answers each stage it passed, read from the rows.
        var answers = replay.Expect(HttpStatusCode.OK)["case"]!["answers"]!.AsObject();
        Assert.Equal(rows.Select(r => r.Stage).Where(s => s != "apply").Distinct(), answers.Select(a => a.Key));
    }

    [Fact]
    public async Task A_state_saved_with_its_journal_inside_reads_the_same_and_moves_to_rows_on_its_next_action()
    {
        var (id, applicant) = await AtStageAsync("史旧存", "和静县第九中学", stopAt: "competent-review");
        var (stateJson, rows) = await StoredAsync(id);
        var admin = await new ApplicationDriver(factory).As("admin");
        var before = TimelineStages(await admin.GetOkAsync($"/api/applications/{id}"));

        // As a server before the rows wrote it: the whole journal inside the state, no index, no rows.
        var journal = new JsonArray();
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DesignerDbContext>();
            foreach (var row in await db.JournalEntries.Where(j => j.ApplicationId == id).OrderBy(j => j.Sequence).ToListAsync())
            {
                journal.Add(JsonNode.Parse(row.Json));
                db.JournalEntries.Remove(row);
            }
            var application = await db.Applications.SingleAsync(a => a.Id == id);
            var legacy = JsonNode.Parse(stateJson)!.AsObject();
            legacy.Remove("journalIndex");
            legacy["journal"] = journal;
            application.StateJson = legacy.ToJsonString();
            await db.SaveChangesAsync();
        }
        Assert.Equal(before, TimelineStages(await admin.GetOkAsync($"/api/applications/{id}")));

        await new ApplicationDriver(factory).RunAsync(id, applicant, stopAt: "unit-publicity");
        var (after, afterRows) = await StoredAsync(id);
        var state = WorkflowInstanceState.FromJson(after);
        Assert.Empty(state.Journal);
        Assert.Equal(afterRows.Count, state.JournalIndex.Stored);
        Assert.Equal(Enumerable.Range(0, afterRows.Count), afterRows.Select(r => r.Sequence));
        Assert.Equal(rows.Select(r => r.Stage), afterRows.Take(rows.Count).Select(r => r.Stage));
        Assert.Equal(afterRows.Select(r => r.Stage), TimelineStages(await admin.GetOkAsync($"/api/applications/{id}")));
    }
}
