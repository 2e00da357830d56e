namespace Designer.Engine.Domain;

/// <summary>
/// When a committee's vote counts and passes: enough members present (a count, and/or a share of the committee's
/// members), and votes for reaching the pass share of those present, compared exactly (2/3 以上 includes 2/3).
/// The one rule the vote step and a committee session both apply.
/// </summary>
public sealed record VoteRule(int QuorumCount, Fraction QuorumShare, int Members, Fraction PassShare)
{
    /// <summary>The fewest members who must be present: the count, or the share of the committee when larger.</summary>
    public int RequiredPresent(int members) =>
        Math.Max(QuorumCount, QuorumShare.IsZero || members <= 0 ? 0 : (int)QuorumShare.Of(members, ShareRounding.Up));

    /// <summary>Why the vote does not pass; empty when it passes. `members` from the session overrides the step's.</summary>
    public IReadOnlyList<string> Objections(int votesFor, int present, int? members = null)
    {
        var committee = members is > 0 ? members.Value : Members;
        var reasons = new List<string>();
        if (present == 0) { reasons.Add("没有表决票"); return reasons; }
        var required = RequiredPresent(committee);
        if (present < required)
            reasons.Add(QuorumShare.IsZero || committee <= 0
                ? $"到会评委 {present} 人，不足法定人数 {required} 人"
                : $"到会评委 {present} 人，不足评委会 {committee} 名委员的{QuorumShare.Describe()}（{required} 人）");
        if (!PassShare.IsReachedBy(votesFor, present))
            reasons.Add($"赞成 {votesFor} 票，未达到到会评委 {present} 人的{PassShare.Describe()}");
        return reasons;
    }

    public bool Passes(int votesFor, int present, int? members = null) => Objections(votesFor, present, members).Count == 0;
}
