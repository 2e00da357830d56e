using System.Text.Json.Nodes;

namespace Designer.Engine.Runtime;

public static class BookmarkKinds
{
    /// <summary>A person must act (a task in an inbox).</summary>
    public const string Task = "task";
    /// <summary>Fires by itself at DueAt (delay, deadline, end of publicity).</summary>
    public const string Timer = "timer";
    /// <summary>A public notice open to objections until its timer fires.</summary>
    public const string Publicity = "publicity";
}

/// <summary>
/// A point where an instance waits. Task bookmarks carry the assignment (stage, org, role, actions, form) in Payload.
/// </summary>
public sealed class Bookmark
{
    public string Id { get; set; } = "";
    public string ActivityId { get; set; } = "";
    public string Kind { get; set; } = BookmarkKinds.Task;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DueAt { get; set; }
    public JsonObject Payload { get; set; } = [];

    public string? Stage => Payload["stage"]?.GetValue<string>();
    public string? Org => Payload["org"]?.GetValue<string>();
    public string? Role => Payload["role"]?.GetValue<string>();
    public IReadOnlyList<string> Actions => (Payload["actions"] as JsonArray)?.Select(a => a!.GetValue<string>()).ToList() ?? [];
    public string? Form => Payload["form"]?.GetValue<string>();
}

/// <summary>What a person (or the host, for timers) resumes a bookmark with.</summary>
public sealed record ResumeInput(string? Action = null, JsonNode? Data = null, string? Actor = null, string? Comment = null)
{
    public static readonly ResumeInput TimerFired = new(Action: "timer");
}
