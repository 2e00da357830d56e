using System.Text.Json.Nodes;
using Designer.Engine.Committees;
using Designer.Engine.Descriptors;
using Designer.Engine.Domain;
using Designer.Engine.Model;
using Designer.Engine.Runtime;

namespace Designer.Engine.Activities.Titles;

/// <summary>
/// The committee's vote on one applicant (评委会评审表决): passes with a quorum present and enough votes for.
/// A committee session may rank all its candidates first (bottom elimination, pass-rate cap: see CommitteeSession)
/// and resume each vote with its decision in data.sessionDecision.
/// </summary>
[Activity("Titles.CommitteeVote", "评委会表决", Category = ActivityCategories.Titles, Ports = ["Passed", "Failed"], IsPersonStep = true,
    Description = "评委会投票表决：到会人数达到法定人数且赞成票达到比例为通过；比例精确比较（2/3 以上含三分之二）；可设末位淘汰比例与通过率上限（按评审会中同一系列的候选人排名）。")]
public sealed class CommitteeVote : PersonStep
{
    [Input("评委会", UiHint = UiHints.CommitteePicker,
        Description = "表决的评委会，如 aksu/committee/{series}-deputy-senior（{series}、{level} 为申报人的系列和层级）；评委会须已核准备案并覆盖本流程的系列和层级，表决任务交评委会的组建单位；脚本返回空时（如县级、单位自主评审的路径）按办理机构办理。")]
    public Input<string> Committee { get; } = new("");

    [Input("评审标准须已公布", UiHint = UiHints.Checkbox, SupportsExpressions = false,
        Description = "“谁评审、谁定标准”，评审标准须提前向社会公布：勾选后，评委会登记的标准公布日期须早于（或等于）表决开始之日，否则不能开展评审。")]
    public Input<bool> RequirePublishedStandards { get; } = new(false);

    [Input("评审系列", UiHint = UiHints.StringList, SupportsExpressions = false,
        Description = "本步骤评审的系列（流程把其他系列交给别的步骤时填写，如委托评审）；为空即本流程适用的全部系列。发布时按这些系列核对评委会。")]
    public Input<IReadOnlyList<string>> Series { get; } = new([]);

    [Input("法定人数", UiHint = UiHints.Number, Description = "到会（投票）评委不少于此数，表决才有效。")]
    public Input<int> Quorum { get; } = new(5);

    [Input("法定比例", Description = "到会评委不少于评委会委员人数的此比例，如 2/3；空或 0 表示只看法定人数。")]
    public Input<Fraction> QuorumShare { get; } = new(Fraction.Zero);

    [Input("评委会委员人数", UiHint = UiHints.Number, Description = "评委会（或本次评审组）的委员总数，法定比例据此计算；评审会记录的委员人数优先。")]
    public Input<int> Members { get; } = new(0);

    [Input("通过比例", Description = "赞成票占到会评委的最低比例，精确比较：2/3 表示三分之二以上（含三分之二）。")]
    public Input<Fraction> PassRatio { get; } = new(Fraction.TwoThirds);

    [Input("末位淘汰比例", Category = "评审会", Description = "按评审会排名淘汰的末位比例，如 1/10；0 表示不淘汰。")]
    public Input<Fraction> BottomEliminationRatio { get; } = new(Fraction.Zero);

    [Input("末位淘汰取整", UiHint = UiHints.Dropdown, Category = "评审会", Options = ["up", "down", "nearest"], SupportsExpressions = false,
        Description = "淘汰人数的取整方式：up 向上取整（不足十人的评审会也淘汰一人），down 向下取整，nearest 四舍五入；按文件规定选择。")]
    public Input<string> EliminationRounding { get; } = new("up");

    [Input("通过率上限", Category = "评审会", Description = "评审会通过人数占参评人数的上限，如 3/5（向下取整）；0 表示不限。")]
    public Input<Fraction> PassRateCap { get; } = new(Fraction.Zero);

    [Input("排名依据变量", UiHint = UiHints.VariablePicker, Category = "评审会", SupportsExpressions = false,
        Description = "评审会排名所依据的变量（如量化赋分 score）；流程没有该变量时按赞成票比例排名。")]
    public Input<string> RankBy { get; } = new("score");

    public override IReadOnlyList<string> OfferedActions() => ["vote"];

    protected override IReadOnlyList<string> ActionPorts() => ["Passed", "Failed"];

    /// <summary>The committee this applicant's vote goes to, e.g. "aksu/committee/teacher-deputy-senior"; empty when none is named.</summary>
    public string CommitteeFor(ActivityContext context) => context.Get(Committee) is { Length: > 0 } template
        ? CommitteeIds.Resolve(template, context.Definition.Locality, context.State.Application["series"].AsString(), context.State.Application["level"].AsString())
        : "";

    /// <summary>
    /// A named committee's organiser office holds the vote; the committee must exist, be filed (not suspended or
    /// withdrawn), cover the applicant and, when the step asks, have published its standards before today.
    /// </summary>
    protected override string AssignedOrg(ActivityContext context)
    {
        if (CommitteeFor(context) is not { Length: > 0 } id || CommitteeAssignment.Find(context, id) is not { } committee) return base.AssignedOrg(context);
        if (RequirePublishedStandards.LiteralOrDefault() && !committee.StandardsPublishedBy(context.Today))
            throw new ActivityFaultException(committee.StandardsPublishedOn is { Length: > 0 } on
                ? $"评委会 “{committee.Name}” 的评审标准 {on} 才向社会公布，晚于评审（{context.Today:yyyy-MM-dd}）：标准须提前公布 (the standards were published after the evaluation began)"
                : $"评委会 “{committee.Name}” 的评审标准尚未向社会公布，不能开展评审 (the committee has not published its standards)");
        return committee.Organiser;
    }

    /// <summary>A committee suspended or withdrawn after the vote began cannot record it (the application waits until it is reinstated).</summary>
    private void RefuseIfBarred(ActivityContext context)
    {
        if (context.Services.Committees is { } committees && CommitteeFor(context) is { Length: > 0 } id && committees.Find(id) is { Refusal: { } refusal })
            throw new ResumeRejectedException(refusal);
    }

    protected override void AddToPayload(ActivityContext context, JsonObject payload)
    {
        if (CommitteeFor(context) is { Length: > 0 } committee) payload["committee"] = committee;
        var rule = Rule(context);
        payload["quorum"] = rule.RequiredPresent(rule.Members);
        payload["passRatio"] = rule.PassShare.ToString();
        if (rule.Members > 0) payload["members"] = rule.Members;
    }

    public VoteRule Rule(ActivityContext context) =>
        new(context.Get(Quorum), context.Get(QuorumShare), context.Get(Members), context.Get(PassRatio));

    /// <summary>The rule from the definition's literals, for a committee session that judges without a running context.</summary>
    public VoteRule LiteralRule =>
        new(Quorum.LiteralOrDefault(), QuorumShare.LiteralOrDefault(), Members.LiteralOrDefault(), PassRatio.LiteralOrDefault());

    public SessionPolicy Policy => new(BottomEliminationRatio.LiteralOrDefault(), PassRateCap.LiteralOrDefault(), RankBy.LiteralOrDefault())
    {
        EliminationRounding = EliminationRounding.LiteralOrDefault() switch { "down" => ShareRounding.Down, "nearest" => ShareRounding.Nearest, _ => ShareRounding.Up },
    };

    protected override void Act(ActivityContext context, Bookmark bookmark, ResumeInput input, Assignee assignee)
    {
        RefuseIfBarred(context);
        var tally = VoteTally.From(input.Data);
        var members = (int?)input.Data?["members"].AsNumber();
        var reasons = Rule(context).Objections(tally.For, tally.Present, members).ToList();
        if (input.Data?["sessionDecision"].AsString() is { } decision && decision != SessionDecision.Passed)
            reasons.Add(input.Data?["sessionReason"].AsString() ?? $"评审会决定：{decision}");

        var passed = reasons.Count == 0;
        context.State.Variables["votesFor"] = tally.For;
        context.Record(StageCode, assignee, "vote", input, passed ? null : reasons);
        context.Complete(passed ? "Passed" : "Failed");
    }
}

public sealed record VoteTally(int For, int Against, int Abstain, int Present)
{
    public static VoteTally From(JsonNode? data)
    {
        int Read(string name) => (int)(data?[name].AsNumber() ?? 0);
        var (votesFor, against, abstain) = (Read("for"), Read("against"), Read("abstain"));
        var present = Read("membersPresent") is > 0 and var p ? p : votesFor + against + abstain;
        return new VoteTally(votesFor, against, abstain, present);
    }
}
