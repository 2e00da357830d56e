using Designer.Engine.Descriptors;
using Designer.Engine.Runtime;

namespace Designer.Engine.Activities.Flow;

[Activity("Elsa.Start", "开始", Category = ActivityCategories.Flow, Description = "流程的起点。")]
public sealed class Start : Activity
{
    public override void Execute(ActivityContext context) => context.Complete("Done");
}
