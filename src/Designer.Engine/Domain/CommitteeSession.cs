namespace Designer.Engine.Domain;

/// <summary>Rules a committee applies to a whole session: bottom elimination (Kashgar) and a pass-rate cap (2021 city).</summary>
public sealed record SessionPolicy(double BottomEliminationRatio, double PassRateCap, string RankBy);

public static class SessionDecision
{
    public const string Passed = "passed";
    public const string FailedVote = "failed-vote";
    public const string Eliminated = "eliminated";
    public const string Capped = "capped";
}

/// <summary>One applicant before the committee: the ranking score and the vote tally.</summary>
public sealed record SessionCandidate(string ApplicationId, double Score, int VotesFor, int Present, bool PassedVote);

public sealed record SessionResult(string ApplicationId, int Rank, string Decision, string Reason);

/// <summary>
/// Ranks a committee session's candidates and decides each: those who failed the vote fail; of the rest, the
/// weakest share is eliminated (末位淘汰), then passes are capped at the session's pass rate (通过率上限).
/// Ranking: score, then share of votes for, then application id (stable, so a session always decides the same way).
/// </summary>
public static class CommitteeSession
{
    public static IReadOnlyList<SessionResult> Decide(IReadOnlyList<SessionCandidate> candidates, SessionPolicy policy)
    {
        var ranked = candidates
            .OrderByDescending(c => c.PassedVote)
            .ThenByDescending(c => c.Score)
            .ThenByDescending(c => c.Present == 0 ? 0 : (double)c.VotesFor / c.Present)
            .ThenBy(c => c.ApplicationId, StringComparer.Ordinal)
            .ToList();
        var total = candidates.Count;
        var eliminated = (int)Math.Floor(total * Math.Clamp(policy.BottomEliminationRatio, 0, 1) + 1e-9);
        var cap = policy.PassRateCap > 0 ? (int)Math.Floor(total * Math.Clamp(policy.PassRateCap, 0, 1) + 1e-9) : total;
        var maxPassing = Math.Min(total - eliminated, cap);

        var results = new List<SessionResult>();
        var passing = 0;
        for (var i = 0; i < ranked.Count; i++)
        {
            var candidate = ranked[i];
            var rank = i + 1;
            if (!candidate.PassedVote)
                results.Add(new(candidate.ApplicationId, rank, SessionDecision.FailedVote, "表决未通过"));
            else if (rank > total - eliminated)
                results.Add(new(candidate.ApplicationId, rank, SessionDecision.Eliminated, $"末位淘汰：排名第 {rank}/{total}，淘汰末位 {eliminated} 人"));
            else if (passing >= maxPassing)
                results.Add(new(candidate.ApplicationId, rank, SessionDecision.Capped, $"超过通过率上限 {policy.PassRateCap:P0}（至多 {cap} 人通过）"));
            else
            {
                passing++;
                results.Add(new(candidate.ApplicationId, rank, SessionDecision.Passed, "通过"));
            }
        }
        return results;
    }
}
