namespace Designer.Engine.Simulation;

/// <summary>Where two runs of the same case part ways: the first step (index into the paths) that differs.</summary>
public sealed record Divergence(int Index, PathStep? From, PathStep? To);

public sealed record ReplayResult(SimulationResult From, SimulationResult To, Divergence? Divergence, bool OutcomeChanged, string Summary);

/// <summary>Runs one case against two versions and says where their paths diverge and how the outcome differs.</summary>
public sealed class Replay(Simulator simulator)
{
    public ReplayResult Compare(SimulationCase @case, Model.WorkflowDefinition from, Model.WorkflowDefinition to)
    {
        var before = simulator.Run(@case, from);
        var after = simulator.Run(@case, to);
        var divergence = FirstDifference(before.Path, after.Path);
        var outcomeChanged = before.Status != after.Status ||
            !System.Text.Json.Nodes.JsonNode.DeepEquals(before.Granted, after.Granted);
        var summary = divergence is null
            ? "两个版本的办理路径相同 (the paths are the same)"
            : $"第 {divergence.Index + 1} 步起路径不同：{Describe(divergence.From)} → {Describe(divergence.To)}";
        if (outcomeChanged) summary += $"；结果由 {before.Status} 变为 {after.Status}";
        return new ReplayResult(before, after, divergence, outcomeChanged, summary);
    }

    private static Divergence? FirstDifference(IReadOnlyList<PathStep> a, IReadOnlyList<PathStep> b)
    {
        for (var i = 0; i < Math.Max(a.Count, b.Count); i++)
        {
            var (x, y) = (a.ElementAtOrDefault(i), b.ElementAtOrDefault(i));
            if (x is null || y is null || x.Stage != y.Stage || x.Action != y.Action || x.Assignee != y.Assignee || x.Date != y.Date)
                return new Divergence(i, x, y);
        }
        return null;
    }

    private static string Describe(PathStep? step) =>
        step is null ? "（结束）" : $"{step.Stage}（{step.Assignee.Org}，{step.Action}，{step.Date}）";
}
