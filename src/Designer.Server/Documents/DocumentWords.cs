using Designer.Engine.Domain;

namespace Designer.Server.Documents;

/// <summary>
/// The Chinese names documents print for codes (series, levels, localities, session decisions). Vocabulary codes are
/// named by the world's vocabulary (an entry added by a policy admin prints by its name); only the engine's own
/// decisions and statuses are named here.
/// </summary>
public static class DocumentWords
{
    private static readonly Dictionary<string, string> DecisionNames = new()
    {
        [SessionDecision.Passed] = "通过", [SessionDecision.FailedVote] = "表决未通过",
        [SessionDecision.Eliminated] = "末位淘汰", [SessionDecision.Capped] = "超出通过率上限",
    };

    private static readonly Dictionary<string, string> StatusNames = new()
    {
        ["Draft"] = "草稿", ["Waiting"] = "办理中", ["Completed"] = "已办结", ["Rejected"] = "未通过", ["Faulted"] = "出错",
        ["Cancelled"] = "已撤销", ["Withdrawn"] = "已撤回",
    };

    /// <summary>Where a directed title is valid: a code of the vocabulary's validIn list, a locality code, or free text.</summary>
    public static string ValidIn(string code, VocabularySet names) =>
        names.List("validIn").TryGetValue(code, out var entry) ? entry.Name : names.LocalityName(code);

    public static string Series(string? code, VocabularySet names) => names.Name("series", code);
    public static string Level(string? code, VocabularySet names) => names.Name("levels", code);
    public static string Decision(string? code) => Name(DecisionNames, code);
    public static string Status(string? code) => Name(StatusNames, code);
    public static string Locality(string? code, VocabularySet names) => code is null ? "" : names.LocalityName(code);
    public static string Stage(string? code, VocabularySet names) => names.Name("stages", code);

    private static string Name(Dictionary<string, string> names, string? code) => code is null ? "" : names.GetValueOrDefault(code, code);
}
