using Designer.Engine.Descriptors;
using Designer.Engine.Runtime;

namespace Designer.Engine.Activities.Flow;

/// <summary>The engine reads Mode when deciding whether the join may run (see WorkflowExecution).</summary>
[Activity("Elsa.FlowJoin", "汇合", Category = ActivityCategories.Flow,
    Description = "等待所有分支（WaitAll）或任一分支（WaitAny，其余分支上的等待被取消）后继续。")]
public sealed class FlowJoin : Activity
{
    [Input("汇合方式", UiHint = UiHints.Dropdown, Options = ["WaitAny", "WaitAll"], SupportsExpressions = false)]
    public Input<string> Mode { get; } = new("WaitAny");

    public override void Execute(ActivityContext context) => context.Complete("Done");
}
