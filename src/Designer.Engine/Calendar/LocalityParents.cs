namespace Designer.Engine.Calendar;

/// <summary>
/// Which authority's holidays a locality also keeps (region → prefecture): Xinjiang's for its prefectures.
/// The one place the calendar asks about the administrative hierarchy.
/// </summary>
public static class LocalityParents
{
    private static readonly Dictionary<string, string> Parents = new()
    {
        ["bazhou"] = "xinjiang", ["kashgar"] = "xinjiang", ["xj-prefecture"] = "xinjiang", ["qiaocheng"] = "bozhou",
    };

    public static string? ParentOf(string locality) => Parents.GetValueOrDefault(locality);

    /// <summary>The locality, then its parent, then the parent's parent.</summary>
    public static IEnumerable<string> SelfAndAncestors(string locality)
    {
        var seen = new HashSet<string>();
        for (string? current = locality; current is not null && seen.Add(current); current = ParentOf(current))
            yield return current;
    }
}
