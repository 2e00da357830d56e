using System.Text.Json.Nodes;
using Designer.Engine.Descriptors;
using Designer.Engine.Model;
using Designer.Engine.Runtime;

namespace Designer.Engine.Activities.Titles;

/// <summary>
/// Takes or gives back one of the unit's posts (岗位职数). Directed posts are counted apart from the unit's general
/// ratio (比例单列), so the post kind defaults to the application's kind.
/// </summary>
[Activity("Titles.Quota", "岗位职数", Category = ActivityCategories.Rules, Ports = ["Reserved", "Exhausted", "Released"],
    Description = "占用或释放申报人所在单位的岗位职数（定向岗位单列）。")]
public sealed class Quota : Activity, IWorkflowEndHook
{
    [Input("操作", UiHint = UiHints.Dropdown, Options = ["reserve", "release"], SupportsExpressions = false)]
    public Input<string> Operation { get; } = new("reserve");

    [Input("岗位类别", Description = "directed 或 general；默认取申报类别。")]
    public Input<string> PostKind { get; } = new("");

    [Input("岗位数额须已备案", UiHint = UiHints.Checkbox, SupportsExpressions = false,
        Description = "勾选后，单位的岗位数额由县市确定后须已报上级人社部门备案，未备案的不能占用（推荐暂停，备案后由运维重试）。")]
    public Input<bool> RequireFiled { get; } = new(false);

    public override IReadOnlyList<string> GetPorts() =>
        Operation.LiteralOrDefault() == "release" ? ["Released"] : ["Reserved", "Exhausted"];

    /// <summary>The post this instance holds; given back if the application ends other than completed (WorkflowEnded).</summary>
    public const string ReservationVariable = "quotaReservation";

    public override void Execute(ActivityContext context)
    {
        var application = context.State.Application;
        var unit = application["unit"].AsString() ?? "";
        var level = application["level"].AsString() ?? "";
        var kind = context.Get(PostKind) is { Length: > 0 } k ? k : application["kind"].AsString() == "directed" ? "directed" : "general";
        var quotas = context.Services.Quotas;
        if (Operation.LiteralOrDefault() == "release")
        {
            quotas.Release(unit, kind, level, context.State.InstanceId);
            context.State.Variables.Remove(ReservationVariable);
            context.Complete("Released");
            return;
        }
        if (RequireFiled.LiteralOrDefault() && !quotas.IsFiled(unit, kind, level))
            throw new ActivityFaultException(
                $"{unit} 的{(kind == "directed" ? "“双定向”" : "")}岗位数额已确定但尚未报上级人社部门备案，不能在此数额内推荐 (the unit's posts are not filed yet)");
        var reserved = quotas.TryReserve(unit, kind, level, context.State.InstanceId);
        context.State.Variables["quotaReserved"] = reserved;
        if (reserved)
            context.State.Variables[ReservationVariable] = new JsonObject { ["unit"] = unit, ["postKind"] = kind, ["level"] = level };
        context.Complete(reserved ? "Reserved" : "Exhausted");
    }

    /// <summary>A post still held goes back to the unit when the application is rejected, withdrawn or faults.</summary>
    public void WorkflowEnded(WorkflowEndContext context)
    {
        var state = context.State;
        if (context.Status == WorkflowStatus.Completed || state.Variables.GetValueOrDefault(ReservationVariable) is not JsonObject held) return;
        context.Services.Quotas.Release(held["unit"]?.GetValue<string>() ?? "", held["postKind"]?.GetValue<string>() ?? "",
            held["level"]?.GetValue<string>() ?? "", state.InstanceId);
        state.Variables.Remove(ReservationVariable);
    }
}
