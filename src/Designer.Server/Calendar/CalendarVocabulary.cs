using Designer.Engine.Domain;

namespace Designer.Server.Calendar;

/// <summary>The calendar's questions about the vocabulary, in one place (the vocabulary becomes data elsewhere).</summary>
public static class CalendarVocabulary
{
    public static bool LocalityExists(string code) => Vocabulary.Localities.ContainsKey(code);
    public static IReadOnlyList<string> Kinds => ApplicantCodes.Kinds;
    public static IReadOnlyList<string> Series => ApplicantCodes.Series;
    public static IReadOnlyList<string> Levels => ApplicantCodes.Levels;
}
