using System.Collections.ObjectModel;
using System.Text.Json.Nodes;
using Designer.Engine.Descriptors;
using Designer.Engine.Domain;
using Designer.Engine.Model;
using Designer.Engine.Runtime;

namespace Designer.Engine.Activities.Titles;

/// <summary>A rule an applicant must meet: a JavaScript condition over the application, and the reason shown when it fails.</summary>
[SharedLiteral]
public sealed record EligibilityRule(string Condition, string Reason);

/// <summary>
/// Automatic eligibility check (资格审查). Every failed rule adds a reason; any reason routes to "Ineligible".
/// The reasons are kept in the path and in the variable `eligibilityReasons`.
/// </summary>
[Activity("Titles.Eligibility", "资格审查（自动）", Category = ActivityCategories.Rules, Ports = ["Eligible", "Ineligible"],
    Description = "按规则自动审查申报资格：每年一种资格、排除的人员类别、最低年限、诚信档案、现有职称及自定义条件。")]
public sealed class Eligibility : Activity
{
    [Input("每年只能申报一种资格", UiHint = UiHints.Checkbox, Description = "同一年度已有任何申报（定向或通用、任何系列）即不符合。")]
    public Input<bool> OneQualificationPerYear { get; } = new(true);

    [Input("每年一种资格不计入", UiHint = UiHints.StringList, SupportsExpressions = false,
        Options = [HistoryCounting.RejectedAtEligibility, HistoryCounting.Rejected, HistoryCounting.Withdrawn],
        Description = "按政策不计入“每年一种资格”的往年申报：rejected-at-eligibility（资格审查未通过）、rejected（任何环节未通过）、withdrawn（撤回）。")]
    public Input<IReadOnlyList<string>> OneQualificationPerYearIgnores { get; } = new([HistoryCounting.RejectedAtEligibility, HistoryCounting.Withdrawn]);

    [Input("每年只能申报一个系列", UiHint = UiHints.Checkbox, Description = "同一年度已申报其他系列即不符合。")]
    public Input<bool> OneSeriesPerYear { get; } = new(false);

    [Input("不得申报的人员类别", UiHint = UiHints.StringList, SupportsExpressions = false,
        Options = ["public-institution", "enterprise", "freelancer", "civil-servant", "civil-servant-managed", "retired"])]
    public Input<IReadOnlyList<string>> ExcludedEmploymentTypes { get; } = new([]);

    [Input("最低年限", UiHint = UiHints.Json, SupportsExpressions = false, Description = "如 {\"grassrootsYears\": 3}：字段不小于给定值。")]
    public Input<IReadOnlyDictionary<string, double>> MinimumYears { get; } = new(ReadOnlyDictionary<string, double>.Empty);

    [Input("有效诚信档案记录不得申报", UiHint = UiHints.Checkbox, Description = "申报人在记录期内的诚信档案记录（弄虚作假等）即不符合，原因写明该记录。")]
    public Input<bool> RefuseActiveIntegrityRecord { get; } = new(true);

    [Input("定向职称不作为晋升通用职称的依据", UiHint = UiHints.Checkbox,
        Description = "申报更高一级的非定向职称时，现有职称为定向职称（且无同级通用职称）即不符合。无职称记录时不检查。")]
    public Input<bool> BasisTitleMustNotBeDirected { get; } = new(false);

    [Input("须重新评聘或不得聘任的职称不作为晋升依据", UiHint = UiHints.Checkbox,
        Description = "职称登记册上现有职称登记为须重新评聘（reevaluate）或在现单位不得聘任（restricted）时，不得以其申报更高一级职称（默认开启）；同级重新评聘不受影响。")]
    public Input<bool> BasisTitleMustBeInForce { get; } = new(true);

    [Input("逐级晋升", UiHint = UiHints.Checkbox, Description = "申报级别不得高于现有职称的上一级。无职称记录时不检查。")]
    public Input<bool> OneLevelAtATime { get; } = new(false);

    [Input("其他条件", UiHint = UiHints.RuleTable, SupportsExpressions = false, Description = "每条：条件（JavaScript，为真才符合）与不符合时的原因。")]
    public Input<IReadOnlyList<EligibilityRule>> Rules { get; } = new([]);

    public override void Execute(ActivityContext context)
    {
        var application = context.State.Application;
        var reasons = new List<string>();
        var year = context.Today.Year;
        var ignored = OneQualificationPerYearIgnores.LiteralOrDefault();
        var sameYear = context.State.History.OfType<JsonObject>().Where(h => YearOf(h) == year && !HistoryCounting.Ignores(ignored, h)).ToList();
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
        reasons.AddRange(RecordReasons(context, application));
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

    /// <summary>What the applicant's record (titles held, integrity) says against this application.</summary>
    private IEnumerable<string> RecordReasons(ActivityContext context, JsonObject application)
    {
        var record = context.State.Record;
        if (context.Get(RefuseActiveIntegrityRecord) &&
            ApplicantRecord.ActiveIntegrityRecord(record[ApplicantRecord.Integrity], context.Today) is { } finding)
            yield return $"诚信档案记录期内不得申报：{finding["finding"].AsString()}（{finding["from"].AsString()} 至 {finding["until"].AsString()}）";

        var titles = record[ApplicantRecord.Titles];
        var series = application["series"].AsString();
        var current = ApplicantRecord.CurrentTitle(titles, series) ?? ApplicantRecord.CurrentTitle(titles);
        if (current is null) yield break;
        var level = application["level"].AsString();
        var held = current["level"].AsString();
        var higher = ApplicantRecord.LevelRank(level) > ApplicantRecord.LevelRank(held);
        if (context.Get(BasisTitleMustNotBeDirected) && higher && application["kind"].AsString() != "directed" && IsDirected(current) &&
            !(titles as JsonArray ?? []).OfType<JsonObject>().Any(t => t["level"].AsString() == held && !IsDirected(t)))
            yield return $"现有职称（{Describe(current)}）为定向职称，不作为申报更高一级通用职称的依据，须先取得同级通用职称";
        if (context.Get(BasisTitleMustBeInForce) && higher && ApplicantRecord.StandingBarsPromotion(current) is { } standing)
            yield return $"现有职称（{Describe(current)}）已登记为{TitleStatus.StatusName(standing)}（{current["statusReason"].AsString() ?? "职称效力登记"}），" +
                         $"未重新评聘前不作为申报更高一级职称的依据 (a title registered as {standing} is not a basis for a higher title)";
        if (context.Get(OneLevelAtATime) && ApplicantRecord.LevelRank(level) > ApplicantRecord.LevelRank(held) + 1)
            yield return $"现有职称为 {held}，只能逐级申报上一级职称，不能申报 {level}";
    }

    private static bool IsDirected(JsonObject title) => title["directed"] is JsonValue v && v.TryGetValue<bool>(out var directed) && directed;

    private static int YearOf(JsonObject entry) => (int)(entry["year"].AsNumber() ?? 0);

    private static string Describe(JsonObject entry) =>
        string.Join(" ", new[] { entry["kind"].AsString(), entry["series"].AsString(), entry["level"].AsString() }.Where(s => s is not null));
}
