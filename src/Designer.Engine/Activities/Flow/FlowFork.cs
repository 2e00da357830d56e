using Designer.Engine.Descriptors;
using Designer.Engine.Runtime;

namespace Designer.Engine.Activities.Flow;

[Activity("Elsa.FlowFork", "并行分支", Category = ActivityCategories.Flow, Ports = [], PortsFromInput = "branches",
    Description = "同时开启所有分支。")]
public sealed class FlowFork : Activity
{
    [Input("分支", UiHint = UiHints.StringList, Required = true, SupportsExpressions = false)]
    public Input<IReadOnlyList<string>> Branches { get; } = new([]);

    public override void Execute(ActivityContext context) => context.Complete([.. Branches.LiteralOrDefault()]);

    public override IReadOnlyList<string> GetPorts() => Branches.LiteralOrDefault();
}
