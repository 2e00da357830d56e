using Designer.Engine.Descriptors;
using Designer.Engine.Runtime;

namespace Designer.Engine.Activities.Flow;

[Activity("Elsa.WriteLine", "输出一行", Category = ActivityCategories.Primitives, Description = "把文本写到输出（调试与演示用）。")]
public sealed class WriteLine : Activity
{
    [Input("文本", UiHint = UiHints.SingleLine)]
    public Input<string> Text { get; } = new("");

    public override void Execute(ActivityContext context)
    {
        context.Services.Output.WriteLine(context.Get(Text));
        context.Complete("Done");
    }
}
