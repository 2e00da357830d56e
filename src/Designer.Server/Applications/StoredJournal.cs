using Designer.Engine.Model;
using Designer.Engine.Runtime;
using Designer.Persistence;
using Designer.Persistence.Entities;

namespace Designer.Server.Applications;

/// <summary>
/// An application's journal, stored by rows: each change appends the entries its resume recorded (numbered on from
/// the state's JournalIndex.Stored) and the state written whole keeps only the index, so an action's write no longer
/// grows with the application's path. A state saved before the rows existed still holds its journal: it reads as
/// such, and its next write moves it into rows.
/// </summary>
public static class StoredJournal
{
    /// <summary>The whole journal: the stored rows, then the entries the state holds that are not stored yet.</summary>
    public static async Task<List<JournalEntry>> ReadAsync(DesignerDbContext db, string applicationId, WorkflowInstanceState state)
    {
        var entries = new List<JournalEntry>(state.JournalIndex.Stored + state.Journal.Count);
        if (state.JournalIndex.Stored > 0)
            await foreach (var json in ActionQueries.JournalJson(db, applicationId, state.JournalIndex.Stored))
                entries.Add(JsonText.Deserialize<JournalEntry>(json) ?? new JournalEntry());
        entries.AddRange(state.Journal);
        return entries;
    }

    /// <summary>Adds the state's new entries as rows to the context's save, and takes them out of the state.</summary>
    public static void AppendNew(DesignerDbContext db, string applicationId, WorkflowInstanceState state)
    {
        var sequence = state.JournalIndex.Stored;
        foreach (var entry in state.TakeNewJournalEntries())
            db.JournalEntries.Add(new JournalEntryRecord
            {
                ApplicationId = applicationId, Sequence = sequence++, Stage = entry.Stage, Action = entry.Action, Date = entry.Date,
                Json = JsonText.Serialize(entry, indented: false),
            });
    }
}
