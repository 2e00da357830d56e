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
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.Committee;

public sealed record CreateSessionRequest(string? Org, string? DefinitionId);
public sealed record VoteRequest(string? ApplicationId, int For, int Against, int Abstain);

/// <summary>
/// A committee meeting over the applications waiting at one organisation's committee-vote steps: votes are recorded
/// per candidate, then the session ranks each series' candidates together (bottom elimination, pass-rate cap) and resumes
/// each vote.
/// </summary>
public sealed class CommitteeService(DesignerDbContext db, ApplicationRunner runner, IClock clock, ApplicationAudit audit)
{
    public const string VoteActivityType = "Titles.CommitteeVote";

    public async Task<CommitteeSessionRecord> CreateAsync(CurrentUser user, CreateSessionRequest request)
    {
        if (!user.IsReviewer || user.Org is null) throw new ApiProblemException(Problems.Forbidden("只有评委会所在机构的办理人可以组织评审会"));
        if (request.Org is { Length: > 0 } org && org != user.Org) throw new ApiProblemException(Problems.Forbidden($"不能为其他机构（{org}）组织评审会"));
        var busy = await db.CommitteeCandidates.Join(db.CommitteeSessions.Where(s => s.Status == "open"), c => c.SessionId, s => s.Id, (c, s) => c.TaskId).ToListAsync();
        var waiting = (await TaskAccess.Candidates(db, user).Where(t => t.IsOpen && t.ActivityType == VoteActivityType).ToListAsync())
            .Where(t => TaskAccess.CanAct(user, t) && !busy.Contains(t.Id))
            .Where(t => string.IsNullOrEmpty(request.DefinitionId) || t.DefinitionId == request.DefinitionId)
            .OrderBy(t => t.CreatedAt).ToList();
        if (waiting.Count == 0) throw new ApiProblemException(Problems.Invalid("$", "没有等待本机构评委会表决的申报 (no application waits at a committee vote of this organisation)"));

        var session = new CommitteeSessionRecord
        {
            Id = Guid.NewGuid().ToString("N")[..12], Org = user.Org, Locality = waiting[0].Locality, DefinitionId = request.DefinitionId,
            CreatedBy = user.UserName, CreatedAt = clock.Now.UtcDateTime,
            Candidates = waiting.Select(t => new CommitteeCandidateRecord { ApplicationId = t.ApplicationId, TaskId = t.Id, ApplicantName = t.ApplicantName }).ToList(),
        };
        db.CommitteeSessions.Add(session);
        await db.SaveChangesAsync();
        return session;
    }

    public async Task<CommitteeSessionRecord> FindAsync(CurrentUser user, string id, bool write = false)
    {
        var session = await db.CommitteeSessions.Include(s => s.Candidates).FirstOrDefaultAsync(s => s.Id == id);
        var member = session is not null && user.IsReviewer && user.Org == session.Org && (session.Org is not ("unit" or "county/hr") || user.Locality == session.Locality);
        if (session is null || !(member || user.CanOverseeLocality(session.Locality))) throw new ApiProblemException(Problems.NotFound("找不到该评审会 (no such committee session)"));
        if (write && !member) throw new ApiProblemException(Problems.Forbidden("只读访问：不能修改评审会 (read-only access)"));
        if (write && session.Status != "open") throw new ApiProblemException(Problems.Conflict("评审会已结束 (the session is closed)"));
        return session;
    }

    public async Task<CommitteeSessionRecord> VoteAsync(CurrentUser user, string id, VoteRequest vote)
    {
        var session = await FindAsync(user, id, write: true);
        var candidate = session.Candidates.FirstOrDefault(c => c.ApplicationId == vote.ApplicationId)
            ?? throw new ApiProblemException(Problems.NotFound("该评审会中没有这份申报 (the application is not in this session)"));
        if (vote.For < 0 || vote.Against < 0 || vote.Abstain < 0)
            throw new ApiProblemException(Problems.Invalid("$.for", "票数不能为负数 (votes must not be negative)"));
        (candidate.For, candidate.Against, candidate.Abstain) = (vote.For, vote.Against, vote.Abstain);
        audit.VotesRecorded(user, session, candidate);
        await db.SaveChangesAsync();
        return session;
    }

    public async Task<CommitteeSessionRecord> CloseAsync(CurrentUser user, string id)
    {
        var session = await FindAsync(user, id, write: true);
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
            ballots.Add(new Ballot(candidate, task, $"{task.DefinitionId}@{application.DefinitionVersion}/{task.ActivityId}", step, score, application.Series ?? ""));
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
        session.Status = "closed";
        session.ClosedAt = clock.Now.UtcDateTime;
        audit.SessionClosed(user, session);
        await db.SaveChangesAsync();

        foreach (var ballot in ballots) await ResumeAsync(user, session, ballot);
        return await FindAsync(user, id);
    }

    private async Task ResumeAsync(CurrentUser user, CommitteeSessionRecord session, Ballot ballot)
    {
        var data = new JsonObject
        {
            ["for"] = ballot.Record.For, ["against"] = ballot.Record.Against, ["abstain"] = ballot.Record.Abstain,
            ["sessionDecision"] = ballot.Record.Decision, ["sessionReason"] = ballot.Record.Reason, ["sessionId"] = session.Id,
        };
        try
        {
            var application = await db.Applications.FirstAsync(a => a.Id == ballot.Record.ApplicationId);
            await runner.ActAsync(application, ballot.Task.BookmarkId, new ResumeInput("vote", data, user.UserName, $"评审会 {session.Id}"));
        }
        catch (ApiProblemException)
        {
            // Acted on outside the session meanwhile: the session's decision stays recorded, the application keeps its own.
            db.ChangeTracker.Clear();
        }
    }

    private sealed record Ballot(CommitteeCandidateRecord Record, TaskRecord Task, string Step, CommitteeVote Vote, double? Score, string Series)
    {
        public SessionCandidate Candidate()
        {
            var present = (Record.For ?? 0) + (Record.Against ?? 0) + (Record.Abstain ?? 0);
            var passed = Vote.LiteralRule.Passes(Record.For ?? 0, present);
            return new SessionCandidate(Record.ApplicationId, Score, Record.For ?? 0, present, passed) { Series = Series };
        }
    }

    public static object Dto(CommitteeSessionRecord s) => new
    {
        id = s.Id, org = s.Org, locality = s.Locality, definitionId = s.DefinitionId, status = s.Status, createdBy = s.CreatedBy,
        createdAt = s.CreatedAt, closedAt = s.ClosedAt,
        candidates = s.Candidates.OrderBy(c => c.Rank ?? int.MaxValue).ThenBy(c => c.Id).Select(c => new
        {
            applicationId = c.ApplicationId, applicantName = c.ApplicantName, taskId = c.TaskId, @for = c.For, against = c.Against, abstain = c.Abstain,
            voted = c.For is not null, rank = c.Rank, decision = c.Decision, reason = c.Reason,
        }),
    };
}
