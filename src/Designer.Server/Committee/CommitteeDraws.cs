using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Designer.Engine.Committees;
using Designer.Engine.Runtime;
using Designer.Persistence;
using Designer.Persistence.Entities;
using Designer.Server.Audit;
using Designer.Server.Auth;
using Designer.Server.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.Committee;

public sealed record DrawRequest(int? Count, string? Seed);

public sealed record DrawnExpert(string Id, string Name, string Unit);

/// <summary>
/// A session's draw: the members, the seed, the recusals with their reasons, how many were eligible, the pool as it
/// was, and whether recomputing it from the recorded seed and pool gives the same members (`verified`).
/// </summary>
public sealed record DrawDto(
    string SessionId, string CommitteeId, string Seed, int Count, string Algorithm, IReadOnlyList<DrawnExpert> Members,
    IReadOnlyList<Recusal> Recusals, int Eligible, IReadOnlyList<PoolExpert> Pool, IReadOnlyList<DrawCandidate> Candidates,
    string DrawnBy, DateTime DrawnAt, bool Verified);

/// <summary>
/// Before a session votes, its committee office draws the members from the committee's active experts, setting aside
/// those who must recuse (see <see cref="ExpertDraw"/>). The draw is recorded with its seed and the pool and
/// candidates as they were, in the audit trail too, so that anyone can recompute it; the session's quorum and pass
/// threshold then follow the drawn members.
/// </summary>
public sealed class CommitteeDraws(DesignerDbContext db, CommitteeService sessions, AuditLog audit, IClock clock, CommitteeGates gates)
{
    public const string Algorithm = "sha256(seed|expertId), ascending; recused experts excluded";
    public const int MaxMembers = 99;

    public async Task<DrawDto> DrawAsync(CurrentUser user, string sessionId, DrawRequest request)
    {
        using var _ = await gates.Sessions.EnterAsync(sessionId);
        var session = await sessions.FindAsync(user, sessionId, write: true);
        if (session.Status != CommitteeStatus.Open) throw new ApiProblemException(Problems.Conflict("评审会已结束，不能再抽取评委 (the session is closed)"));
        if (await db.CommitteeDraws.AnyAsync(d => d.SessionId == sessionId))
            throw new ApiProblemException(Problems.Conflict("本次评审会已抽取评委，抽取结果不能更改 (the members are already drawn)"));
        if (session.Candidates.Any(c => c.For is not null))
            throw new ApiProblemException(Problems.Conflict("已记录表决票，不能再抽取评委 (votes are already recorded)"));
        if (session.CommitteeId is null)
            throw new ApiProblemException(Problems.Invalid("$", "本评审会的表决步骤没有指定评委会，无法从专家库抽取 (the vote names no committee)"));
        if (request.Count is not (>= 1 and <= MaxMembers))
            throw new ApiProblemException(Problems.Invalid("$.count", $"抽取人数应为 1 至 {MaxMembers} (count must be 1…{MaxMembers})"));
        var seed = string.IsNullOrWhiteSpace(request.Seed) ? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) : request.Seed.Trim();
        if (seed.Length > 200) throw new ApiProblemException(Problems.Invalid("$.seed", "随机种子最长 200 字符 (the seed is at most 200 characters)"));

        var committee = await db.Committees.AsNoTracking().FirstOrDefaultAsync(c => c.Id == session.CommitteeId)
            ?? throw new ApiProblemException(Problems.Invalid("$", $"评委会 “{session.CommitteeId}” 不存在 (no such committee)"));
        if (CommitteeRegistryDtos.Info(committee).Refusal is { } refusal) throw new ApiProblemException(Problems.Conflict(refusal));
        var listed = CommitteeRegistryDtos.Strings(committee.ExpertsJson);
        var pool = (await db.Experts.AsNoTracking().Where(e => listed.Contains(e.Id) && e.Active).OrderBy(e => e.Id).ToListAsync())
            .Select(e => new PoolExpert(e.Id, e.Name, e.Unit, CommitteeRegistryDtos.Strings(e.ConflictsJson))).ToList();
        var candidates = await CandidatesAsync(session);

        DrawResult result;
        try { result = ExpertDraw.Draw(pool, candidates, request.Count.Value, seed); }
        catch (NotEnoughExpertsException e)
        {
            throw new ApiProblemException(Problems.Invalid("$.count",
                $"评委会 {committee.Name} 可抽取的专家只有 {e.Eligible} 人（专家库 {pool.Count} 人，回避 {pool.Count - e.Eligible} 人），不足 {e.Requested} 人 (only {e.Eligible} eligible experts)"));
        }

        var record = new CommitteeDrawRecord
        {
            SessionId = sessionId, CommitteeId = committee.Id, Seed = seed, Count = result.Count,
            PoolJson = Json(pool), CandidatesJson = Json(candidates), DrawnJson = Json(result.Drawn.Select(d => d.Id)), RecusalsJson = Json(result.Recusals),
            DrawnBy = user.UserName, DrawnAt = clock.Now.UtcDateTime,
        };
        db.CommitteeDraws.Add(record);
        var stored = await db.CommitteeSessions.FirstAsync(s => s.Id == sessionId);
        stored.DrawnMembers = result.Count;
        var dto = Dto(record);
        audit.Record(user.UserName, AuditKinds.CommitteeSessionDraw, AuditKinds.CommitteeSessionSubject(sessionId), session.Locality,
            $"{user.UserName} 为评审会 {sessionId} 从 {committee.Name} 抽取评委 {result.Count} 人（可抽取 {result.Eligible} 人，回避 {result.Recusals.Select(r => r.ExpertId).Distinct().Count()} 人），种子 {seed}",
            ApiJson.ToNode(dto with { Verified = true }));
        await db.SaveChangesAsync();
        return dto;
    }

    public async Task<DrawDto> FindAsync(CurrentUser user, string sessionId)
    {
        await sessions.FindAsync(user, sessionId);
        var record = await db.CommitteeDraws.AsNoTracking().FirstOrDefaultAsync(d => d.SessionId == sessionId)
            ?? throw new ApiProblemException(Problems.NotFound("本次评审会尚未抽取评委 (no draw yet)"));
        return Dto(record);
    }

    /// <summary>The applicants and their units, read from each application (recusal compares units).</summary>
    private async Task<List<DrawCandidate>> CandidatesAsync(CommitteeSessionRecord session)
    {
        var ids = session.Candidates.Select(c => c.ApplicationId).ToList();
        var applications = await db.Applications.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id);
        return session.Candidates.OrderBy(c => c.ApplicationId).Select(c =>
        {
            var data = applications.TryGetValue(c.ApplicationId, out var a) ? JsonNode.Parse(a.DataJson) : null;
            return new DrawCandidate(c.ApplicationId, c.ApplicantName, data?["unit"]?.GetValue<string>() ?? "");
        }).ToList();
    }

    /// <summary>The recorded draw, with the members recomputed from the recorded seed and pool (a tampered record shows as unverified).</summary>
    private static DrawDto Dto(CommitteeDrawRecord record)
    {
        var pool = Read<List<PoolExpert>>(record.PoolJson);
        var candidates = Read<List<DrawCandidate>>(record.CandidatesJson);
        var drawn = Read<List<string>>(record.DrawnJson);
        var recusals = Read<List<Recusal>>(record.RecusalsJson);
        var byId = pool.ToDictionary(p => p.Id);
        bool verified;
        try { verified = ExpertDraw.Draw(pool, candidates, record.Count, record.Seed).Drawn.Select(e => e.Id).SequenceEqual(drawn); }
        catch (NotEnoughExpertsException) { verified = false; }
        var members = drawn.Select(id => byId.TryGetValue(id, out var e) ? new DrawnExpert(e.Id, e.Name, e.Unit) : new DrawnExpert(id, id, "")).ToList();
        var eligible = pool.Count - recusals.Select(r => r.ExpertId).Distinct().Count();
        return new DrawDto(record.SessionId, record.CommitteeId, record.Seed, record.Count, Algorithm, members, recusals, eligible, pool, candidates,
            record.DrawnBy, record.DrawnAt, verified);
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, ApiJson.Options);
    private static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, ApiJson.Options)!;
}
