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
