using Designer.Engine.Committees;

namespace Designer.Engine.Tests.Committees;

public class ExpertDrawTests
{
    private static readonly List<PoolExpert> Pool = Enumerable.Range(1, 12)
        .Select(i => new PoolExpert($"bazhou/expert/teacher-{i:00}", $"专家{i}", i <= 2 ? "和静县第三中学" : $"单位{i}", i == 3 ? ["矩阵乙"] : []))
        .ToList();

    private static readonly List<DrawCandidate> Candidates = [new("app-1", "矩阵甲", "和静县第三中学"), new("app-2", "矩阵乙", "库尔勒市第二中学")];

    [Fact]
    public void The_same_seed_and_pool_draw_the_same_members_whatever_the_pool_order()
    {
        var first = ExpertDraw.Draw(Pool, Candidates, 7, "2024-bazhou-teacher");
        var shuffled = Pool.AsEnumerable().Reverse().ToList();
        var again = ExpertDraw.Draw(shuffled, Candidates, 7, "2024-bazhou-teacher");
        Assert.Equal(first.Drawn.Select(e => e.Id), again.Drawn.Select(e => e.Id));
        Assert.Equal(7, first.Drawn.Count);
        Assert.Equal(7, first.Drawn.Select(e => e.Id).Distinct().Count());
    }

    [Fact]
    public void Another_seed_draws_other_members()
    {
        var a = ExpertDraw.Draw(Pool, Candidates, 5, "seed-a").Drawn.Select(e => e.Id).ToList();
        var b = ExpertDraw.Draw(Pool, Candidates, 5, "seed-b").Drawn.Select(e => e.Id).ToList();
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Experts_of_a_candidates_unit_and_with_a_listed_conflict_recuse_with_the_reason_and_are_never_drawn()
    {
        foreach (var seed in new[] { "s1", "s2", "s3", "s4", "s5" })
        {
            var draw = ExpertDraw.Draw(Pool, Candidates, 9, seed);
            Assert.DoesNotContain(draw.Drawn, e => e.Id is "bazhou/expert/teacher-01" or "bazhou/expert/teacher-02" or "bazhou/expert/teacher-03");
            Assert.Equal(9, draw.Eligible);
        }
        var recusals = ExpertDraw.Draw(Pool, Candidates, 9, "s1").Recusals;
        Assert.Equal(["bazhou/expert/teacher-01", "bazhou/expert/teacher-02", "bazhou/expert/teacher-03"], recusals.Select(r => r.ExpertId).Order().ToList());
        var sameUnit = recusals.First(r => r.ExpertId == "bazhou/expert/teacher-01");
        Assert.Equal(("app-1", "矩阵甲"), (sameUnit.ApplicationId, sameUnit.ApplicantName));
        Assert.Contains("同一单位（和静县第三中学）", sameUnit.Reason);
        Assert.Contains("列明的利害关系：矩阵乙", recusals.Single(r => r.ExpertId == "bazhou/expert/teacher-03").Reason);
    }

    [Fact]
    public void Asking_for_more_members_than_eligible_experts_says_how_many_there_are()
    {
        var error = Assert.Throws<NotEnoughExpertsException>(() => ExpertDraw.Draw(Pool, Candidates, 10, "s1"));
        Assert.Equal(9, error.Eligible);
        Assert.Contains("只有 9 人", error.Message);
    }

    /// <summary>An auditor recomputes a draw with any SHA-256 tool: sort the eligible ids by sha256("seed|id").</summary>
    [Fact]
    public void The_draw_key_is_plain_sha256_of_seed_and_id()
    {
        Assert.Equal("4a7a30da4be723fe58078e160a33e519cb2a1e7682122cbe072ed69331c59f11", ExpertDraw.Key("2024-bazhou", "bazhou/expert/teacher-01"));
        var draw = ExpertDraw.Draw(Pool, [], 12, "2024-bazhou");
        Assert.Equal(Pool.Select(e => e.Id).OrderBy(id => ExpertDraw.Key("2024-bazhou", id), StringComparer.Ordinal), draw.Drawn.Select(e => e.Id));
    }
}
