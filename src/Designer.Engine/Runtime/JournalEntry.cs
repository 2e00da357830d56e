using System.Text.Json.Nodes;

namespace Designer.Engine.Runtime;

public sealed record Assignee(string Org, string Role, string? ResolvedOrg = null);

/// <summary>One step of an application's path: the stage reached, who it was assigned to, what was done, when.</summary>
public sealed class JournalEntry
{
    public string Stage { get; set; } = "";
    public string ActivityId { get; set; } = "";
    public string? ActivityName { get; set; }
    public Assignee Assignee { get; set; } = new("system", "system");
    public string Action { get; set; } = "";
    public string Date { get; set; } = "";
    public string? Actor { get; set; }
    public string? Comment { get; set; }
    public JsonNode? Data { get; set; }
    public List<string>? Reasons { get; set; }
}

public sealed record Notification(string To, string Message, string Date, string ActivityId);

/// <summary>
/// The little the engine reads of the whole journal, so a host can store the entries apart and resume without them:
/// how many entries are stored apart (before Journal[0]), the date of the latest step at each stage (a deadline counted
/// from an earlier stage), the latest stage and the latest stage that failed or rejected the application.
/// </summary>
public sealed class JournalIndex
{
    public int Stored { get; set; }
    public Dictionary<string, string> LastDateByStage { get; set; } = new();
    public string? LastStage { get; set; }
    public string? LastRejectedStage { get; set; }

    public void Add(JournalEntry entry)
    {
        LastDateByStage[entry.Stage] = entry.Date;
        LastStage = entry.Stage;
        if (entry.Action is "fail" or "reject") LastRejectedStage = entry.Stage;
    }

    /// <summary>The index of a state written before the index existed (its whole journal still inside).</summary>
    public static JournalIndex Of(IEnumerable<JournalEntry> journal)
    {
        var index = new JournalIndex();
        foreach (var entry in journal) index.Add(entry);
        return index;
    }
}
