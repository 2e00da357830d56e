using Designer.Engine.Domain;

namespace Designer.Server.Calendar;

/// <summary>The calendar's questions about the vocabulary (the database copy the server holds), in one place.</summary>
public sealed class CalendarVocabulary(VocabularySet names)
{
    public bool LocalityExists(string code) => code != VocabularySet.Templates && names.Localities.ContainsKey(code);
    public IReadOnlyList<string> Kinds => names.ApplicationKinds.Keys.ToList();
    public IReadOnlyList<string> Series => names.Series.Keys.ToList();
    public IReadOnlyList<string> Levels => names.Levels.Keys.ToList();
}
