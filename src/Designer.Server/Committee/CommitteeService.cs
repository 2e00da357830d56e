using System.Text.Json.Nodes;
using Designer.Engine.Activities.Titles;
using Designer.Engine.Domain;
using Designer.Engine.Runtime;
using Designer.Persistence;
using Designer.Persistence.Entities;
using Designer.Server.Applications;
using Designer.Server.Audit;
using Designer.Server.Auth;
using Designer.Server.Hosting;
using Designer.Server.Tasks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.Committee;

/// <summary>Gathers the waiting votes of one committee (and series); without one, those of the oldest waiting vote.</summary>
public sealed record CreateSessionRequest(string? Org, string? DefinitionId, string? Committee = null, string? Series = null);
public sealed record VoteRequest(string? ApplicationId, int For, int Against, int Abstain);

/// <summary>A session is "open" for votes, "closing" while its candidates are moved on, "closed" once all have.</summary>
public static class CommitteeStatus
{
    public const string Open = "open";
    public const string Closing = "closing";
    public const string Closed = "closed";
}

/// <summary>
/// A committee meeting over the applications waiting at one organisation's committee-vote steps: votes are recorded
/// per candidate, then the session ranks each series' candidates together (bottom elimination, pass-rate cap) and
/// resumes each vote.
/// Members are the reviewers of the organisation who hold the role of its vote steps (usually "committee"); a session
/// holds one committee's candidates of one series, and once its members are drawn (<see cref="CommitteeDraws"/>) its
/// quorum and pass threshold follow them.
/// Closing survives a crash: the decisions are saved first with the session "closing", then each candidate is resumed
/// in its own transaction (skipped when its vote task is already closed), and the session becomes "closed" when all
/// have moved on. A repeated close, or the server's start (<see cref="CommitteeCloseRecovery"/>), finishes the rest.
/// </summary>
public sealed class CommitteeService(DesignerDbContext db, ApplicationRunner runner, IClock clock, ApplicationAudit audit, CommitteeGates gates,
    ILogger<CommitteeService> log, CommitteeDirectory directory)
{
    public const string VoteActivityType = "Titles.CommitteeVote";
    private const int MaxResumeAttempts = 8;

    public async Task<CommitteeSessionRecord> CreateAsync(CurrentUser user, CreateSessionRequest request)
    {
        if (!user.IsReviewer || user.Org is null) throw new ApiProblemException(Problems.Forbidden("只有评委会所在机构的办理人可以组织评审会"));
        if (request.Org is { Length: > 0 } org && org != user.Org) throw new ApiProblemException(Problems.Forbidden($"不能为其他机构（{org}）组织评审会"));
        var busy = await db.CommitteeCandidates.Join(db.CommitteeSessions.Where(s => s.Status != CommitteeStatus.Closed), c => c.SessionId, s => s.Id, (c, s) => c.TaskId).ToListAsync();
        var waiting = (await TaskAccess.Candidates(db, user).Open().Where(t => t.ActivityType == VoteActivityType).ToListAsync())
            .Where(t => TaskAccess.CanAct(user, t) && !busy.Contains(t.Id))
            .Where(t => string.IsNullOrEmpty(request.DefinitionId) || t.DefinitionId == request.DefinitionId)
            .OrderBy(t => t.CreatedAt).ToList();
        var ids = waiting.Select(t => t.ApplicationId).ToList();
        var series = await db.Applications.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Series ?? "");
        waiting = waiting
            .Where(t => string.IsNullOrEmpty(request.Committee) || t.Committee == request.Committee)
            .Where(t => string.IsNullOrEmpty(request.Series) || series.GetValueOrDefault(t.ApplicationId) == request.Series).ToList();
        if (waiting.Count == 0) throw new ApiProblemException(Problems.Invalid("$", "没有等待本机构评委会表决的申报 (no application waits at a committee vote of this organisation)"));
        // One committee and one series per session, never across (不得跨系列): the group of the oldest waiting vote.
        var (committee, seriesCode) = (waiting[0].Committee, series.GetValueOrDefault(waiting[0].ApplicationId, ""));
        waiting = waiting.Where(t => t.Committee == committee && series.GetValueOrDefault(t.ApplicationId, "") == seriesCode).ToList();
        // A suspended committee, or one whose right to evaluate was withdrawn, holds no session (责令整改、收回评审权).
        if (committee is { Length: > 0 } && directory.Find(committee) is { Refusal: { } refusal }) throw new ApiProblemException(Problems.Conflict(refusal));

        var session = new CommitteeSessionRecord
        {
            Id = Guid.NewGuid().ToString("N")[..12], Org = user.Org, Locality = waiting[0].Locality, DefinitionId = request.DefinitionId,
            CommitteeId = committee, Series = seriesCode.Length > 0 ? seriesCode : null,
            CreatedBy = user.UserName, CreatedAt = clock.Now.UtcDateTime,
            Candidates = waiting.Select(t => new CommitteeCandidateRecord { ApplicationId = t.ApplicationId, TaskId = t.Id, ApplicantName = t.ApplicantName }).ToList(),
        };
        db.CommitteeSessions.Add(session);
        await db.SaveChangesAsync();
        return session;
    }

    /// <summary>The sessions the user may read: those they are a member of, and read-only those of the localities they oversee.</summary>
    public async Task<IReadOnlyList<CommitteeSessionRecord>> ListAsync(CurrentUser user)
    {
        var sessions = await db.CommitteeSessions.AsNoTracking().Include(s => s.Candidates).OrderByDescending(s => s.CreatedAt).ToListAsync();
        var roles = (await CandidateRoles(db.CommitteeCandidates).ToListAsync()).ToLookup(r => r.SessionId, r => r.Role);
        return sessions.Where(s => IsMember(user, s, roles[s.Id]) || user.CanOverseeLocality(s.Locality)).ToList();
    }

    public async Task<CommitteeSessionRecord> FindAsync(CurrentUser user, string id, bool write = false)
    {
        var session = await db.CommitteeSessions.Include(s => s.Candidates).FirstOrDefaultAsync(s => s.Id == id);
        var member = session is not null &&
                     IsMember(user, session, await CandidateRoles(db.CommitteeCandidates.Where(c => c.SessionId == id)).Select(r => r.Role).ToListAsync());
        if (session is null || !(member || user.CanOverseeLocality(session.Locality))) throw new ApiProblemException(Problems.NotFound("找不到该评审会 (no such committee session)"));
        if (write && !member) throw new ApiProblemException(Problems.Forbidden("只读访问：只有持有评委会角色的本机构办理人可以表决或结束评审会 (read-only access)"));
        return session;
    }

    /// <summary>
    /// A member: a reviewer of the session's organisation (of its locality for unit / county HR) who holds the role of
    /// every candidate's vote step. Being a reviewer of the organisation is not enough.
    /// </summary>
    private static bool IsMember(CurrentUser user, CommitteeSessionRecord session, IEnumerable<string> candidateRoles)
    {
        var roles = candidateRoles.ToList();
        return user.IsReviewer && user.Org == session.Org && (session.Org is not ("unit" or "county/hr") || user.Locality == session.Locality) &&
               roles.Count > 0 && roles.All(user.HoldsTaskRole);
    }

    private sealed record SessionRole(string SessionId, string Role);

    private IQueryable<SessionRole> CandidateRoles(IQueryable<CommitteeCandidateRecord> candidates) =>
        candidates.Join(db.Tasks, c => c.TaskId, t => t.Id, (c, t) => new SessionRole(c.SessionId, t.Role)).Distinct();

    public async Task<CommitteeSessionRecord> VoteAsync(CurrentUser user, string id, VoteRequest vote)
    {
        using var _ = await gates.Sessions.EnterAsync(id);
        var session = await FindAsync(user, id, write: true);
        if (session.Status != CommitteeStatus.Open) throw new ApiProblemException(Problems.Conflict("评审会已结束 (the session is closed)"));
        var candidate = session.Candidates.FirstOrDefault(c => c.ApplicationId == vote.ApplicationId)
            ?? throw new ApiProblemException(Problems.NotFound("该评审会中没有这份申报 (the application is not in this session)"));
        if (vote.For < 0 || vote.Against < 0 || vote.Abstain < 0)
            throw new ApiProblemException(Problems.Invalid("$.for", "票数不能为负数 (votes must not be negative)"));
        if (session.DrawnMembers is { } drawn && vote.For + vote.Against + vote.Abstain > drawn)
            throw new ApiProblemException(Problems.Invalid("$.for",
                $"票数合计 {vote.For + vote.Against + vote.Abstain} 超过本次抽取的评委 {drawn} 人 (more votes than drawn members)"));
        (candidate.For, candidate.Against, candidate.Abstain) = (vote.For, vote.Against, vote.Abstain);
        audit.VotesRecorded(user, session, candidate);
        await db.SaveChangesAsync();
        return session;
    }

    /// <summary>Decides an open session and moves every candidate on; on a "closing" session, moves on those left.</summary>
    public async Task<CommitteeSessionRecord> CloseAsync(CurrentUser user, string id)
    {
        using (await gates.Sessions.EnterAsync(id))
        {
            await DecideIfOpenAsync(user, id);
            await FinishClosingAsync(id, user.UserName);
        }
        return await FindAsync(user, id);
    }

    /// <summary>The first half of a close alone: the decisions saved, the session "closing", no candidate moved yet.</summary>
    public async Task BeginClosingAsync(CurrentUser user, string id)
    {
        using (await gates.Sessions.EnterAsync(id)) await DecideIfOpenAsync(user, id);
    }

    private async Task DecideIfOpenAsync(CurrentUser user, string id)
    {
        var session = await FindAsync(user, id, write: true);
        if (session.Status == CommitteeStatus.Closed) throw new ApiProblemException(Problems.Conflict("评审会已结束 (the session is closed)"));
        if (session.Status == CommitteeStatus.Open) await DecideAsync(user, session);
    }

    /// <summary>Ranks and decides every candidate and saves the decisions with the session marked "closing" (one transaction).</summary>
    private async Task DecideAsync(CurrentUser user, CommitteeSessionRecord session)
    {
        var unvoted = session.Candidates.Where(c => c.For is null).Select(c => c.ApplicantName).ToList();
        if (unvoted.Count > 0)
            throw new ApiProblemException(Problems.Invalid("$.candidates", $"以下申报人尚未记录表决票：{string.Join("、", unvoted)} (every candidate needs votes)"));

        var ballots = new List<Ballot>();
        foreach (var candidate in session.Candidates)
        {
            var task = await db.Tasks.AsNoTracking().FirstAsync(t => t.Id == candidate.TaskId);
            var application = await db.Applications.AsNoTracking().FirstAsync(a => a.Id == candidate.ApplicationId);
            var loaded = await runner.LoadAsync(application.DefinitionId, application.DefinitionVersion);
            var step = (CommitteeVote)ExecutableWorkflow.For(loaded.Definition, ActivityRegistry.Default).Activity(task.ActivityId);
            var state = ApplicationRunner.StateOf(application);
            double? score = state.Variables.GetValueOrDefault(step.Policy.RankBy) is JsonValue v && v.TryGetValue<double>(out var value) ? value : null;
            ballots.Add(new Ballot(candidate, $"{task.DefinitionId}@{application.DefinitionVersion}/{task.ActivityId}", step, score, application.Series ?? "",
                session.DrawnMembers));
        }
        foreach (var group in ballots.GroupBy(b => b.Step))
        {
            var policy = group.First().Vote.Policy;
            var decisions = CommitteeSession.Decide(group.Select(b => b.Candidate()).ToList(), policy).ToDictionary(d => d.ApplicationId);
            foreach (var ballot in group)
            {
                var decision = decisions[ballot.Record.ApplicationId];
                (ballot.Record.Rank, ballot.Record.Decision, ballot.Record.Reason) = (decision.Rank, decision.Decision, decision.Reason);
            }
        }
        session.Status = CommitteeStatus.Closing;
        audit.SessionClosed(user, session);
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Resumes the vote of every candidate still waiting at it, each in its own transaction, then marks the session
    /// closed. Safe to repeat after a crash: a candidate whose vote task is closed has moved on and is skipped.
    /// </summary>
    public async Task FinishClosingAsync(string sessionId, string actor)
    {
        db.ChangeTracker.Clear();
        var session = await db.CommitteeSessions.AsNoTracking().Include(s => s.Candidates).FirstAsync(s => s.Id == sessionId);
        if (session.Status != CommitteeStatus.Closing) return;
        var unsettled = 0;
        foreach (var candidate in session.Candidates.OrderBy(c => c.Id))
            if (!await MoveOnAsync(session, candidate, actor)) unsettled++;
        if (unsettled > 0)
            throw new ApiProblemException(Problems.Conflict($"评审会正在结束，还有 {unsettled} 份申报未能流转，请稍后再次结束评审会 (closing: {unsettled} candidates left, close again)"));

        var stored = await db.CommitteeSessions.FirstAsync(s => s.Id == sessionId);
        stored.Status = CommitteeStatus.Closed;
        stored.ClosedAt = clock.Now.UtcDateTime;
        await db.SaveChangesAsync();
    }

    /// <summary>True when the candidate has moved on (now, or before); false when it still waits after the retries.</summary>
    private async Task<bool> MoveOnAsync(CommitteeSessionRecord session, CommitteeCandidateRecord candidate, string actor)
    {
        var data = new JsonObject
        {
            ["for"] = candidate.For, ["against"] = candidate.Against, ["abstain"] = candidate.Abstain,
            ["sessionDecision"] = candidate.Decision, ["sessionReason"] = candidate.Reason, ["sessionId"] = session.Id,
        };
        // Quorum and the pass threshold follow the members drawn for the session (e.g. two thirds of them present).
        if (session.DrawnMembers is { } members) data["members"] = members;
        for (var attempt = 1; attempt <= MaxResumeAttempts; attempt++)
        {
            var task = await db.Tasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == candidate.TaskId);
            if (task is null || !task.IsOpen) return true;
            try
            {
                using (await gates.Applications.EnterAsync(candidate.ApplicationId))
                {
                    var application = await db.Applications.FirstAsync(a => a.Id == candidate.ApplicationId);
                    await runner.ActAsync(application, task.BookmarkId, new ResumeInput("vote", data.DeepClone(), actor, $"评审会 {session.Id}"));
                }
                return true;
            }
            catch (ApiProblemException e) when (e.Result is ProblemHttpResult { StatusCode: StatusCodes.Status409Conflict })
            {
                // Another writer saved the application first: look again (its task may have closed meanwhile).
                await Task.Delay(10 * attempt);
            }
            catch (ApiProblemException e)
            {
                // The step refused the session's votes (a definition problem): the decision stays recorded, the application where it is.
                log.LogError("Committee session {Session}: the vote of application {Application} was refused ({Status})", session.Id, candidate.ApplicationId,
                    (e.Result as ProblemHttpResult)?.StatusCode);
                return true;
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
        return false;
    }

    /// <summary>Who closed the session: the actor of its decision entries in the audit trail (the organiser if none is found).</summary>
    public async Task<string> CloserAsync(CommitteeSessionRecord session)
    {
        var first = session.Candidates.OrderBy(c => c.Id).FirstOrDefault();
        if (first is null) return session.CreatedBy;
        var subject = AuditKinds.ApplicationSubject(first.ApplicationId);
        var decisions = await db.AuditEntries.AsNoTracking().Where(a => a.Subject == subject && a.Kind == AuditKinds.ApplicationCommitteeDecision)
            .OrderByDescending(a => a.Sequence).Select(a => new { a.Actor, a.DataJson }).ToListAsync();
        return decisions.FirstOrDefault(d => d.DataJson.Contains(session.Id, StringComparison.Ordinal))?.Actor ?? session.CreatedBy;
    }

    private sealed record Ballot(CommitteeCandidateRecord Record, string Step, CommitteeVote Vote, double? Score, string Series, int? Members)
    {
        public SessionCandidate Candidate()
        {
            var present = (Record.For ?? 0) + (Record.Against ?? 0) + (Record.Abstain ?? 0);
            var passed = Vote.LiteralRule.Passes(Record.For ?? 0, present, Members);
            return new SessionCandidate(Record.ApplicationId, Score, Record.For ?? 0, present, passed) { Series = Series };
        }
    }
}
