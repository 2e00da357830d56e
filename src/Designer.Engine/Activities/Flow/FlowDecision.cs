using Designer.Engine.Descriptors;
using Designer.Engine.Runtime;

namespace Designer.Engine.Activities.Flow;

[Activity("Elsa.FlowDecision", "条件判断", Category = ActivityCategories.Flow, Ports = ["True", "False"],
    Description = "条件为真走“是”，否则走“否”。")]
public sealed class FlowDecision : Activity
{
    [Input("条件", UiHint = UiHints.Code, Required = true)]
    public Input<bool> Condition { get; } = new(false);

    public override void Execute(ActivityContext context) => context.Complete(context.Get(Condition) ? "True" : "False");
}
