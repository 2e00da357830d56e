using Designer.Engine.Activities.Titles;
using Designer.Engine.Committees;
using Designer.Engine.Domain;
using Designer.Engine.Model;
using Designer.Engine.Runtime;

namespace Designer.Engine.Validation;

/// <summary>
/// A committee-vote step's committee exists, is filed, and covers the workflow's scope: for each series the workflow
/// applies to, the committee it names (with "{series}" resolved) evaluates that series and the workflow's levels.
/// A workflow without listed series may only name a committee through "{series}" (one committee cannot serve all).
/// </summary>
internal static class CommitteeChecks
{
    /// <summary>Missing committees named in one problem before "等 N 个".</summary>
    private const int MaxNamed = 6;

    public static void Run(CommitteeVote vote, WorkflowDefinition definition, string path, ICommitteeCatalog committees, VocabularySet vocabulary,
        List<ValidationProblem> problems) =>
        Run(vote, vote.Committee.LiteralOrDefault(), vote.Series.LiteralOrDefault(), definition, path, committees, vocabulary, problems);

    /// <summary>
    /// An entrusted evaluation names another locality's committee (checked without a catalog too), and with a catalog
    /// the same checks as a vote's committee.
    /// </summary>
    public static void Run(Entrustment entrustment, WorkflowDefinition definition, string path, ICommitteeCatalog? committees, VocabularySet vocabulary,
        List<ValidationProblem> problems)
    {
        var template = entrustment.Committee.LiteralOrDefault();
        if (entrustment.Committee.Expression is { Type: not Expressions.ExpressionTypes.Literal } || template.Length == 0) return;
        var locality = template.StartsWith("{locality}/", StringComparison.Ordinal) ? definition.Locality : CommitteeAssignment.LocalityOf(template);
        if (locality == definition.Locality)
            problems.Add(new(entrustment.Id, path + ".committee", ProblemCodes.EntrustmentOwnLocality,
                $"委托评审须交其他地区的评委会，“{template}” 属于本地区 (an entrusted evaluation names another locality's committee)"));
        else if (committees is not null)
            Run(entrustment, template, entrustment.Series.LiteralOrDefault(), definition, path, committees, vocabulary, problems);
    }

    private static void Run(Activity step, string template, IReadOnlyList<string> stepSeries, WorkflowDefinition definition, string path,
        ICommitteeCatalog committees, VocabularySet vocabulary, List<ValidationProblem> problems)
    {
        if (template.Length == 0) return;
        var at = path + ".committee";
        var scope = definition.Scope;
        // An empty scope admits every series and level of the vocabulary: each committee the step resolves to for them
        // must exist and cover them, or the applicant's own series and level would fault the vote.
        IReadOnlyList<string> series = stepSeries.Count > 0 ? stepSeries : scope.Series.Count > 0 ? scope.Series : vocabulary.Series.Keys.ToList();
        IReadOnlyList<string> levels = scope.Levels.Count > 0 ? scope.Levels : vocabulary.Levels.Keys.ToList();
        var uncovered = new Dictionary<string, (CommitteeInfo Committee, List<string> Series, List<string> Levels)>();
        var missing = new Dictionary<string, (string Series, string Level)>();
        foreach (var (s, l) in series.SelectMany(s => levels.Select(l => (s, l))))
        {
            var id = CommitteeIds.Resolve(template, definition.Locality, s, l);
            var committee = committees.Find(id);
            if (committee is null)
                missing.TryAdd(id, (s, l));
            else if (committee.Refusal is { } refusal)
                Add(ProblemCodes.UnknownCommittee, refusal);
            else if (!committee.Covers(s, l))
            {
                if (!uncovered.TryGetValue(id, out var gap)) uncovered[id] = gap = (committee, [], []);
                if (!gap.Series.Contains(s)) gap.Series.Add(s);
                if (!gap.Levels.Contains(l)) gap.Levels.Add(l);
            }
        }
        if (missing.Count == 1 && missing.Single() is var (only, (oneSeries, oneLevel)))
            Add(ProblemCodes.UnknownCommittee, $"“{step.Label}”：评委会 “{only}” 不存在" +
                $"{For(CommitteeIds.DependsOnSeries(template) ? oneSeries : null, CommitteeIds.DependsOnLevel(template) ? oneLevel : null)} (no committee '{only}')");
        else if (missing.Count > 1)
        {
            var named = string.Join("、", missing.Keys.Take(MaxNamed).Select(id => $"“{id}”")) + (missing.Count > MaxNamed ? $" 等 {missing.Count} 个" : "");
            Add(ProblemCodes.UnknownCommittee, $"“{step.Label}”：本流程适用范围内的系列和层级没有对应的评委会：{named}；请限定适用范围或设立评委会 " +
                $"(no committees {string.Join(", ", missing.Keys.Take(MaxNamed).Select(id => $"'{id}'"))}{(missing.Count > MaxNamed ? $" and {missing.Count - MaxNamed} more" : "")} for series and levels the scope admits)");
        }
        foreach (var (id, (committee, gapSeries, gapLevels)) in uncovered)
            Add(ProblemCodes.CommitteeScope, Uncovered(step, id, committee, gapSeries, gapLevels, vocabulary));

        void Add(string code, string message)
        {
            if (!problems.Any(p => p.ActivityId == step.Id && p.Message == message)) problems.Add(new(step.Id, at, code, message));
        }
    }

    /// <summary>
    /// "“评委会表决”：评委会“…”只评审 教师 系列 中级、副高级，本流程的适用范围还包括 正高级": the step, the committee, what it covers
    /// and what the scope admits beyond it. A series the committee does not evaluate at all is named as a series.
    /// </summary>
    private static string Uncovered(Activity step, string id, CommitteeInfo committee, List<string> series, List<string> levels, VocabularySet vocabulary)
    {
        string Names(string kind, IEnumerable<string> codes) => string.Join("、", codes.Select(c => vocabulary.Name(kind, c)));
        var covers = $"{Names("series", committee.Series)} 系列" + (committee.Levels.Count > 0 ? $" {Names("levels", committee.Levels)}" : "");
        var otherSeries = series.Where(s => !committee.Series.Contains(s)).ToList();
        var beyond = otherSeries.Count > 0 ? $"{Names("series", otherSeries)} 系列" : Names("levels", levels);
        var english = otherSeries.Count > 0 ? $"series {string.Join(", ", otherSeries)}" : $"level(s) {string.Join(", ", levels)}";
        return $"“{step.Label}”：评委会 “{committee.Name}” 只评审 {covers}，本流程的适用范围还包括 {beyond} " +
               $"(step '{step.Id}': committee '{id}' does not cover {english} that the workflow's scope admits)";
    }

    private static string For(string? series, string? level) =>
        (series, level) switch
        {
            (null, null) => "",
            (_, null) => $"（{series} 系列）",
            (null, _) => $"（{level} 层级）",
            _ => $"（{series} 系列 {level} 层级）",
        };
}
