namespace Designer.Persistence.Entities;

/// <summary>
/// One step of an application's journal (the engine's JournalEntry as JSON), appended by the action that recorded it
/// and never rewritten: the instance state written whole per action keeps only the journal's index
/// (WorkflowInstanceState.JournalIndex), so its size no longer grows with the path. Sequence counts from 0 per
/// application; the key (ApplicationId, Sequence) refuses a second writer of the same step.
/// </summary>
public sealed class JournalEntryRecord
{
    public string ApplicationId { get; set; } = "";
    public int Sequence { get; set; }
    public string Stage { get; set; } = "";
    public string Action { get; set; } = "";
    /// <summary>The step's date, yyyy-MM-dd on the engine's clock.</summary>
    public string Date { get; set; } = "";
    public string Json { get; set; } = "{}";
}
