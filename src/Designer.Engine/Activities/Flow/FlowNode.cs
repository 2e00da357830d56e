using Designer.Engine.Descriptors;
using Designer.Engine.Runtime;

namespace Designer.Engine.Activities.Flow;

[Activity("Elsa.FlowNode", "汇合点", Category = ActivityCategories.Flow, Description = "不做任何事，直接通过（用于汇合连线）。")]
public sealed class FlowNode : Activity
{
    public override void Execute(ActivityContext context) => context.Complete("Done");
}
