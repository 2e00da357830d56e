using Designer.Engine.Activities.Titles;
using Designer.Engine.Model;
using Designer.Engine.Runtime;

namespace Designer.Engine.Validation;

/// <summary>
/// Deadlines and periods: a deadline counted from an event names a stage the workflow has; a period has at least one
/// working day; a fixed deadline is a date. (A 0-day publicity or deadline would end the moment it starts.) An
/// Overdue port may not lead back to its own step while the deadline stays where it was: a fixed date, or a count from
/// an earlier stage the loop does not pass again, is already past when the step starts over, so it would fire Overdue
/// again at once, for ever.
/// </summary>
internal static class DeadlineChecks
{
    public static void Run(WorkflowDefinition definition, ExecutableWorkflow workflow, IReadOnlyDictionary<ActivityNode, string> paths, List<ValidationProblem> problems)
    {
        var activities = definition.Root.Descendants().Select(n => (Node: n, Activity: TryActivity(workflow, n.Id))).Where(a => a.Activity is not null).ToList();
        var stages = activities.Select(a => StageOf(a.Activity!)).Where(s => s.Length > 0).ToHashSet();
        foreach (var (node, activity) in activities)
        {
            var path = paths.GetValueOrDefault(node) ?? "$";
            switch (activity)
            {
                case PersonStep step: CheckStep(step, path, stages, problems); break;
                case Publicity publicity when publicity.WorkingDays.Expression is null or { Type: Expressions.ExpressionTypes.Literal } &&
                                              publicity.WorkingDays.LiteralOrDefault() < 1:
                    problems.Add(new(node.Id, $"{path}.workingDays", ProblemCodes.InvalidDeadline,
                        $"“{node.Name ?? node.Id}”的公示期为 {publicity.WorkingDays.LiteralOrDefault()} 个工作日：公示期至少 1 个工作日 (a publicity needs at least 1 working day)"));
                    break;
            }
        }
        foreach (var flowchart in definition.Root.Descendants().OfType<FlowchartNode>().Prepend(definition.Root))
            CheckOverdueLoops(flowchart, workflow, paths, problems);
    }

    private static void CheckOverdueLoops(FlowchartNode flowchart, ExecutableWorkflow workflow, IReadOnlyDictionary<ActivityNode, string> paths, List<ValidationProblem> problems)
    {
        if (flowchart.Activities.Count == 0) return;
        var graph = workflow.Graph(flowchart.Id);
        foreach (var node in flowchart.Activities)
        {
            if (TryActivity(workflow, node.Id) is not PersonStep { HasDeadline: true } step || !DeadlineStaysFixed(step)) continue;
            var from = step.DeadlineFrom.LiteralOrDefault();
            var loop = LoopBack(step.Id, graph, workflow, through: id => TryActivity(workflow, id) is not PersonStep other ||
                (!other.HasDeadline && (from.Length == 0 || other.StageCode != from)));
            if (loop is null) continue;
            var field = from.Length > 0 ? "deadlineFrom" : "deadlineDate";
            var via = loop.Count == 0 ? "直接" : $"经 {string.Join(" → ", loop)} ";
            problems.Add(new(step.Id, $"{paths.GetValueOrDefault(node) ?? "$"}.{field}", ProblemCodes.InvalidDeadline,
                $"“{step.Node.Label}”的“逾期”出口{via}又回到本步骤，而截止日期已过：将无休止地再次逾期 " +
                "(the Overdue port loops back to this step, whose deadline is already past: it would fire Overdue again for ever)"));
        }
    }

    /// <summary>A fixed date, or a count from an earlier stage (not from the day the step starts).</summary>
    private static bool DeadlineStaysFixed(PersonStep step) =>
        step.DeadlineDate.Expression is null or { Type: Expressions.ExpressionTypes.Literal } && !string.IsNullOrWhiteSpace(step.DeadlineDate.LiteralOrDefault()) ||
        step.DeadlineDays.LiteralOrDefault() > 0 && step.DeadlineFrom.LiteralOrDefault().Length > 0;

    /// <summary>The activities from the step's Overdue port back to the step, passing only where `through` allows; null when none.</summary>
    private static List<string>? LoopBack(string stepId, FlowGraph graph, ExecutableWorkflow workflow, Func<string, bool> through)
    {
        var cameFrom = new Dictionary<string, string>();
        var queue = new Queue<string>();
        foreach (var start in graph.Outbound(stepId).Where(c => c.Source.Port == PersonStep.OverduePort).Select(c => c.Target.Activity))
        {
            if (start == stepId) return [];
            if (cameFrom.TryAdd(start, stepId) && through(start)) queue.Enqueue(start);
        }
        while (queue.Count > 0)
        {
            var id = queue.Dequeue();
            foreach (var next in graph.Outbound(id).Select(c => c.Target.Activity))
            {
                if (next == stepId)
                {
                    var loop = new List<string>();
                    for (var at = id; at != stepId; at = cameFrom[at]) loop.Insert(0, workflow.Activity(at).Node.Label);
                    return loop;
                }
                if (cameFrom.TryAdd(next, id) && through(next)) queue.Enqueue(next);
            }
        }
        return null;
    }

    private static void CheckStep(PersonStep step, string path, HashSet<string> stages, List<ValidationProblem> problems)
    {
        var label = step.Node.Name ?? step.Id;
        var from = step.DeadlineFrom.LiteralOrDefault();
        var days = step.DeadlineDays.LiteralOrDefault();
        var literalDays = step.DeadlineDays.Expression is null or { Type: Expressions.ExpressionTypes.Literal };
        if (from.Length > 0)
        {
            if (!stages.Contains(from) || from == step.StageCode)
                problems.Add(new(step.Id, $"{path}.deadlineFrom", ProblemCodes.InvalidDeadline,
                    $"“{label}”的时限起算事件 “{from}” 不是本流程中此前的阶段 (deadlineFrom names no earlier stage of this workflow; stages: {string.Join(", ", stages.Order())})"));
            if (literalDays && days < 1)
                problems.Add(new(step.Id, $"{path}.deadlineDays", ProblemCodes.InvalidDeadline,
                    $"“{label}”从 “{from}” 起算的办理时限为 {days} 个工作日：时限至少 1 个工作日 (a deadline counted from an event needs at least 1 working day)"));
        }
        if (literalDays && days < 0)
            problems.Add(new(step.Id, $"{path}.deadlineDays", ProblemCodes.InvalidDeadline, $"“{label}”的办理时限不能为负数 (deadlineDays is negative)"));
        var date = step.DeadlineDate.LiteralOrDefault()?.Trim() ?? "";
        if (step.DeadlineDate.Expression is null or { Type: Expressions.ExpressionTypes.Literal } && date.Length > 0)
        {
            if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", out _))
                problems.Add(new(step.Id, $"{path}.deadlineDate", ProblemCodes.InvalidDeadline,
                    $"“{label}”的截止日期 “{date}” 不是 yyyy-MM-dd 格式 (deadlineDate is not a yyyy-MM-dd date)"));
            if (days > 0 || from.Length > 0)
                problems.Add(new(step.Id, $"{path}.deadlineDate", ProblemCodes.InvalidDeadline,
                    $"“{label}”同时设置了截止日期和工作日时限，只能选其一 (give either deadlineDate or deadlineDays)"));
        }
    }

    private static string StageOf(Activity activity) =>
        ActivityInputs.Of(activity).FirstOrDefault(i => i.Name == "stage").Input is Input<string> stage ? stage.LiteralOrDefault() : "";

    private static Activity? TryActivity(ExecutableWorkflow workflow, string id) => workflow.Contains(id) ? workflow.Activity(id) : null;
}
