namespace Designer.Persistence.Entities;

/// <summary>
/// An in-app notification for one user (the bell in the Studio header): a new task, an application returned for
/// correction, a decision, a publicity that is about to end.
/// </summary>
public sealed class NotificationRecord
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    /// <summary>task, returned, decided, publicity.</summary>
    public string Kind { get; set; } = "";
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public string? ApplicationId { get; set; }
    public string? TaskId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
}
