namespace Designer.Persistence.Entities;

/// <summary>
/// How many posts of a kind (directed / general) at a level a unit may recommend for: set by the county's HR bureau
/// (确定岗位设置比例及使用数量), then filed with the prefecture's (报…备案) before evaluation. A changed number must be
/// filed again.
/// </summary>
public sealed class QuotaRecord
{
    public long Id { get; set; }
    public string Unit { get; set; } = "";
    public string PostKind { get; set; } = "";
    public string Level { get; set; } = "";
    public int Posts { get; set; }
    /// <summary>The locality (prefecture) whose applications take these posts.</summary>
    public string Locality { get; set; } = "";
    /// <summary>"set" (decided, not yet filed) or "filed" (备案); see QuotaStatuses.</summary>
    public string Status { get; set; } = QuotaStatuses.Filed;
    public string? SetBy { get; set; }
    public string? SetOn { get; set; }
    public string? FiledBy { get; set; }
    public string? FiledOn { get; set; }
    public string? FilingNumber { get; set; }
    /// <summary>
    /// Bumped by every reservation and release: two units of work that take this unit's posts at once (two nodes, or
    /// PostgreSQL's concurrent writers) cannot both save, so the last post is never taken twice.
    /// </summary>
    public long Revision { get; set; }
}

/// <summary>One post taken by one application.</summary>
public sealed class QuotaReservationRecord
{
    public long Id { get; set; }
    public string Unit { get; set; } = "";
    public string PostKind { get; set; } = "";
    public string Level { get; set; } = "";
    public string InstanceId { get; set; } = "";
}

public static class QuotaStatuses
{
    public const string Set = "set";
    public const string Filed = "filed";
}
