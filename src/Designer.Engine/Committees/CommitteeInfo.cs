namespace Designer.Engine.Committees;

/// <summary>
/// An evaluation committee (评审委员会) as the engine sees it: one series (不得设立综合性评委会), the levels it may
/// evaluate, the office that organises it (its vote tasks wait there), its status (draft → approved → filed, then
/// possibly suspended or revoked) and the day its evaluation standards were published (谁评审、谁定标准，提前向社会公布).
/// </summary>
public sealed record CommitteeInfo(string Id, string Locality, string Name, IReadOnlyList<string> Series, IReadOnlyList<string> Levels,
    string Organiser, string Status, string? StandardsPublishedOn = null)
{
    /// <summary>A committee may evaluate only once approved and filed (核准备案后，方可开展评审), and not while suspended or after its right is withdrawn.</summary>
    public bool IsFiled => Status == CommitteeStatuses.Filed;

    /// <summary>Why the committee may not evaluate now, or null: not yet filed, suspended (责令整改、暂停评审), or its right withdrawn (收回评审权).</summary>
    public string? Refusal => Status switch
    {
        CommitteeStatuses.Filed => null,
        CommitteeStatuses.Suspended => $"评委会 “{Name}” 已被责令整改、暂停评审工作，不能开展评审 (committee '{Id}' is suspended)",
        CommitteeStatuses.Revoked => $"评委会 “{Name}” 的职称评审权已被收回，不能开展评审 (committee '{Id}' has had its right to evaluate withdrawn)",
        _ => $"评委会 “{Name}” 尚未核准备案，不能开展评审 (committee '{Id}' is {Status}, not filed)",
    };

    /// <summary>True when the standards were published on or before the day (a date is yyyy-MM-dd).</summary>
    public bool StandardsPublishedBy(DateOnly day) =>
        DateOnly.TryParseExact(StandardsPublishedOn, "yyyy-MM-dd", out var published) && published <= day;

    public bool Covers(string? series, string? level) =>
        (series is null || Series.Contains(series)) && (level is null || Levels.Count == 0 || Levels.Contains(level));
}

public static class CommitteeStatuses
{
    public const string Draft = "draft";
    public const string Approved = "approved";
    public const string Filed = "filed";
    /// <summary>责令限期整改，暂停评审工作: back to filed when reinstated.</summary>
    public const string Suspended = "suspended";
    /// <summary>收回职称评审权: final.</summary>
    public const string Revoked = "revoked";
    /// <summary>The statuses a committee's registration moves through, in order (suspension and withdrawal are separate actions).</summary>
    public static readonly IReadOnlyList<string> All = [Draft, Approved, Filed];
    public static readonly IReadOnlyList<string> Governance = [Suspended, Revoked];
}

/// <summary>The committees the engine is given (the server keeps them; tests and the CLI may pass a file's).</summary>
public interface ICommitteeCatalog
{
    CommitteeInfo? Find(string id);
}

public sealed class CommitteeCatalog(IEnumerable<CommitteeInfo> committees) : ICommitteeCatalog
{
    private readonly Dictionary<string, CommitteeInfo> _byId = committees.ToDictionary(c => c.Id, StringComparer.Ordinal);

    public CommitteeInfo? Find(string id) => _byId.GetValueOrDefault(id);

    public static readonly CommitteeCatalog Empty = new([]);

    /// <summary>This catalog with some committees replaced (a simulation case's own `committees`, e.g. one suspended).</summary>
    public static ICommitteeCatalog With(ICommitteeCatalog? catalog, IReadOnlyList<CommitteeInfo> replaced) =>
        replaced.Count == 0 && catalog is not null ? catalog : new Overlay(catalog, replaced.ToDictionary(c => c.Id, StringComparer.Ordinal));

    private sealed class Overlay(ICommitteeCatalog? inner, Dictionary<string, CommitteeInfo> replaced) : ICommitteeCatalog
    {
        public CommitteeInfo? Find(string id) => replaced.GetValueOrDefault(id) ?? inner?.Find(id);
    }
}

/// <summary>
/// A committee-vote step names its committee, for one series or for each: "{series}" and "{level}" are the
/// applicant's, "{locality}" the workflow's (e.g. "&lt;locality&gt;/committee/{series}-deputy-senior").
/// </summary>
public static class CommitteeIds
{
    public static string Resolve(string template, string locality, string? series, string? level) =>
        template.Replace("{locality}", locality).Replace("{series}", series ?? "").Replace("{level}", level ?? "");

    public static bool DependsOnSeries(string template) => template.Contains("{series}", StringComparison.Ordinal);
    public static bool DependsOnLevel(string template) => template.Contains("{level}", StringComparison.Ordinal);
}
