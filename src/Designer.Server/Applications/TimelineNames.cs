using Designer.Engine.Domain;
using Designer.Engine.Runtime;
using Designer.Persistence;
using Designer.Server.Workflows;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.Applications;

/// <summary>Who acted, in words: the person's display name and, for staff, their organisation's name.</summary>
public sealed record ActorName(string DisplayName, string? OrgName);

/// <summary>
/// Names a timeline's actors and committee sessions with one read of the users, one of their organisations and one of
/// the sessions, whatever the number of entries: a journal stores user names and a session id, a page shows
/// "张三 · 示例市人社局" and "示例市工程系列职称评审委员会 评审会 2026-12-01".
/// </summary>
public sealed class TimelineNames
{
    private readonly IReadOnlyDictionary<string, ActorName> actors;
    private readonly IReadOnlyDictionary<string, string> sessions;

    private TimelineNames(IReadOnlyDictionary<string, ActorName> actors, IReadOnlyDictionary<string, string> sessions) =>
        (this.actors, this.sessions) = (actors, sessions);

    public static async Task<TimelineNames> LoadAsync(DesignerDbContext db, VocabularySet vocabulary, IEnumerable<string?> userNames, IEnumerable<string?> sessionIds)
    {
        var names = userNames.OfType<string>().Where(n => n.Length > 0).Distinct().ToList();
        var users = names.Count == 0 ? [] : await db.Users.AsNoTracking().Where(u => names.Contains(u.UserName!))
            .Select(u => new { u.UserName, u.DisplayName, u.Org, u.UnitName, u.Locality, u.County }).ToListAsync();
        var orgs = users.Select(u => u.Org).OfType<string>().Distinct().ToList();
        var registered = orgs.Count == 0 ? new Dictionary<string, string>()
            : await db.Organisations.AsNoTracking().Where(o => orgs.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name);
        var actors = users.ToDictionary(u => u.UserName!, u => new ActorName(
            u.DisplayName.Length > 0 ? u.DisplayName : u.UserName!,
            OrgName(u.Org, u.UnitName, u.Locality, u.County, registered, vocabulary)));

        var ids = sessionIds.OfType<string>().Where(n => n.Length > 0).Distinct().ToList();
        var sessionRows = ids.Count == 0 ? [] : await db.CommitteeSessions.AsNoTracking().Where(s => ids.Contains(s.Id))
            .Select(s => new { s.Id, s.CommitteeId, s.Org, s.CreatedAt }).ToListAsync();
        var committeeIds = sessionRows.Select(s => s.CommitteeId).OfType<string>().Distinct().ToList();
        var committees = committeeIds.Count == 0 ? new Dictionary<string, string>()
            : await db.Committees.AsNoTracking().Where(c => committeeIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name);
        var sessions = sessionRows.ToDictionary(s => s.Id, s =>
            $"{(s.CommitteeId is { } c && committees.TryGetValue(c, out var name) ? name : StepHolders.OrgName(s.Org, registered, vocabulary))} " +
            $"评审会 {ChinaTime.DateOf(new DateTimeOffset(DateTime.SpecifyKind(s.CreatedAt, DateTimeKind.Utc))):yyyy-MM-dd}");
        return new TimelineNames(actors, sessions);
    }

    /// <summary>The names a task page needs: its timelines' actors and sessions.</summary>
    public static Task<TimelineNames> ForAsync(DesignerDbContext db, VocabularySet vocabulary, params IEnumerable<TimelineEntry>[] timelines) =>
        LoadAsync(db, vocabulary, timelines.SelectMany(t => t.Select(e => e.Actor)), timelines.SelectMany(t => t.Select(e => e.SessionId)));

    public string? Session(string? sessionId) => sessionId is not null && sessions.TryGetValue(sessionId, out var name) ? name : null;

    /// <summary>The session a journal entry's comment names ("评审会 &lt;id&gt;", as the vote and the close write it), or null.</summary>
    public static string? SessionIdOfComment(string? comment) =>
        comment is { Length: > 4 } && comment.StartsWith("评审会 ", StringComparison.Ordinal) ? comment[4..] : null;

    public ActorName? Actor(string? userName) => userName is not null && actors.TryGetValue(userName, out var name) ? name : null;

    public List<TimelineEntry> Name(IEnumerable<TimelineEntry> entries) => entries.Select(e =>
    {
        var actor = Actor(e.Actor);
        var session = e.SessionId is { } id && sessions.TryGetValue(id, out var text) ? text : null;
        return e with
        {
            ActorName = actor?.DisplayName, ActorOrg = actor?.OrgName, SessionName = session,
            // The session's own note ("评审会 <id>") is the session's name now.
            Comment = session is not null && e.Comment == $"评审会 {e.SessionId}" ? null : e.Comment,
        };
    }).ToList();

    public ApplicationDetail Name(ApplicationDetail detail) => detail with { Timeline = Name(detail.Timeline) };

    /// <summary>An applicant has no organisation to show; a unit reviewer speaks for their unit; a county bureau is named with its county.</summary>
    private static string? OrgName(string? org, string? unitName, string locality, string? county, IReadOnlyDictionary<string, string> registered, VocabularySet vocabulary)
    {
        if (org is null or "applicant" or "") return null;
        if (org == "unit") return unitName is { Length: > 0 } ? unitName : "用人单位";
        if (org.StartsWith("county/", StringComparison.Ordinal) && county is { Length: > 0 } && vocabulary.Localities.TryGetValue(locality, out var place))
            return $"{place.County(county)?.Name ?? county}{vocabulary.Name("departments", org.Split('/')[^1])}";
        return StepHolders.OrgName(org, registered, vocabulary);
    }
}
