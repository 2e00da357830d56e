namespace Designer.Engine.Domain;

/// <summary>Rules a committee applies to a whole session: bottom elimination (Kashgar) and a pass-rate cap (2021 city).</summary>
public sealed record SessionPolicy(Fraction BottomEliminationRatio, Fraction PassRateCap, string RankBy)
{
    /// <summary>How the elimination share becomes a number of people; the document decides (up: a session under ten still eliminates one).</summary>
    public ShareRounding EliminationRounding { get; init; } = ShareRounding.Up;
}

public static class SessionDecision
{
    public const string Passed = "passed";
    public const string FailedVote = "failed-vote";
    public const string Eliminated = "eliminated";
    public const string Capped = "capped";
}

/// <summary>What a session ranked by: the workflow's score variable, or the share of votes for when there is no score.</summary>
public static class RankBasis
{
    public const string Score = "score";
    public const string VoteShare = "vote-share";

    public static string Label(string basis) => basis == Score ? "按量化赋分" : "按赞成票比例";
}

/// <summary>One applicant before the committee: the ranking score (null when the workflow has none), the vote, the series.</summary>
public sealed record SessionCandidate(string ApplicationId, double? Score, int VotesFor, int Present, bool PassedVote)
{
    /// <summary>Candidates of different series are never ranked together (不得跨系列): each series is its own session.</summary>
    public string Series { get; init; } = "";
}

public sealed record SessionResult(string ApplicationId, int Rank, string Decision, string Reason)
{
    public string Basis { get; init; } = RankBasis.Score;
    public string Series { get; init; } = "";
}

/// <summary>
/// Ranks a committee session's candidates, per series, and decides each: those who failed the vote fail and take no
/// place; the elimination share is counted on the whole series group and removes the weakest of those who passed the
/// vote (末位淘汰); then passes are capped at the pass rate of the group (通过率上限, rounded down).
/// Ranking: the score when every candidate has one, else the share of votes for; then application id (stable).
/// </summary>
public static class CommitteeSession
{
    public static IReadOnlyList<SessionResult> Decide(IReadOnlyList<SessionCandidate> candidates, SessionPolicy policy) =>
        candidates.GroupBy(c => c.Series).SelectMany(group => DecideSeries(group.ToList(), policy)).ToList();

    private static IEnumerable<SessionResult> DecideSeries(List<SessionCandidate> candidates, SessionPolicy policy)
    {
        var basis = candidates.All(c => c.Score is not null) ? RankBasis.Score : RankBasis.VoteShare;
        var ranked = candidates
            .OrderByDescending(c => c.PassedVote)
            .ThenByDescending(c => basis == RankBasis.Score ? c.Score!.Value : VoteShare(c))
            .ThenByDescending(VoteShare)
            .ThenBy(c => c.ApplicationId, StringComparer.Ordinal)
            .ToList();
        var total = candidates.Count;
        var passedVote = candidates.Count(c => c.PassedVote);
        var eliminated = (int)Math.Min(passedVote, policy.BottomEliminationRatio.Of(total, policy.EliminationRounding));
        var cap = policy.PassRateCap.IsZero ? total : (int)policy.PassRateCap.Of(total, ShareRounding.Down);
        var label = RankBasis.Label(basis);

        var passing = 0;
        for (var i = 0; i < ranked.Count; i++)
        {
            var candidate = ranked[i];
            var rank = i + 1;
            var (decision, reason) =
                !candidate.PassedVote ? (SessionDecision.FailedVote, "表决未通过")
                : rank > passedVote - eliminated ? (SessionDecision.Eliminated, $"末位淘汰：{label}排名第 {rank}/{total}，淘汰表决通过者中的末位 {eliminated} 人")
                : passing >= cap ? (SessionDecision.Capped, $"超过通过率上限 {policy.PassRateCap.Describe()}（{total} 人中至多 {cap} 人通过，{label}排名第 {rank}）")
                : (SessionDecision.Passed, "通过");
            if (decision == SessionDecision.Passed) passing++;
            yield return new SessionResult(candidate.ApplicationId, rank, decision, reason) { Basis = basis, Series = candidate.Series };
        }
    }

    private static double VoteShare(SessionCandidate c) => c.Present == 0 ? 0 : (double)c.VotesFor / c.Present;
}
