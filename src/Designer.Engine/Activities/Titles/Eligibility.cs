using System.Text.Json.Nodes;
using Designer.Engine.Descriptors;
using Designer.Engine.Model;
using Designer.Engine.Runtime;

namespace Designer.Engine.Activities.Titles;

/// <summary>A rule an applicant must meet: a JavaScript condition over the application, and the reason shown when it fails.</summary>
public sealed record EligibilityRule(string Condition, string Reason);

/// <summary>
/// Automatic eligibility check (资格审查). Every failed rule adds a reason; any reason routes to "Ineligible".
/// The reasons are kept in the path and in the variable `eligibilityReasons`.
/// </summary>
[Activity("Titles.Eligibility", "资格审查（自动）", Category = ActivityCategories.Rules, Ports = ["Eligible", "Ineligible"],
    Description = "按规则自动审查申报资格：每年一种资格、排除的人员类别、最低年限及自定义条件。")]
public sealed class Eligibility : Activity
{
    [Input("每年只能申报一种资格", UiHint = UiHints.Checkbox, Description = "同一年度已有任何申报（定向或通用、任何系列）即不符合。")]
    public Input<bool> OneQualificationPerYear { get; } = new(true);

    [Input("每年只能申报一个系列", UiHint = UiHints.Checkbox, Description = "同一年度已申报其他系列即不符合。")]
    public Input<bool> OneSeriesPerYear { get; } = new(false);

    [Input("不得申报的人员类别", UiHint = UiHints.StringList, SupportsExpressions = false,
        Options = ["public-institution", "enterprise", "freelancer", "civil-servant", "civil-servant-managed", "retired"])]
    public Input<IReadOnlyList<string>> ExcludedEmploymentTypes { get; } = new([]);

    [Input("最低年限", UiHint = UiHints.Json, SupportsExpressions = false, Description = "如 {\"grassrootsYears\": 3}：字段不小于给定值。")]
    public Input<Dictionary<string, double>> MinimumYears { get; } = new([]);

    [Input("其他条件", UiHint = UiHints.RuleTable, SupportsExpressions = false, Description = "每条：条件（JavaScript，为真才符合）与不符合时的原因。")]
    public Input<List<EligibilityRule>> Rules { get; } = new([]);

    public override void Execute(ActivityContext context)
    {
        var application = context.State.Application;
        var reasons = new List<string>();
        var year = context.Today.Year;
        var sameYear = context.State.History.OfType<JsonObject>().Where(h => YearOf(h) == year).ToList();
        if (context.Get(OneQualificationPerYear) && sameYear.Count > 0)
            reasons.Add($"{year} 年度已申报过职称资格（{Describe(sameYear[0])}），每年只能申报一种资格");
        if (context.Get(OneSeriesPerYear) && sameYear.FirstOrDefault(h => h["series"].AsString() != application["series"].AsString()) is { } other)
            reasons.Add($"{year} 年度已申报 {other["series"].AsString()} 系列，同一年度只能申报一个系列");
        var employment = application["employmentType"].AsString();
        var excluded = ExcludedEmploymentTypes.LiteralOrDefault();
        if (excluded.Count > 0 && string.IsNullOrEmpty(employment))
            reasons.Add("未填写人员类别，无法审查是否属于不得申报的人员 (employmentType is blank)");
        else if (employment is not null && excluded.Contains(employment))
            reasons.Add($"人员类别 {employment} 不在申报范围内");
        foreach (var (field, minimum) in MinimumYears.LiteralOrDefault())
        {
            var value = application[field].AsNumber() ?? 0;
            if (value < minimum) reasons.Add($"{field} 为 {value}，不满足不少于 {minimum} 年的要求");
        }
        foreach (var rule in Rules.LiteralOrDefault())
            if (!ValueConverter.IsTruthy(context.RunScript(rule.Condition)))
                reasons.Add(rule.Reason);

        context.State.Variables["eligibilityReasons"] = new JsonArray([.. reasons.Select(r => JsonValue.Create(r))]);
        var eligible = reasons.Count == 0;
        context.Record("eligibility", new Assignee("system", "system"), eligible ? "pass" : "fail", reasons: eligible ? null : reasons);
        context.Complete(eligible ? "Eligible" : "Ineligible");
    }

    public override IEnumerable<(string Input, string Script)> EmbeddedScripts() =>
        Rules.LiteralOrDefault().Select(r => ("rules", r.Condition));

    private static int YearOf(JsonObject entry) => (int)(entry["year"].AsNumber() ?? 0);

    private static string Describe(JsonObject entry) =>
        string.Join(" ", new[] { entry["kind"].AsString(), entry["series"].AsString(), entry["level"].AsString() }.Where(s => s is not null));
}
