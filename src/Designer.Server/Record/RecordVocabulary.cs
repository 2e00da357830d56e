using Designer.Engine.Domain;

namespace Designer.Server.Record;

/// <summary>The codes a record entry may use. One seam: the vocabulary becomes data elsewhere and is rewired here.</summary>
public static class RecordVocabulary
{
    public static bool SeriesExists(string code) => ApplicantCodes.Series.Contains(code);
    public static bool LevelExists(string code) => ApplicantCodes.Levels.Contains(code);

    public static readonly string[] TitleSources = ["import", "certificate", "other-region"];
    public static readonly string[] HourCategories = ["public", "professional"];
}
