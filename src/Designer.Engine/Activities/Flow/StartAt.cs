using System.Globalization;
using System.Text.Json.Nodes;
using Designer.Engine.Descriptors;
using Designer.Engine.Runtime;

namespace Designer.Engine.Activities.Flow;

/// <summary>
/// Elsa's StartAt inside a flow: waits until a moment (e.g. the committee's session date), then continues; a moment
/// already past continues at once. A date without a time means the start of that working day in China time.
/// </summary>
[Activity("Elsa.StartAt", "定时继续", Category = ActivityCategories.Flow, Description = "等到指定日期（时间）后继续，如评审会日期；日期已过则立即继续（计时器在服务重启后仍有效）。")]
public sealed class StartAt : Activity
{
    [Input("日期时间", UiHint = UiHints.SingleLine, Required = true,
        Description = "yyyy-MM-dd（当天上班时）或 ISO 8601 日期时间，如 2020-07-01 或 2020-07-01T10:00:00+08:00。")]
    public Input<string> DateTime { get; } = new("");

    public override void Execute(ActivityContext context)
    {
        var text = context.Get(DateTime)?.Trim() ?? "";
        var moment = Parse(text) ?? throw new ActivityFaultException($"日期时间 “{text}” 无效：应为 yyyy-MM-dd 或 ISO 8601 (dateTime is not a date)");
        if (moment <= context.Now) { context.Complete("Done"); return; }
        context.CreateBookmark(BookmarkKinds.Timer, new JsonObject { ["startAt"] = moment.ToString("O", CultureInfo.InvariantCulture) }, moment);
    }

    public override void Resume(ActivityContext context, Bookmark bookmark, ResumeInput input) => context.Complete("Done");

    public static DateTimeOffset? Parse(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? ChinaTime.StartOf(date)
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment) ? moment
        : null;
}
