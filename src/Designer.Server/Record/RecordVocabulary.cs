using Designer.Engine.Domain;

namespace Designer.Server.Record;

/// <summary>The codes a record entry may use, from the vocabulary the server holds.</summary>
public sealed class RecordVocabulary(VocabularySet names)
{
    public bool SeriesExists(string code) => names.Series.ContainsKey(code);
    public bool LevelExists(string code) => names.Levels.ContainsKey(code);

    public static readonly string[] TitleSources = ["import", "certificate", "other-region"];
    public static readonly string[] HourCategories = ["public", "professional"];
}
