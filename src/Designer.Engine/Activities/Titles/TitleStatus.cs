using System.Text.Json.Nodes;
using Designer.Engine.Descriptors;
using Designer.Engine.Domain;
using Designer.Engine.Model;
using Designer.Engine.Runtime;

namespace Designer.Engine.Activities.Titles;

/// <summary>
/// Marks titles in the applicant's register (a transfer, 流动/调动): a directed title lapses when its holder leaves the
/// area it is valid in (失效), or may not be used for appointment until re-evaluated (须重新评聘). The changes go to
/// <see cref="WorkflowInstanceState.TitleChanges"/>; the host writes them to its register when the instance completes,
/// and the public verification shows them.
/// </summary>
[Activity("Titles.TitleStatus", "职称效力登记", Category = ActivityCategories.Titles, Ports = ["Changed", "NoTitle"],
    Description = "在职称登记册上登记申报人所持职称的效力变化：失效、须重新评聘，或在现单位不得按该职称聘任。登记册中没有相符的职称时走 NoTitle。")]
public sealed class TitleStatus : Activity
{
    public const string Lapsed = "lapsed";
    public const string Reevaluate = "reevaluate";
    public const string Restricted = "restricted";
    public static readonly string[] Statuses = [Lapsed, Reevaluate, Restricted];

    /// <summary>How a status reads in the register and the public verification.</summary>
    public static string StatusName(string status) => status switch
    {
        Lapsed => "失效", Reevaluate => "须重新评聘", Restricted => "在现单位不得聘任", _ => status,
    };

    [Input("登记为", UiHint = UiHints.Dropdown, Required = true, SupportsExpressions = false, Options = [Lapsed, Reevaluate, Restricted],
        Description = "lapsed：职称失效；reevaluate：须重新评聘，未重新评聘前按原等级聘任；restricted：在现单位不得按该职称聘任。")]
    public Input<string> Status { get; } = new(Lapsed);

    [Input("仅定向职称", UiHint = UiHints.Checkbox, Description = "只登记定向评价取得的职称（默认）。")]
    public Input<bool> DirectedOnly { get; } = new(true);

    [Input("系列", Description = "只登记该系列的职称；空为全部系列。")]
    public Input<string> Series { get; } = new("");

    [Input("原因", UiHint = UiHints.MultiLine, Required = true, Description = "记入登记册和公开查验，如“调离定向职称的适用范围，定向评价职称无效”。")]
    public Input<string> Reason { get; } = new("");

    [Input("登记机构", UiHint = UiHints.OrganisationPicker, Required = true)]
    public Input<string> Registrar { get; } = new("{locality}/hr");

    public override IEnumerable<string> CheckConfiguration()
    {
        var status = Status.LiteralOrDefault();
        if (!Statuses.Contains(status))
            yield return $"“登记为” 须为 {string.Join("、", Statuses)}，不能是 “{status}” (status must be lapsed, reevaluate or restricted)";
    }

    public override void Execute(ActivityContext context)
    {
        var status = Status.LiteralOrDefault();
        if (!Statuses.Contains(status)) throw new ActivityFaultException($"登记为 “{status}” 无效 (status must be lapsed, reevaluate or restricted)");
        var reason = context.Get(Reason);
        if (string.IsNullOrWhiteSpace(reason)) throw new ActivityFaultException("职称效力登记须写明原因 (a reason is required)");
        var directedOnly = context.Get(DirectedOnly);
        var series = context.Get(Series);
        var registrar = context.ResolveLocality(context.Get(Registrar));
        var today = context.Today.ToString("yyyy-MM-dd");

        var affected = ApplicantRecord.Items(context.State.Record[ApplicantRecord.Titles])
            .Where(t => !directedOnly || t["directed"] is JsonValue d && d.TryGetValue<bool>(out var directed) && directed)
            .Where(t => string.IsNullOrEmpty(series) || t["series"].AsString() == series)
            .Where(t => t["status"].AsString() is null or "valid")
            .ToList();
        if (affected.Count == 0)
        {
            context.Record("register", new Assignee(registrar, "system"), "none", reasons: ["登记册中没有相符的职称 (no matching title in the register)"]);
            context.Complete("NoTitle");
            return;
        }
        var reasons = new List<string>();
        foreach (var title in affected)
        {
            context.State.TitleChanges.Add(new JsonObject
            {
                ["series"] = title["series"]?.DeepClone(), ["level"] = title["level"]?.DeepClone(), ["obtainedOn"] = title["obtainedOn"]?.DeepClone(),
                ["certificateNumber"] = title["certificateNumber"]?.DeepClone(), ["status"] = status, ["reason"] = reason, ["on"] = today,
            });
            reasons.Add($"{title["series"].AsString()} {title["level"].AsString()}（{title["obtainedOn"].AsString()}）{StatusName(status)}：{reason}");
        }
        context.Record("register", new Assignee(registrar, "system"), status, reasons: reasons);
        context.Complete("Changed");
    }
}
