using Designer.Engine.Activities.Titles;
using Designer.Engine.Model;
using Designer.Engine.Runtime;

namespace Designer.Engine.Validation;

/// <summary>
/// Deadlines and periods: a deadline counted from an event names a stage the workflow has; a period has at least one
/// working day; a fixed deadline is a date. (A 0-day publicity or deadline would end the moment it starts.)
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
