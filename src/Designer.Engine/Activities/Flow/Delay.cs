using System.Text.Json.Nodes;
using Designer.Engine.Descriptors;
using Designer.Engine.Runtime;

namespace Designer.Engine.Activities.Flow;

[Activity("Elsa.Delay", "延时", Category = ActivityCategories.Flow, Description = "等待一段时间后继续（计时器在服务重启后仍有效）。")]
public sealed class Delay : Activity
{
    [Input("时长", UiHint = UiHints.TimeSpan, Description = "如 00:05:00 或 1.00:00:00", Required = true)]
    public Input<TimeSpan> TimeSpan { get; } = new(System.TimeSpan.Zero);

    public override void Execute(ActivityContext context)
    {
        var span = context.Get(TimeSpan);
        if (span <= System.TimeSpan.Zero) { context.Complete("Done"); return; }
        context.CreateBookmark(BookmarkKinds.Timer, new JsonObject { ["delay"] = span.ToString() }, context.Now + span);
    }

    public override void Resume(ActivityContext context, Bookmark bookmark, ResumeInput input) => context.Complete("Done");
}
