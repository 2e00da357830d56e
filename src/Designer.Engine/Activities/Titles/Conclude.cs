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

    [Input("记入诚信档案", UiHint = UiHints.Checkbox,
        Description = "查实弄虚作假而取消资格时勾选：办结即在申报人的诚信档案中写入一条记录（记录期默认 3 年），以原因为查实事项。")]
    public Input<bool> RecordsIntegrityFinding { get; } = new(false);

    public override void Execute(ActivityContext context)
    {
        var result = Result.LiteralOrDefault();
        var status = Enum.TryParse<WorkflowStatus>(result, out var s) && s is WorkflowStatus.Completed or WorkflowStatus.Rejected or WorkflowStatus.Withdrawn
            ? s : throw new ActivityFaultException($"办结结果 “{result}” 无效 (result must be Completed, Rejected or Withdrawn)");
        var reason = context.Get(Reason);
        if (context.Get(RecordsIntegrityFinding))
            context.State.IntegrityFinding = string.IsNullOrEmpty(reason) ? "经查实弄虚作假，取消资格" : reason;
        context.EndWorkflow(status, string.IsNullOrEmpty(reason) ? null : reason);
    }
}
