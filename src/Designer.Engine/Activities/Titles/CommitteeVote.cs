using System.Text.Json.Nodes;
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
    Description = "评委会投票表决：到会人数达到法定人数且赞成票达到比例为通过；可设末位淘汰比例与通过率上限（按评审会整体排名）。")]
public sealed class CommitteeVote : PersonStep
{
    [Input("法定人数", UiHint = UiHints.Number, Description = "到会（投票）评委不少于此数，表决才有效。")]
    public Input<int> Quorum { get; } = new(5);

    [Input("通过比例", UiHint = UiHints.Number, Description = "赞成票占到会评委的最低比例，如 0.6667 表示三分之二。")]
    public Input<double> PassRatio { get; } = new(2.0 / 3);

    [Input("末位淘汰比例", UiHint = UiHints.Number, Category = "评审会", Description = "按评审会排名淘汰的末位比例，如 0.1；0 表示不淘汰。")]
    public Input<double> BottomEliminationRatio { get; } = new(0);

    [Input("通过率上限", UiHint = UiHints.Number, Category = "评审会", Description = "评审会通过人数占参评人数的上限，如 0.6；0 表示不限。")]
    public Input<double> PassRateCap { get; } = new(0);

    [Input("排名依据变量", UiHint = UiHints.VariablePicker, Category = "评审会", SupportsExpressions = false)]
    public Input<string> RankBy { get; } = new("score");

    public override IReadOnlyList<string> OfferedActions() => ["vote"];

    protected override IReadOnlyList<string> ActionPorts() => ["Passed", "Failed"];

    protected override void AddToPayload(ActivityContext context, JsonObject payload)
    {
        payload["quorum"] = context.Get(Quorum);
        payload["passRatio"] = context.Get(PassRatio);
    }

    public SessionPolicy Policy => new(BottomEliminationRatio.LiteralOrDefault(), PassRateCap.LiteralOrDefault(), RankBy.LiteralOrDefault());

    protected override void Act(ActivityContext context, Bookmark bookmark, ResumeInput input, Assignee assignee)
    {
        var tally = VoteTally.From(input.Data);
        var reasons = new List<string>();
        var quorum = context.Get(Quorum);
        if (tally.Present < quorum) reasons.Add($"到会评委 {tally.Present} 人，不足法定人数 {quorum} 人");
        var ratio = context.Get(PassRatio);
        if (tally.Present > 0 && tally.For < Math.Ceiling(ratio * tally.Present - 1e-9))
            reasons.Add($"赞成 {tally.For} 票，未达到到会评委的 {ratio:P0}");
        if (tally.Present == 0) reasons.Add("没有表决票");
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
