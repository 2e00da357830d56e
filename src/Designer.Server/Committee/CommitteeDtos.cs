using Designer.Persistence.Entities;

namespace Designer.Server.Committee;

/// <summary>A committee session in the list, with how many candidates it holds.</summary>
public sealed record CommitteeSessionSummary(string Id, string Org, string Locality, string Status, DateTime CreatedAt, DateTime? ClosedAt, int Candidates)
{
    public string? CommitteeId { get; init; }
    /// <summary>The committee's registered name, shown instead of its id.</summary>
    public string? CommitteeName { get; init; }
    public string? Series { get; init; }
}

/// <summary>A committee session with its candidates in rank order.</summary>
public sealed record CommitteeSessionDetail(
    string Id, string Org, string Locality, string? DefinitionId, string Status, string CreatedBy, DateTime CreatedAt, DateTime? ClosedAt,
    IReadOnlyList<CommitteeCandidate> Candidates)
{
    /// <summary>The committee the votes name, the one series of the candidates, and how many members were drawn (null before the draw).</summary>
    public string? CommitteeId { get; init; }
    public string? CommitteeName { get; init; }
    public string? Series { get; init; }
    public int? DrawnMembers { get; init; }
}

/// <summary>One application before the committee: the votes recorded, the rank and the decision once closed.</summary>
public sealed record CommitteeCandidate(
    string ApplicationId, string ApplicantName, string TaskId, int? For, int? Against, int? Abstain, bool Voted, int? Rank, string? Decision, string? Reason);

public static class CommitteeDtos
{
    public static CommitteeSessionSummary Summary(CommitteeSessionRecord s, IReadOnlyDictionary<string, string> committeeNames) =>
        new(s.Id, s.Org, s.Locality, s.Status, s.CreatedAt, s.ClosedAt, s.Candidates.Count)
        {
            CommitteeId = s.CommitteeId, CommitteeName = NameOf(s.CommitteeId, committeeNames), Series = s.Series,
        };

    public static CommitteeSessionDetail Session(CommitteeSessionRecord s, IReadOnlyDictionary<string, string> committeeNames) =>
        Session(s) with { CommitteeName = NameOf(s.CommitteeId, committeeNames) };

    private static string? NameOf(string? committeeId, IReadOnlyDictionary<string, string> names) =>
        committeeId is not null && names.TryGetValue(committeeId, out var name) ? name : null;

    public static CommitteeSessionDetail Session(CommitteeSessionRecord s) => new(
        s.Id, s.Org, s.Locality, s.DefinitionId, s.Status, s.CreatedBy, s.CreatedAt, s.ClosedAt,
        s.Candidates.OrderBy(c => c.Rank ?? int.MaxValue).ThenBy(c => c.Id).Select(c => new CommitteeCandidate(
            c.ApplicationId, c.ApplicantName, c.TaskId, c.For, c.Against, c.Abstain, c.For is not null, c.Rank, c.Decision, c.Reason)).ToList())
    {
        CommitteeId = s.CommitteeId, Series = s.Series, DrawnMembers = s.DrawnMembers,
    };
}
