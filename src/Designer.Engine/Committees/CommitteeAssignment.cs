using Designer.Engine.Model;
using Designer.Engine.Runtime;

namespace Designer.Engine.Committees;

/// <summary>
/// The office a named committee's task waits at: the committee must exist, be filed (核准备案), not suspended or withdrawn, and cover the
/// applicant's series and level. Shared by the committee vote and the entrusted evaluation.
/// </summary>
public static class CommitteeAssignment
{
    /// <summary>The committee's organiser; null when the engine has no committee catalog (the step then keeps its assignee organisation).</summary>
    public static CommitteeInfo? Find(ActivityContext context, string id)
    {
        if (context.Services.Committees is not { } committees) return null;
        var committee = committees.Find(id) ?? throw new ActivityFaultException($"评委会 “{id}” 不存在 (no committee '{id}')");
        if (committee.Refusal is { } refusal) throw new ActivityFaultException(refusal);
        var (series, level) = (context.State.Application["series"].AsString(), context.State.Application["level"].AsString());
        if (!committee.Covers(series, level))
            throw new ActivityFaultException($"评委会 “{committee.Name}” 不评审 {series} 系列 {level} 层级 (committee '{id}' does not cover {series}/{level})");
        return committee;
    }

    /// <summary>The locality a committee id names (its first segment: "&lt;locality&gt;/committee/…"); "{locality}" is the workflow's own.</summary>
    public static string LocalityOf(string committeeId) => committeeId.Split('/')[0];
}
