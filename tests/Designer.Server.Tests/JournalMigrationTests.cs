#if !POSTGRES
using System.Text.Json.Nodes;
using Designer.Engine.Runtime;
using Designer.Persistence;
using Designer.Persistence.Entities;
using Designer.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Designer.Server.Tests;

/// <summary>
/// The SQLite migration JournalEntriesByRow moves each stored journal out of the application's state into rows and
/// gives the state the index the engine reads (issue 14, state by parts); Down puts it back.
/// </summary>
public sealed class JournalMigrationTests
{
    private const string Before = "20261201230156_EducationRegistrarsAndUnitAutonomy";

    private static readonly JournalEntry[] Path =
    [
        new() { Stage = "apply", ActivityId = "apply", Action = "submit", Date = "2024-03-01", Actor = "申报人甲", Data = new JsonObject { ["name"] = "甲" } },
        new() { Stage = "competent-review", ActivityId = "review", Action = "reject", Date = "2024-03-04", Comment = "材料不全" },
        new() { Stage = "apply", ActivityId = "apply", Action = "submit", Date = "2024-03-06" },
        new() { Stage = "competent-review", ActivityId = "review", Action = "approve", Date = "2024-03-08" },
        new() { Stage = "scoring", ActivityId = "scoring", Action = "approve", Date = "2024-03-11" },
    ];

    [Fact]
    public async Task Existing_journals_become_rows_and_each_state_gets_its_index()
    {
        var folder = Directory.CreateDirectory(Folders.New()).FullName;
        var options = new DbContextOptionsBuilder<DesignerDbContext>().UseSqlite($"Data Source={System.IO.Path.Combine(folder, "m.db")};Pooling=False").Options;
        await using (var db = new DesignerDbContext(options))
        {
            await db.GetService<IMigrator>().MigrateAsync(Before);
            var legacy = JsonNode.Parse(new WorkflowInstanceState { InstanceId = "a1", Journal = [.. Path] }.ToJson())!.AsObject();
            legacy.Remove("journalIndex");
            db.Applications.Add(Application("a1", legacy.ToJsonString()));
            db.Applications.Add(Application("draft", null));
            await db.SaveChangesAsync();
        }

        await using (var db = new DesignerDbContext(options))
        {
            await db.Database.MigrateAsync();
            var rows = await db.JournalEntries.AsNoTracking().Where(j => j.ApplicationId == "a1").OrderBy(j => j.Sequence).ToListAsync();
            Assert.Equal([0, 1, 2, 3, 4], rows.Select(r => r.Sequence));
            Assert.Equal(Path.Select(e => (e.Stage, e.Action, e.Date)), rows.Select(r => (r.Stage, r.Action, r.Date)));
            Assert.Equal("材料不全", JsonNode.Parse(rows[1].Json)!["comment"]!.GetValue<string>());
            Assert.Equal("甲", JsonNode.Parse(rows[0].Json)!["data"]!["name"]!.GetValue<string>());

            var stored = (await db.Applications.AsNoTracking().SingleAsync(a => a.Id == "a1")).StateJson!;
            Assert.Equal(0, JsonNode.Parse(stored)!["journal"]!.AsArray().Count);
            var state = WorkflowInstanceState.FromJson(stored);
            Assert.Equal(5, state.JournalIndex.Stored);
            Assert.Equal(new Dictionary<string, string> { ["apply"] = "2024-03-06", ["competent-review"] = "2024-03-08", ["scoring"] = "2024-03-11" },
                state.JournalIndex.LastDateByStage);
            Assert.Equal("scoring", state.JournalIndex.LastStage);
            Assert.Equal("competent-review", state.JournalIndex.LastRejectedStage);
            Assert.Null((await db.Applications.AsNoTracking().SingleAsync(a => a.Id == "draft")).StateJson);

            await db.GetService<IMigrator>().MigrateAsync(Before);
        }

        await using (var db = new DesignerDbContext(options))
        {
            var restored = WorkflowInstanceState.FromJson((await db.Applications.AsNoTracking().SingleAsync(a => a.Id == "a1")).StateJson!);
            Assert.Equal(Path.Select(e => (e.Stage, e.Action)), restored.Journal.Select(e => (e.Stage, e.Action)));
        }
    }

    private static ApplicationRecord Application(string id, string? stateJson) => new()
    {
        Id = id, ApplicantUserId = "u", ApplicantName = "甲", Locality = "l", DefinitionId = "d", DefinitionVersion = 1, WorkflowName = "w",
        Status = stateJson is null ? "Draft" : "Waiting", StateJson = stateJson, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
    };
}
#endif
