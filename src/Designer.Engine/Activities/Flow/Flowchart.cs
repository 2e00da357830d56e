using Designer.Engine.Descriptors;
using Designer.Engine.Runtime;

namespace Designer.Engine.Activities.Flow;

/// <summary>A nested flowchart. The execution starts it itself (it owns a flow scope); it completes when its work is done.</summary>
[Activity("Elsa.Flowchart", "子流程图", Category = ActivityCategories.Flow, Description = "嵌套的流程图，内部工作全部完成后继续。")]
public sealed class Flowchart : Activity
{
    public override void Execute(ActivityContext context) => context.Complete("Done");
}
