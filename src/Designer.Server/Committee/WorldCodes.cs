using Designer.Engine.Domain;

namespace Designer.Server.Committee;

/// <summary>What the committees and the expert pool ask of the vocabulary (localities, series, levels, organisations).</summary>
public sealed class WorldCodes(VocabularySet names)
{
    public bool LocalityExists(string code) => code != VocabularySet.Templates && names.Localities.ContainsKey(code);
    public bool SeriesExists(string code) => names.Series.ContainsKey(code);
    public bool LevelExists(string code) => names.Levels.ContainsKey(code);

    /// <summary>An office of the locality (e.g. "&lt;locality&gt;/hr") that can organise a committee.</summary>
    public bool IsOfficeOf(string org, string locality) => org.StartsWith(locality + "/", StringComparison.Ordinal) && names.IsOrganisation(org);
}
