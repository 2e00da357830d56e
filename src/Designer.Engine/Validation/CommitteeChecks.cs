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
        IReadOnlyList<string> series = stepSeries.Count > 0 ? stepSeries
            : scope.Series.Count > 0 ? scope.Series : CommitteeIds.DependsOnSeries(template) ? [] : vocabulary.Series.Keys.ToList();
        IReadOnlyList<string> levels = scope.Levels.Count > 0 ? scope.Levels : CommitteeIds.DependsOnLevel(template) ? [] : vocabulary.List("levels").Keys.ToList();
        foreach (var (s, l) in series.DefaultIfEmpty(null!).SelectMany(s => levels.DefaultIfEmpty(null!).Select(l => (s, l))))
        {
            if ((s is null && CommitteeIds.DependsOnSeries(template)) || (l is null && CommitteeIds.DependsOnLevel(template))) continue;
            var id = CommitteeIds.Resolve(template, definition.Locality, s, l);
            var committee = committees.Find(id);
            if (committee is null)
                Add(ProblemCodes.UnknownCommittee, $"评委会 “{id}” 不存在{For(s, l)} (no committee '{id}')");
            else if (committee.Refusal is { } refusal)
                Add(ProblemCodes.UnknownCommittee, refusal);
            else if (!committee.Covers(s, l))
                Add(ProblemCodes.CommitteeScope,
                    $"评委会 “{committee.Name}” 只评审 {string.Join("、", committee.Series)} 系列 {string.Join("、", committee.Levels)} 层级，不覆盖本流程的{For(s, l)} (committee '{id}' does not cover {s}/{l})");
        }

        void Add(string code, string message)
        {
            if (!problems.Any(p => p.ActivityId == step.Id && p.Message == message)) problems.Add(new(step.Id, at, code, message));
        }
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
