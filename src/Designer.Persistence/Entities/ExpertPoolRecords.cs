namespace Designer.Persistence.Entities;

/// <summary>An expert of the pool (评审专家库): a person with series, specialty, unit (employer), locality and listed conflicts.</summary>
public sealed class ExpertRecord
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Locality { get; set; } = "";
    public string Series { get; set; } = "";
    public string Specialty { get; set; } = "";
    public string Unit { get; set; } = "";
    public bool Active { get; set; } = true;
    /// <summary>JSON array of people's names or unit ids the expert must recuse from.</summary>
    public string ConflictsJson { get; set; } = "[]";
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}

/// <summary>An evaluation committee (评审委员会) of one series, its levels, organiser office, members from the pool and its filing.</summary>
public sealed class CommitteeRecord
{
    public string Id { get; set; } = "";
    public string Locality { get; set; } = "";
    public string Name { get; set; } = "";
    public string SeriesJson { get; set; } = "[]";
    public string LevelsJson { get; set; } = "[]";
    public string Organiser { get; set; } = "";
    public string ExpertsJson { get; set; } = "[]";
    /// <summary>"draft", "approved" or "filed"; only a filed committee evaluates.</summary>
    public string Status { get; set; } = "draft";
    public string? ApprovedBy { get; set; }
    public string? ApprovedOn { get; set; }
    public string? FilingNumber { get; set; }
    /// <summary>The evaluation standards (谁评审、谁定标准), their title and the day they were published (yyyy-MM-dd).</summary>
    public string? StandardsTitle { get; set; }
    public string? StandardsPublishedOn { get; set; }
    /// <summary>Why the committee was suspended (责令整改) or its right withdrawn, and the day rectification is due.</summary>
    public string? GovernanceReason { get; set; }
    public string? RectifyBy { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}

/// <summary>The draw of a session's members: the seed, the pool and candidates as they were (to replay it), the drawn and the recused.</summary>
public sealed class CommitteeDrawRecord
{
    public string SessionId { get; set; } = "";
    public string CommitteeId { get; set; } = "";
    public string Seed { get; set; } = "";
    public int Count { get; set; }
    public string PoolJson { get; set; } = "[]";
    public string CandidatesJson { get; set; } = "[]";
    public string DrawnJson { get; set; } = "[]";
    public string RecusalsJson { get; set; } = "[]";
    public string DrawnBy { get; set; } = "";
    public DateTime DrawnAt { get; set; }
}
