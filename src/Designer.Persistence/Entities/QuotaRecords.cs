namespace Designer.Persistence.Entities;

/// <summary>How many posts of a kind (directed / general) at a level a unit may recommend for.</summary>
public sealed class QuotaRecord
{
    public long Id { get; set; }
    public string Unit { get; set; } = "";
    public string PostKind { get; set; } = "";
    public string Level { get; set; } = "";
    public int Posts { get; set; }
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
