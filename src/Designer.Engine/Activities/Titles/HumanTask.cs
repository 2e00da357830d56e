using Designer.Engine.Descriptors;
using Designer.Engine.Runtime;

namespace Designer.Engine.Activities.Titles;

[Activity("Titles.Task", "人工办理", Category = ActivityCategories.Titles, Ports = [], PortsFromInput = "actions", IsPersonStep = true,
    Description = "由某机构某角色办理的一步（申报、推荐、审核、补正、测试、核准、备案……），每个可用动作是一个出口。")]
public sealed class HumanTask : PersonStep
{
    [Input("可用动作", UiHint = UiHints.ActionsPicker, Required = true, SupportsExpressions = false,
        Options = ["approve", "reject", "return", "pass", "fail", "vote", "object", "no-objection"])]
    public Input<IReadOnlyList<string>> Actions { get; } = new(["approve", "reject", "return"]);

    [Input("提交数据并入申报信息", UiHint = UiHints.Checkbox, Description = "申报、补正等步骤：提交的表单数据更新申报信息。")]
    public Input<bool> MergeIntoApplication { get; } = new(false);

    public override IReadOnlyList<string> OfferedActions() => Actions.LiteralOrDefault();

    protected override void Act(ActivityContext context, Bookmark bookmark, ResumeInput input, Assignee assignee)
    {
        if (context.Get(MergeIntoApplication) && input.Data is System.Text.Json.Nodes.JsonObject data)
            foreach (var (field, value) in data)
                context.State.Application[field] = value?.DeepClone();
        context.Record(StageCode, assignee, input.Action!, input);
        context.Complete(input.Action!);
    }
}
