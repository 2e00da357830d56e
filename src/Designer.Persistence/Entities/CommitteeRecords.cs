namespace Designer.Persistence.Entities;

/// <summary>A committee meeting: the applications waiting at a committee-vote step of one organisation (and one committee and series).</summary>
public sealed class CommitteeSessionRecord
{
    public string Id { get; set; } = "";
    public string Org { get; set; } = "";
    public string Locality { get; set; } = "";
    public string? DefinitionId { get; set; }
    /// <summary>The committee its candidates' votes name (null for votes that name none), and their one series.</summary>
    public string? CommitteeId { get; set; }
    public string? Series { get; set; }
    /// <summary>How many members were drawn for the session; quorum and the pass threshold follow them.</summary>
    public int? DrawnMembers { get; set; }
    /// <summary>"open" or "closed".</summary>
    public string Status { get; set; } = "open";
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public List<CommitteeCandidateRecord> Candidates { get; set; } = [];
}

public sealed class CommitteeCandidateRecord
{
    public long Id { get; set; }
    public string SessionId { get; set; } = "";
    public string ApplicationId { get; set; } = "";
    public string TaskId { get; set; } = "";
    public string ApplicantName { get; set; } = "";
    public int? For { get; set; }
    public int? Against { get; set; }
    public int? Abstain { get; set; }
    public int? Rank { get; set; }
    public string? Decision { get; set; }
    public string? Reason { get; set; }
}
