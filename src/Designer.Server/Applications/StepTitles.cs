using Designer.Engine.Domain;
using Designer.Engine.Runtime;

namespace Designer.Server.Applications;

/// <summary>
/// The name a step shows in inboxes, timelines and the operations console. The engine labels a step with its
/// displayText, else its name, else its id; an id is not a name, so a step the workflow gives no text is named by
/// its stage (单位推荐…), else by its activity type (人工办理…).
/// </summary>
public static class StepTitles
{
    public static string Of(string? title, string? activityId, string? stage, VocabularySet names, string? activityType = null)
    {
        if (!string.IsNullOrWhiteSpace(title) && title != activityId) return title;
        if (!string.IsNullOrEmpty(stage) && names.Stages.TryGetValue(stage, out var entry)) return entry.Name;
        if (activityType is not null && ActivityRegistry.Default.Describe(activityType) is { } type) return type.DisplayName;
        return "办理步骤";
    }
}
