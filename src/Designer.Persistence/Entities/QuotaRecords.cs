namespace Designer.Persistence.Entities;

/// <summary>How many posts of a kind (directed / general) at a level a unit may recommend for.</summary>
public sealed class QuotaRecord
{
    public long Id { get; set; }
    public string Unit { get; set; } = "";
    public string PostKind { get; set; } = "";
    public string Level { get; set; } = "";
    public int Posts { get; set; }
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
