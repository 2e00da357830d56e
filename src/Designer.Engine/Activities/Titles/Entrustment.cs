using System.Text.Json.Nodes;
using Designer.Engine.Committees;
using Designer.Engine.Descriptors;
using Designer.Engine.Model;
using Designer.Engine.Runtime;

namespace Designer.Engine.Activities.Titles;

/// <summary>
/// Entrusted evaluation (委托评审): a locality with no committee for the applicant's series and level hands the
/// application, with its HR bureau's entrustment letter (委托评审函), to another locality's committee and waits for the
/// result that committee's office returns: `pass` continues (the certificate), `fail` ends. Only the receiving
/// committee's organiser office acts on the step (the task waits in its inbox).
/// </summary>
[Activity("Titles.Entrustment", "委托评审", Category = ActivityCategories.Titles, Ports = ["Passed", "Failed"], IsPersonStep = true,
    Description = "本地暂无评审条件的，凭人社部门出具的委托评审函，将申报交另一地区的评委会评审，并等待其返回评审结果：通过继续（发证），未通过结束。只有受委托评委会的组建单位能办理。")]
public sealed class Entrustment : PersonStep
{
    public const string PassAction = "pass";
    public const string FailAction = "fail";

    [Input("受委托评委会", UiHint = UiHints.CommitteePicker, Required = true,
        Description = "另一地区的评委会，如 <地区>/committee/{series}-junior（{series}、{level} 为申报人的系列和层级）；须已核准备案并覆盖申报人的系列和层级。任务交该评委会的组建单位办理。")]
    public Input<string> Committee { get; } = new("");

    [Input("评审系列", UiHint = UiHints.StringList, SupportsExpressions = false,
        Description = "交委托评审的系列；为空即本流程适用的全部系列。发布时按这些系列核对受委托评委会。")]
    public Input<IReadOnlyList<string>> Series { get; } = new([]);

    [Input("委托机构", UiHint = UiHints.OrganisationPicker, Description = "出具委托评审函的人社部门，默认为本地区人社部门。")]
    public Input<string> EntrustedBy { get; } = new("{locality}/hr");

    [Input("委托评审函所在阶段", UiHint = UiHints.StagePicker, SupportsExpressions = false,
        Description = "人社部门审核委托、出具委托评审函的步骤的阶段（如 entrustment）；该步骤表单中须有委托评审函编号，否则不能委托。")]
    public Input<string> LetterStage { get; } = new("");

    [Input("委托评审函编号字段", SupportsExpressions = false, Description = "委托评审函编号在该步骤表单中的字段（JSON 指针），默认 /letterNumber。")]
    public Input<string> LetterField { get; } = new("/letterNumber");

    public override IReadOnlyList<string> OfferedActions() => [PassAction, FailAction];

    protected override IReadOnlyList<string> ActionPorts() => ["Passed", "Failed"];

    /// <summary>The receiving committee for this applicant, e.g. "&lt;locality&gt;/committee/tech-broker-junior".</summary>
    public string CommitteeFor(ActivityContext context) => CommitteeIds.Resolve(context.Get(Committee) ?? "", context.Definition.Locality,
        context.State.Application["series"].AsString(), context.State.Application["level"].AsString());

    protected override string AssignedOrg(ActivityContext context)
    {
        var id = CommitteeFor(context);
        if (id.Length == 0) throw new ActivityFaultException("委托评审未指定受委托评委会 (no receiving committee)");
        if (CommitteeAssignment.LocalityOf(id) == context.Definition.Locality)
            throw new ActivityFaultException($"委托评审须交其他地区的评委会，“{id}” 属于本地区 (committee '{id}' is the workflow's own locality's)");
        return CommitteeAssignment.Find(context, id)?.Organiser ?? base.AssignedOrg(context);
    }

    protected override void AddToPayload(ActivityContext context, JsonObject payload)
    {
        payload["committee"] = CommitteeFor(context);
        payload["entrustedBy"] = context.ResolveLocality(context.Get(EntrustedBy) ?? "");
        if (LetterNumber(context) is { } letter) payload["letterNumber"] = letter;
        else if (LetterStage.LiteralOrDefault().Length > 0)
            throw new ActivityFaultException($"没有委托评审函（{LetterStage.LiteralOrDefault()} 表单 {LetterField.LiteralOrDefault()} 为空），不能委托评审 (no entrustment letter)");
        context.State.Variables["entrustedCommittee"] = payload["committee"]!.DeepClone();
        context.State.Variables["entrustedOrganiser"] = payload["org"]!.DeepClone();
    }

    private string? LetterNumber(ActivityContext context)
    {
        var stage = LetterStage.LiteralOrDefault();
        if (stage.Length == 0 || context.State.Forms[stage] is not { } form) return null;
        var field = LetterField.LiteralOrDefault() is { Length: > 0 } f ? f : "/letterNumber";
        var value = new FormGate(field).ValueIn(form).AsString();
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }

    protected override void Act(ActivityContext context, Bookmark bookmark, ResumeInput input, Assignee assignee)
    {
        var passed = input.Action == PassAction;
        var committee = bookmark.Payload["committee"].AsString();
        List<string>? reasons = passed ? null :
            [$"受委托评委会（{committee}）评审未通过" + (input.Data?["reason"].AsString() is { Length: > 0 } why ? $"：{why}" : "")];
        context.Record(StageCode, assignee, input.Action!, input, reasons);
        context.Complete(passed ? "Passed" : "Failed");
    }
}
