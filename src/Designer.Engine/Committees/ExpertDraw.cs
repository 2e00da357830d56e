using System.Security.Cryptography;
using System.Text;

namespace Designer.Engine.Committees;

/// <summary>An expert of the pool as drawn: unit (employer) and listed conflicts (people's names or unit ids).</summary>
public sealed record PoolExpert(string Id, string Name, string Unit, IReadOnlyList<string> Conflicts);

/// <summary>An applicant before the session, for recusal: their name and unit.</summary>
public sealed record DrawCandidate(string ApplicationId, string Name, string Unit);

public sealed record Recusal(string ExpertId, string ExpertName, string ApplicationId, string ApplicantName, string Reason);

public sealed record DrawResult(string Seed, int Count, IReadOnlyList<PoolExpert> Drawn, IReadOnlyList<Recusal> Recusals, int Eligible);

public sealed class NotEnoughExpertsException(int requested, int eligible, int recused)
    : Exception($"可抽取的专家只有 {eligible} 人（{recused} 人回避），不足 {requested} 人 (only {eligible} eligible experts for {requested})")
{
    public int Requested { get; } = requested;
    public int Eligible { get; } = eligible;
}

/// <summary>
/// The random draw of a session's members from its committee's pool (随机抽选), seeded and replayable: every expert
/// who must recuse is set aside with the reason (same unit as a candidate: 本单位回避; a listed conflict), then the
/// eligible experts are ordered by SHA-256 of "seed|expertId" (hex, ordinal) and the first `count` are drawn.
/// The order does not depend on how the pool is listed, so the same seed and pool always give the same members and
/// anyone can recompute a draw from its recorded seed and pool snapshot.
/// </summary>
public static class ExpertDraw
{
    public static DrawResult Draw(IReadOnlyList<PoolExpert> pool, IReadOnlyList<DrawCandidate> candidates, int count, string seed)
    {
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), "抽取人数至少为 1 (count must be at least 1)");
        var recusals = pool.SelectMany(expert => candidates.SelectMany(candidate => Reasons(expert, candidate)
            .Select(reason => new Recusal(expert.Id, expert.Name, candidate.ApplicationId, candidate.Name, reason)))).ToList();
        var recused = recusals.Select(r => r.ExpertId).ToHashSet(StringComparer.Ordinal);
        var eligible = pool.Where(e => !recused.Contains(e.Id)).DistinctBy(e => e.Id).ToList();
        if (eligible.Count < count) throw new NotEnoughExpertsException(count, eligible.Count, recused.Count);
        var drawn = eligible.OrderBy(e => Key(seed, e.Id), StringComparer.Ordinal).ThenBy(e => e.Id, StringComparer.Ordinal).Take(count).ToList();
        return new DrawResult(seed, count, drawn, recusals, eligible.Count);
    }

    /// <summary>The expert's place in the draw: lowercase hex SHA-256 of UTF-8 "seed|expertId".</summary>
    public static string Key(string seed, string expertId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}|{expertId}")));

    private static IEnumerable<string> Reasons(PoolExpert expert, DrawCandidate candidate)
    {
        if (expert.Unit.Length > 0 && expert.Unit == candidate.Unit)
            yield return $"与申报人{candidate.Name}同一单位（{candidate.Unit}）(same unit as the candidate)";
        foreach (var conflict in expert.Conflicts.Where(c => c.Length > 0 && (c == candidate.Name || c == candidate.Unit)))
            yield return $"列明的利害关系：{conflict} (listed conflict)";
    }
}
