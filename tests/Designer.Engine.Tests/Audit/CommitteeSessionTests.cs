using Designer.Engine.Domain;

namespace Designer.Engine.Tests.Audit;

/// <summary>Kashgar's bottom elimination and the 2021 city's pass-rate cap act on a whole session.</summary>
public class CommitteeSessionTests
{
    private static List<SessionCandidate> Candidates(int count) =>
        Enumerable.Range(1, count).Select(i => new SessionCandidate($"app-{i:00}", Score: 100 - i, VotesFor: 7, Present: 9, PassedVote: true)).ToList();

    [Fact]
    public void Bottom_elimination_removes_the_weakest_share()
    {
        var results = CommitteeSession.Decide(Candidates(10), new SessionPolicy(0.2, 0, "score"));
        Assert.Equal(["app-09", "app-10"], results.Where(r => r.Decision == SessionDecision.Eliminated).Select(r => r.ApplicationId));
        Assert.Equal(8, results.Count(r => r.Decision == SessionDecision.Passed));
    }

    [Fact]
    public void Pass_rate_cap_limits_passes_to_the_best_ranked()
    {
        var results = CommitteeSession.Decide(Candidates(10), new SessionPolicy(0, 0.6, "score"));
        Assert.Equal(6, results.Count(r => r.Decision == SessionDecision.Passed));
        Assert.Equal(SessionDecision.Capped, results.Single(r => r.ApplicationId == "app-07").Decision);
    }

    [Fact]
    public void A_failed_vote_fails_whatever_the_rank()
    {
        var candidates = Candidates(3);
        candidates[0] = candidates[0] with { PassedVote = false };
        var results = CommitteeSession.Decide(candidates, new SessionPolicy(0, 0, "score"));
        Assert.Equal(SessionDecision.FailedVote, results.Single(r => r.ApplicationId == "app-01").Decision);
    }
}
