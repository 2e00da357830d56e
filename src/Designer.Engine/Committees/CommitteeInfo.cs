namespace Designer.Engine.Committees;

/// <summary>
/// An evaluation committee (评审委员会) as the engine sees it: one series (不得设立综合性评委会), the levels it may
/// evaluate, the office that organises it (its vote tasks wait there) and its status (draft → approved → filed).
/// </summary>
public sealed record CommitteeInfo(string Id, string Locality, string Name, IReadOnlyList<string> Series, IReadOnlyList<string> Levels,
    string Organiser, string Status)
{
    /// <summary>A committee may evaluate only once approved and filed (核准备案后，方可开展评审).</summary>
    public bool IsFiled => Status == CommitteeStatuses.Filed;

    public bool Covers(string? series, string? level) =>
        (series is null || Series.Contains(series)) && (level is null || Levels.Count == 0 || Levels.Contains(level));
}

public static class CommitteeStatuses
{
    public const string Draft = "draft";
    public const string Approved = "approved";
    public const string Filed = "filed";
    public static readonly IReadOnlyList<string> All = [Draft, Approved, Filed];
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
