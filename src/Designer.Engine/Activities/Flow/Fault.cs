using Designer.Engine.Descriptors;
using Designer.Engine.Runtime;

namespace Designer.Engine.Activities.Flow;

[Activity("Elsa.Fault", "故障", Category = ActivityCategories.Flow, Ports = [], Description = "以给定信息使流程实例进入故障状态。")]
public sealed class Fault : Activity
{
    [Input("代码")]
    public Input<string> Code { get; } = new("");

    [Input("信息", UiHint = UiHints.MultiLine)]
    public Input<string> Message { get; } = new("");

    public override void Execute(ActivityContext context)
    {
        var code = context.Get(Code);
        var message = context.Get(Message);
        throw new ActivityFaultException(string.IsNullOrEmpty(code) ? message : $"[{code}] {message}");
    }
}
