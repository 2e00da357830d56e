using Designer.Engine.Descriptors;
using Designer.Engine.Runtime;

namespace Designer.Engine.Activities.Flow;

[Activity("Elsa.End", "结束", Category = ActivityCategories.Flow, Ports = [], IsTerminal = true,
    Description = "结束所在的流程图：其余分支上尚未完成的工作一并结束。")]
public sealed class End : Activity
{
    public override void Execute(ActivityContext context) => context.EndFlowchart();
}
