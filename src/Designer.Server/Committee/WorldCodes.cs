using Designer.Engine.Domain;

namespace Designer.Server.Committee;

/// <summary>
/// What the committees and the expert pool ask of the vocabulary (localities, series, levels, organisations), in one
/// place, so that the vocabulary can move to data without touching the committee code.
/// </summary>
public static class WorldCodes
{
    public static bool LocalityExists(string code) => Vocabulary.Localities.ContainsKey(code) && code != Auth.Shared.Templates;
    public static bool SeriesExists(string code) => ApplicantCodes.Series.Contains(code);
    public static bool LevelExists(string code) => ApplicantCodes.Levels.Contains(code);

    /// <summary>An office of the locality (e.g. "bazhou/hr", "bazhou/education") that can organise a committee.</summary>
    public static bool IsOfficeOf(string org, string locality) => org.StartsWith(locality + "/", StringComparison.Ordinal) && Vocabulary.IsOrganisation(org);
}
