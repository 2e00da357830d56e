using Designer.Engine.Descriptors;
using Designer.Engine.Runtime;

namespace Designer.Engine.Activities.Flow;

/// <summary>Its Mode is the join mode the runtime uses to decide whether the join may run (see WorkflowExecution).</summary>
[Activity("Elsa.FlowJoin", "汇合", Category = ActivityCategories.Flow,
    Description = "等待所有分支（WaitAll）或任一分支（WaitAny，其余分支上的等待被取消）后继续。")]
public sealed class FlowJoin : Activity, IJoinActivity
{
    [Input("汇合方式", UiHint = UiHints.Dropdown, Options = ["WaitAny", "WaitAll"], SupportsExpressions = false)]
    public Input<string> Mode { get; } = new("WaitAny");

    public JoinMode JoinMode =>
        Mode.LiteralOrDefault().Equals("WaitAll", StringComparison.OrdinalIgnoreCase) ? JoinMode.WaitAll : JoinMode.WaitAny;

    public override void Execute(ActivityContext context) => context.Complete("Done");
}
