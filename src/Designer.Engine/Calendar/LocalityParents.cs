using Designer.Engine.Domain;

namespace Designer.Engine.Calendar;

/// <summary>
/// Which authority's holidays a locality also keeps (region → prefecture), from the localities' parents.
/// The one place the calendar asks about the administrative hierarchy.
/// </summary>
public sealed class LocalityParents(IReadOnlyDictionary<string, string> parents)
{
    /// <summary>No hierarchy: each locality keeps only its own overlays.</summary>
    public static readonly LocalityParents None = new(new Dictionary<string, string>());

    /// <summary>The parents the vocabulary's localities name (workflows/world/localities.json, or the database copy).</summary>
    public static LocalityParents Of(VocabularySet vocabulary) => new(vocabulary.Localities.Values
        .Where(l => !string.IsNullOrEmpty(l.Parent)).ToDictionary(l => l.Code, l => l.Parent!, StringComparer.Ordinal));

    public string? ParentOf(string locality) => parents.GetValueOrDefault(locality);

    /// <summary>The locality, then its parent, then the parent's parent.</summary>
    public IEnumerable<string> SelfAndAncestors(string locality)
    {
        var seen = new HashSet<string>();
        for (string? current = locality; current is not null && seen.Add(current); current = ParentOf(current))
            yield return current;
    }
}
