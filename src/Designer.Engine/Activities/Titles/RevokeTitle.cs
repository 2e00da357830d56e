using Designer.Engine.Descriptors;
using Designer.Engine.Runtime;

namespace Designer.Engine.Activities.Titles;

/// <summary>
/// 取消已取得的资格: the procedure's decision that a title the applicant obtained in a year (e.g. through another
/// application in the same year: 多头申报) is to be cancelled. The engine only records the decision
/// (<see cref="WorkflowInstanceState.Revocations"/>); when the instance ends the host revokes the applicant's matching
/// certificates issued by other applications, removes the titles from the register and writes the integrity record.
/// </summary>
[Activity("Titles.RevokeTitle", "取消已取得的资格", Category = ActivityCategories.Titles,
    Description = "决定取消申报人某年度（经其他申报）已取得的专业技术资格：办结后撤销相应证书，从职称记录中移除，并记入诚信档案。")]
public sealed class RevokeTitle : Activity
{
    [Input("取得年度", UiHint = UiHints.Number, Description = "证书核发的年度；为 0 时取本申报的年度（今天所在年度）。")]
    public Input<int> Year { get; } = new(0);

    [Input("系列", UiHint = UiHints.SingleLine, Description = "只取消该系列的资格；为空则取消该年度取得的全部资格。")]
    public Input<string> Series { get; } = new("");

    [Input("原因", UiHint = UiHints.MultiLine, Required = true)]
    public Input<string> Reason { get; } = new("");

    public override void Execute(ActivityContext context)
    {
        var reason = context.Get(Reason);
        if (string.IsNullOrWhiteSpace(reason)) throw new ActivityFaultException("取消资格须写明原因 (a revocation needs its reason)");
        var year = context.Get(Year);
        var series = context.Get(Series);
        context.State.Revocations.Add(new TitleRevocation(year > 0 ? year : context.Today.Year, string.IsNullOrWhiteSpace(series) ? null : series, reason.Trim()));
        context.Complete("Done");
    }
}
