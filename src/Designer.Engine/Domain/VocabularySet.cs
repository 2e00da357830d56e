using System.Text.Json;
using System.Text.Json.Serialization;

namespace Designer.Engine.Domain;

/// <summary>One code of the shared vocabulary with its Chinese and English names.</summary>
public sealed record VocabularyEntry(string Code, string Name, string? NameEn = null);

/// <summary>A locality (region → prefecture → county-level), its parent and its counties.</summary>
public sealed record LocalityEntry(string Code, string Name, string? NameEn, string? Parent, IReadOnlyList<VocabularyEntry> Counties)
{
    /// <summary>The county an application names, by code or by name.</summary>
    public VocabularyEntry? County(string? codeOrName) =>
        string.IsNullOrEmpty(codeOrName) ? null : Counties.FirstOrDefault(c => c.Code == codeOrName || c.Name == codeOrName);
}

/// <summary>
/// The organisational world the validator, catalog and pickers read: localities with their counties and the code
/// lists of contract.md (departments, stages, actions, roles, series, levels, kinds, employment types...). Immutable;
/// the server builds one from its database, the CLI and tests from workflows/world/*.json.
/// </summary>
public sealed class VocabularySet
{
    /// <summary>The pseudo-locality of the shared templates.</summary>
    public const string Templates = "templates";
    public const string TemplatesName = "通用模板";

    /// <summary>The code lists besides localities, by the kind name used in files and in /api/vocabulary/{kind}.</summary>
    public static readonly IReadOnlyList<string> Kinds =
        ["departments", "stages", "actions", "roles", "series", "levels", "kinds", "employmentTypes", "workplaceLevels", "education", "validIn"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, VocabularyEntry>> _lists;

    public VocabularySet(IEnumerable<LocalityEntry> localities, IReadOnlyDictionary<string, IReadOnlyList<VocabularyEntry>> lists, string version = "")
    {
        Localities = localities.ToDictionary(l => l.Code);
        _lists = Kinds.ToDictionary(k => k, k => (IReadOnlyDictionary<string, VocabularyEntry>)
            (lists.TryGetValue(k, out var entries) ? entries : []).ToDictionary(e => e.Code));
        Version = version;
    }

    public static readonly VocabularySet Empty = new([], new Dictionary<string, IReadOnlyList<VocabularyEntry>>());

    /// <summary>A stamp that changes whenever an entry changes (the server's cache key).</summary>
    public string Version { get; }

    public IReadOnlyDictionary<string, LocalityEntry> Localities { get; }

    public IReadOnlyDictionary<string, VocabularyEntry> List(string kind) =>
        _lists.TryGetValue(kind, out var list) ? list : throw new ArgumentException($"unknown vocabulary kind {kind}", nameof(kind));

    public IReadOnlyDictionary<string, VocabularyEntry> Departments => List("departments");
    public IReadOnlyDictionary<string, VocabularyEntry> Stages => List("stages");
    public IReadOnlyDictionary<string, VocabularyEntry> Actions => List("actions");
    public IReadOnlyDictionary<string, VocabularyEntry> Roles => List("roles");
    public IReadOnlyDictionary<string, VocabularyEntry> Series => List("series");
    public IReadOnlyDictionary<string, VocabularyEntry> Levels => List("levels");
    public IReadOnlyDictionary<string, VocabularyEntry> ApplicationKinds => List("kinds");
    public IReadOnlyDictionary<string, VocabularyEntry> EmploymentTypes => List("employmentTypes");

    /// <summary>A workflow may belong to a locality or to the shared templates.</summary>
    public bool IsWorkflowLocality(string? code) => code == Templates || (code is not null && Localities.ContainsKey(code));

    public string LocalityName(string code) =>
        code == Templates ? TemplatesName : Localities.TryGetValue(code, out var l) ? l.Name : code;

    /// <summary>A code's Chinese name in a list, else the code itself.</summary>
    public string Name(string kind, string? code) =>
        code is null ? "" : _lists.TryGetValue(kind, out var list) && list.TryGetValue(code, out var e) ? e.Name : code;

    /// <summary>An action's name, else the engine's own port label.</summary>
    public string PortLabel(string port) => Actions.TryGetValue(port, out var action) ? action.Name : Vocabulary.PortLabel(port);

    /// <summary>
    /// True for the placeholders (`unit`, `county/hr`, `applicant`, `system`), `county/&lt;department&gt;`,
    /// `&lt;locality&gt;/&lt;department&gt;`, `&lt;locality&gt;/&lt;county&gt;/&lt;department&gt;`, `&lt;locality&gt;/enterprise/&lt;id&gt;`,
    /// and `{locality}/&lt;department&gt;` (templates: replaced by the workflow's locality).
    /// </summary>
    public bool IsOrganisation(string org)
    {
        if (Vocabulary.OrganisationPlaceholders.Contains(org)) return true;
        var parts = org.Split('/');
        if (parts.Length < 2) return false;
        if (parts[0] == Vocabulary.CountyPrefix) return parts.Length == 2 && Departments.ContainsKey(parts[1]);
        var locality = parts[0] == "{locality}" ? null : Localities.GetValueOrDefault(parts[0]);
        if (locality is null && parts[0] != "{locality}") return false;
        if (parts[1] == "enterprise") return parts.Length == 3 && parts[2].Length > 0;
        if (parts.Length == 3) return locality?.Counties.Any(c => c.Code == parts[1]) == true && Departments.ContainsKey(parts[2]);
        return parts.Length == 2 && Departments.ContainsKey(parts[1]);
    }

    /// <summary>Reads workflows/world/vocabulary.json and localities.json; a missing file gives empty lists.</summary>
    public static VocabularySet Load(string worldFolder)
    {
        var vocabularyFile = Path.Combine(worldFolder, VocabularyFile);
        var localitiesFile = Path.Combine(worldFolder, LocalitiesFile);
        return Parse(File.Exists(vocabularyFile) ? File.ReadAllText(vocabularyFile) : "{}",
            File.Exists(localitiesFile) ? File.ReadAllText(localitiesFile) : "[]");
    }

    public const string VocabularyFile = "vocabulary.json";
    public const string LocalitiesFile = "localities.json";

    public static VocabularySet Parse(string vocabularyJson, string localitiesJson)
    {
        var lists = JsonSerializer.Deserialize<Dictionary<string, List<VocabularyEntry>>>(vocabularyJson, Json) ?? [];
        var localities = JsonSerializer.Deserialize<List<LocalityFile>>(localitiesJson, Json) ?? [];
        return new VocabularySet(
            localities.Select(l => new LocalityEntry(l.Code, l.Name, l.NameEn, l.Parent, l.Counties ?? [])),
            lists.ToDictionary(p => p.Key, p => (IReadOnlyList<VocabularyEntry>)p.Value),
            version: "files");
    }

    private sealed record LocalityFile(string Code, string Name, string? NameEn, string? Parent, List<VocabularyEntry>? Counties);
}
