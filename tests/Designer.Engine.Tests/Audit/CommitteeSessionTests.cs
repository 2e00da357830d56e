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
        var results = CommitteeSession.Decide(Candidates(10), new SessionPolicy(new Fraction(1, 5), Fraction.Zero, "score"));
        Assert.Equal(["app-09", "app-10"], results.Where(r => r.Decision == SessionDecision.Eliminated).Select(r => r.ApplicationId));
        Assert.Equal(8, results.Count(r => r.Decision == SessionDecision.Passed));
    }

    [Fact]
    public void Pass_rate_cap_limits_passes_to_the_best_ranked()
    {
        var results = CommitteeSession.Decide(Candidates(10), new SessionPolicy(Fraction.Zero, new Fraction(3, 5), "score"));
        Assert.Equal(6, results.Count(r => r.Decision == SessionDecision.Passed));
        Assert.Equal(SessionDecision.Capped, results.Single(r => r.ApplicationId == "app-07").Decision);
    }

    [Fact]
    public void A_failed_vote_fails_whatever_the_rank()
    {
        var candidates = Candidates(3);
        candidates[0] = candidates[0] with { PassedVote = false };
        var results = CommitteeSession.Decide(candidates, new SessionPolicy(Fraction.Zero, Fraction.Zero, "score"));
        Assert.Equal(SessionDecision.FailedVote, results.Single(r => r.ApplicationId == "app-01").Decision);
    }

    [Fact]
    public void A_session_under_ten_still_eliminates_when_the_share_rounds_up()
    {
        var results = CommitteeSession.Decide(Candidates(6), new SessionPolicy(new Fraction(1, 10), Fraction.Zero, "score"));
        var eliminated = Assert.Single(results, r => r.Decision == SessionDecision.Eliminated);
        Assert.Equal("app-06", eliminated.ApplicationId);
        Assert.Contains("按量化赋分排名第 6/6", eliminated.Reason);

        var roundedDown = CommitteeSession.Decide(Candidates(6), new SessionPolicy(new Fraction(1, 10), Fraction.Zero, "score") { EliminationRounding = ShareRounding.Down });
        Assert.DoesNotContain(roundedDown, r => r.Decision == SessionDecision.Eliminated);
    }

    [Fact]
    public void A_candidate_who_failed_the_vote_takes_no_elimination_place()
    {
        var candidates = Candidates(10);
        candidates[9] = candidates[9] with { PassedVote = false };
        var results = CommitteeSession.Decide(candidates, new SessionPolicy(new Fraction(1, 10), Fraction.Zero, "score"));
        Assert.Equal(SessionDecision.FailedVote, results.Single(r => r.ApplicationId == "app-10").Decision);
        Assert.Equal(SessionDecision.Eliminated, results.Single(r => r.ApplicationId == "app-09").Decision);
        Assert.Equal(8, results.Count(r => r.Decision == SessionDecision.Passed));
    }

    [Fact]
    public void Each_series_is_ranked_and_capped_on_its_own()
    {
        var teachers = Candidates(5).Select(c => c with { Series = "teacher" });
        var engineers = Candidates(5).Select(c => c with { ApplicationId = "eng-" + c.ApplicationId, Score = c.Score - 50, Series = "engineering" });
        var results = CommitteeSession.Decide([.. teachers, .. engineers], new SessionPolicy(Fraction.Zero, new Fraction(3, 5), "score"));
        Assert.Equal(3, results.Count(r => r.Series == "teacher" && r.Decision == SessionDecision.Passed));
        Assert.Equal(3, results.Count(r => r.Series == "engineering" && r.Decision == SessionDecision.Passed));
        Assert.Equal(1, results.Single(r => r.ApplicationId == "eng-app-01").Rank);
    }

    [Fact]
    public void Without_scores_the_session_ranks_by_vote_share_and_says_so()
    {
        var candidates = new List<SessionCandidate>
        {
            new("app-a", Score: null, VotesFor: 6, Present: 9, PassedVote: true),
            new("app-b", Score: null, VotesFor: 9, Present: 9, PassedVote: true),
            new("app-c", Score: null, VotesFor: 7, Present: 9, PassedVote: true),
        };
        var results = CommitteeSession.Decide(candidates, new SessionPolicy(Fraction.Zero, new Fraction(3, 5), "score"));
        Assert.All(results, r => Assert.Equal(RankBasis.VoteShare, r.Basis));
        Assert.Equal(["app-b"], results.Where(r => r.Decision == SessionDecision.Passed).Select(r => r.ApplicationId));
        Assert.Contains("按赞成票比例排名第 2", results.Single(r => r.ApplicationId == "app-c").Reason);
    }
}
