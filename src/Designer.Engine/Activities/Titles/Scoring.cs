using System.Collections.ObjectModel;
using System.Text.Json.Nodes;
using Designer.Engine.Descriptors;
using Designer.Engine.Model;
using Designer.Engine.Runtime;

namespace Designer.Engine.Activities.Titles;

[SharedLiteral]
public sealed record ScoringCriterion(string Key, string Label, double Max);

/// <summary>Grassroots bonus for one workplace level: PerYear points per year of grassroots service, kept within [Min, Max].</summary>
[SharedLiteral]
public sealed record GrassrootsBonusRule(double PerYear, double Min, double Max);

/// <summary>
/// Quantified scoring (量化赋分): experts fill the scoring sheet; the step adds each criterion (capped at its maximum)
/// and the grassroots bonus for the applicant's workplace level and years, and stores the total in a variable.
/// </summary>
[Activity("Titles.Scoring", "量化赋分", Category = ActivityCategories.Titles, Ports = ["Pass", "Fail"], IsPersonStep = true,
    Description = "专家按评分表打分，按工作地点层级和基层年限加分，总分写入变量；达到分数线走“达到分数线”。")]
public sealed class Scoring : PersonStep
{
    [Input("评分项", UiHint = UiHints.Criteria, SupportsExpressions = false)]
    public Input<IReadOnlyList<ScoringCriterion>> Criteria { get; } = new([]);

    [Input("基层加分", UiHint = UiHints.Json, SupportsExpressions = false,
        Description = "按工作地点层级：{\"township\": {\"perYear\": 1, \"min\": 2, \"max\": 10}, \"county\": {...}}")]
    public Input<IReadOnlyDictionary<string, GrassrootsBonusRule>> GrassrootsBonus { get; } = new(ReadOnlyDictionary<string, GrassrootsBonusRule>.Empty);

    [Input("分数线", UiHint = UiHints.Number, Description = "0 表示不设分数线。")]
    public Input<double> PassScore { get; } = new(0);

    [Input("总分变量", UiHint = UiHints.VariablePicker, SupportsExpressions = false)]
    public Input<string> ScoreVariable { get; } = new("score");

    public override IReadOnlyList<string> OfferedActions() => ["approve"];

    protected override IReadOnlyList<string> ActionPorts() => ["Pass", "Fail"];

    protected override void Act(ActivityContext context, Bookmark bookmark, ResumeInput input, Assignee assignee)
    {
        var sheet = input.Data as JsonObject ?? [];
        var criteria = Criteria.LiteralOrDefault();
        var points = criteria.Count > 0
            ? criteria.Sum(c => Math.Clamp(Number(sheet[c.Key]), 0, c.Max))
            : sheet.Where(p => p.Value is JsonValue).Sum(p => Number(p.Value));
        var application = context.State.Application;
        var bonus = Bonus(GrassrootsBonus.LiteralOrDefault(), application["workplaceLevel"].AsString(), Number(application["grassrootsYears"]));
        var total = Math.Round(points + bonus, 2);
        context.State.Variables[ScoreVariable.LiteralOrDefault()] = total;
        context.State.Variables["grassrootsBonus"] = bonus;
        var passed = total >= context.Get(PassScore);
        var recorded = new ResumeInput(input.Action, new JsonObject { ["sheet"] = sheet.DeepClone(), ["bonus"] = bonus, ["total"] = total }, input.Actor, input.Comment);
        context.Record(StageCode, assignee, passed ? "pass" : "fail", recorded, [Breakdown(criteria, sheet, bonus, total)]);
        context.Complete(passed ? "Pass" : "Fail");
    }

    public static double Bonus(IReadOnlyDictionary<string, GrassrootsBonusRule> rules, string? workplaceLevel, double years) =>
        workplaceLevel is not null && rules.TryGetValue(workplaceLevel, out var rule) && years > 0
            ? Math.Clamp(years * rule.PerYear, rule.Min, rule.Max)
            : 0;

    /// <summary>“总分 86（政治表现 18/20 + 工作业绩 30/35 + 基层加分 8）”: the weights the step applied, in the application's path.</summary>
    public static string Breakdown(IReadOnlyList<ScoringCriterion> criteria, JsonObject sheet, double bonus, double total)
    {
        var parts = criteria.Select(c => $"{c.Label} {Format(Math.Clamp(Number(sheet[c.Key]), 0, c.Max))}/{Format(c.Max)}").ToList();
        if (bonus > 0) parts.Add($"基层加分 {Format(bonus)}");
        return parts.Count == 0 ? $"总分 {Format(total)}" : $"总分 {Format(total)}（{string.Join(" + ", parts)}）";
    }

    private static string Format(double value) => value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    private static double Number(JsonNode? node) => node.AsNumber() ?? 0;
}
