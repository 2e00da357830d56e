using Designer.Engine.Descriptors;
using Designer.Engine.Runtime;

namespace Designer.Engine.Activities.Titles;

[Activity("Titles.Conclude", "办结", Category = ActivityCategories.Titles, Ports = [], IsTerminal = true,
    Description = "结束整个申报：通过、不通过或视为放弃，并记录原因。")]
public sealed class Conclude : Activity
{
    [Input("办结结果", UiHint = UiHints.Dropdown, Required = true, SupportsExpressions = false, Options = ["Completed", "Rejected", "Withdrawn"])]
    public Input<string> Result { get; } = new("Completed");

    [Input("原因", UiHint = UiHints.MultiLine)]
    public Input<string> Reason { get; } = new("");

    public override void Execute(ActivityContext context)
    {
        var result = Result.LiteralOrDefault();
        var status = Enum.TryParse<WorkflowStatus>(result, out var s) && s is WorkflowStatus.Completed or WorkflowStatus.Rejected or WorkflowStatus.Withdrawn
            ? s : throw new ActivityFaultException($"办结结果 “{result}” 无效 (result must be Completed, Rejected or Withdrawn)");
        var reason = context.Get(Reason);
        context.EndWorkflow(status, string.IsNullOrEmpty(reason) ? null : reason);
    }
}
