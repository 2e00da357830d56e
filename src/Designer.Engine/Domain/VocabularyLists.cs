namespace Designer.Engine.Domain;

/// <summary>
/// The vocabulary as the Studio's pickers read it (GET /api/vocabulary, `designer describe`): code → Chinese name per
/// list, code → English name per list in <see cref="English"/>, each locality's parent and counties, the engine's port
/// labels and the organisation placeholders.
/// </summary>
public sealed record VocabularyLists(
    IReadOnlyDictionary<string, string> Localities, IReadOnlyDictionary<string, string> Departments, IReadOnlyDictionary<string, string> Stages,
    IReadOnlyDictionary<string, string> Actions, IReadOnlyDictionary<string, string> Roles,
    IReadOnlyDictionary<string, string> Series, IReadOnlyDictionary<string, string> Levels, IReadOnlyDictionary<string, string> Kinds,
    IReadOnlyDictionary<string, string> EmploymentTypes, IReadOnlyDictionary<string, string> WorkplaceLevels, IReadOnlyDictionary<string, string> Education,
    IReadOnlyDictionary<string, string> ValidIn,
    IReadOnlyDictionary<string, string?> LocalityParents, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Counties,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> English,
    IReadOnlyDictionary<string, string> PortLabels, IReadOnlyList<string> OrganisationPlaceholders,
    string Version)
{
    public static VocabularyLists From(VocabularySet set)
    {
        IReadOnlyDictionary<string, string> Names(string kind) => set.List(kind).Values.ToDictionary(e => e.Code, e => e.Name);
        var localities = set.Localities.Values.ToDictionary(l => l.Code, l => l.Name);
        localities[VocabularySet.Templates] = VocabularySet.TemplatesName;
        var english = VocabularySet.Kinds.ToDictionary(k => k, k => (IReadOnlyDictionary<string, string>)
            set.List(k).Values.Where(e => e.NameEn is not null).ToDictionary(e => e.Code, e => e.NameEn!));
        english["localities"] = set.Localities.Values.Where(l => l.NameEn is not null).ToDictionary(l => l.Code, l => l.NameEn!);
        return new VocabularyLists(
            localities, Names("departments"), Names("stages"), Names("actions"), Names("roles"),
            Names("series"), Names("levels"), Names("kinds"), Names("employmentTypes"), Names("workplaceLevels"), Names("education"), Names("validIn"),
            set.Localities.Values.ToDictionary(l => l.Code, l => l.Parent),
            set.Localities.Values.ToDictionary(l => l.Code, l => (IReadOnlyDictionary<string, string>)l.Counties.ToDictionary(c => c.Code, c => c.Name)),
            english, Vocabulary.PortLabels, Vocabulary.OrganisationPlaceholders, set.Version);
    }
}
