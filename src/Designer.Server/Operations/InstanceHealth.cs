using System.Text.RegularExpressions;
using Designer.Engine.Domain;
using Designer.Engine.Runtime;
using Designer.Persistence.Entities;
using Designer.Server.Applications;
using Designer.Server.Auth;
using Designer.Server.Tasks;

namespace Designer.Server.Operations;

/// <summary>
/// Whether an application can move on, and if not why, in words an operator reads (never exception text): faulted at
/// a step, a task nobody active can act on, or running with nothing to wait for (no task, no timer).
/// </summary>
public static partial class InstanceHealth
{
    public const string Ok = "ok";
    public const string Faulted = "faulted";
    public const string Stuck = "stuck";
    public const string Ended = "ended";

    public static (string Health, string? Why) Of(ApplicationRecord application, WorkflowInstanceState? state, IReadOnlyList<TaskRecord> open, IReadOnlyList<CurrentUser> users,
        VocabularySet names)
    {
        if (application.Status == nameof(WorkflowStatus.Faulted)) return (Faulted, FaultText(state));
        if (application.Status != nameof(WorkflowStatus.Waiting)) return (Ended, null);
        if (state is null || state.Bookmarks.Count == 0)
            return (Stuck, "申报处于办理中，但既没有待办也没有计时，流程无法继续。请将申报移至某一步骤，或终止。");
        foreach (var task in open.Where(t => t.Kind == BookmarkKinds.Task))
        {
            if (task.ClaimedBy is { } holder && !users.Any(u => u.UserName == holder))
                return (Stuck, $"“{StageName(task, names)}”的待办由 {holder} 认领，但该账号已停用或不存在。请改派。");
            if (!users.Any(u => TaskAccess.IsAssignedTo(u, task)))
                return (Stuck, $"“{StageName(task, names)}”的待办没有可以办理的在岗人员（{Assignee(task, names)}）。请改派给其他机构、角色或人员。");
        }
        return (Ok, null);
    }

    public static string Assignee(TaskRecord task, VocabularySet names) =>
        task.AssignedUser is { } person ? $"指定人员 {person}" : $"{OrganisationName(task.ResolvedOrg ?? task.Org, names)} · {names.Name("roles", task.Role)}";

    /// <summary>An organisation in words: the locality and department names ("某市" + the department), "用人单位（某某中学）", "县级人社部门".</summary>
    public static string OrganisationName(string org, VocabularySet names)
    {
        if (org.StartsWith("unit:")) return $"用人单位（{org[5..]}）";
        if (org.StartsWith("county/hr:")) return $"{org[10..]}人社部门";
        switch (org)
        {
            case "unit": return "用人单位";
            case "county/hr": return "县级人社部门";
            case "applicant": return "申报人";
        }
        var parts = org.Split('/');
        if (parts.Length < 2) return org;
        var locality = names.Localities.TryGetValue(parts[0], out var entry) ? Regex.Replace(entry.Name, "（.*）$", "") : parts[0];
        var department = names.Name("departments", parts[1]);
        return parts.Length > 2 ? $"{locality}{department}（{string.Join("/", parts.Skip(2))}）" : $"{locality}{department}";
    }

    private static string StageName(TaskRecord task, VocabularySet names) => ApplicationDtos.StageName(task.Stage, names) ?? task.Title;

    /// <summary>
    /// The engine's fault message reads "活动 “label” (id): 中文说明 (english detail)": the label and the Chinese part are
    /// kept, identifiers and English detail dropped.
    /// </summary>
    public static string FaultText(WorkflowInstanceState? state)
    {
        var message = state?.Fault?.Message ?? state?.Reason ?? "";
        var match = FaultPattern().Match(message);
        var step = match.Success ? match.Groups["label"].Value : null;
        var detail = match.Success ? match.Groups["detail"].Value : message;
        var chinese = EnglishInBrackets().Replace(ErrorName().Replace(detail, ""), "").Replace(": ", "：").Trim().TrimEnd('：', ':', '，', ',');
        if (!HasChinese().IsMatch(chinese)) chinese = "流程定义的计算或配置有误";
        return (step is null ? "流程出现故障：" : $"在“{step}”步骤出现故障：") + chinese + "。可修正后重试该步骤，或将申报移至其他步骤。";
    }

    [GeneratedRegex(@"^活动 “(?<label>[^”]*)” \([^)]*\): (?<detail>.*)$", RegexOptions.Singleline)]
    private static partial Regex FaultPattern();

    /// <summary>A bracketed English detail: "(workingDays is 0)", "(line 1, column 5)".</summary>
    [GeneratedRegex(@"\s*[(（][^()（）]*[A-Za-z][^()（）]*[)）]")]
    private static partial Regex EnglishInBrackets();

    /// <summary>The name of a thrown script error ("Error: ", "TypeError: "), before the author's own message.</summary>
    [GeneratedRegex(@"\b[A-Za-z]*Error:\s*")]
    private static partial Regex ErrorName();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex HasChinese();
}
