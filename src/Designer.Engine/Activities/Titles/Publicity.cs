using System.Text.Json.Nodes;
using Designer.Engine.Descriptors;
using Designer.Engine.Model;
using Designer.Engine.Runtime;

namespace Designer.Engine.Activities.Titles;

/// <summary>
/// A public notice (公示) for a number of working days. Anyone may object while it runs; when it ends the flow takes
/// "object" if there was an objection, else "no-objection".
/// </summary>
[Activity("Titles.Publicity", "公示", Category = ActivityCategories.Titles, Ports = ["no-objection", "object"],
    Description = "按工作日公示，期间可提出异议；期满后按有无异议分流。")]
public sealed class Publicity : Activity
{
    [Input("阶段", UiHint = UiHints.StagePicker, Required = true, SupportsExpressions = false, Options = ["unit-publicity", "result-publicity"])]
    public Input<string> Stage { get; } = new("result-publicity");

    [Input("发布机构", UiHint = UiHints.OrganisationPicker, Required = true)]
    public Input<string> Org { get; } = new("");

    [Input("公示期（工作日）", UiHint = UiHints.Number, Required = true)]
    public Input<int> WorkingDays { get; } = new(5);

    [Input("公示内容", UiHint = UiHints.MultiLine)]
    public Input<string> Subject { get; } = new("");

    [Input("异议表单", UiHint = UiHints.FormPicker, SupportsExpressions = false)]
    public Input<string> ObjectionForm { get; } = new("publicity-objection");

    public override void Execute(ActivityContext context)
    {
        var days = context.Get(WorkingDays);
        if (days < 1) throw new ActivityFaultException($"公示期必须至少 1 个工作日 (workingDays is {days})");
        var end = context.Calendar.EndOfPeriod(context.Today, days);
        var org = context.ResolveLocality(context.Get(Org));
        context.CreateBookmark(BookmarkKinds.Publicity, new JsonObject
        {
            ["stage"] = Stage.LiteralOrDefault(),
            ["title"] = Node.Label,
            ["org"] = org,
            ["resolvedOrg"] = PersonStep.ResolveOrg(org, context.State.Application),
            ["role"] = "publisher",
            ["actions"] = new JsonArray("object"),
            ["form"] = context.Get(ObjectionForm),
            ["subject"] = context.Get(Subject),
            ["startDate"] = context.Today.ToString("yyyy-MM-dd"),
            ["endDate"] = end.ToString("yyyy-MM-dd"),
            ["objections"] = new JsonArray(),
        }, ChinaTime.EndOf(end));
    }

    public override void Resume(ActivityContext context, Bookmark bookmark, ResumeInput input)
    {
        if (input != ResumeInput.TimerFired)
        {
            if (input.Action == "no-objection") return;
            if (input.Action != "object")
                throw new ResumeRejectedException($"公示期间只能提出异议 (only 'object' is accepted during a publicity, got '{input.Action}')");
            var formId = bookmark.Form;
            if (!string.IsNullOrEmpty(formId) && context.Services.Forms is { } forms &&
                forms.Validate(formId, input.Data ?? new JsonObject()) is { Count: > 0 } errors)
                throw new ResumeRejectedException($"异议填写有误: {string.Join("；", errors.Select(e => e.Message))}", errors);
            ((JsonArray)bookmark.Payload["objections"]!).Add(new JsonObject
            {
                ["date"] = context.Today.ToString("yyyy-MM-dd"), ["by"] = input.Actor, ["data"] = input.Data?.DeepClone(),
            });
            return;
        }
        var objections = bookmark.Payload["objections"] as JsonArray ?? [];
        var action = objections.Count > 0 ? "object" : "no-objection";
        var assignee = new Assignee(bookmark.Org ?? "", "publisher", bookmark.Payload["resolvedOrg"].AsString());
        context.Record(Stage.LiteralOrDefault(), assignee, action, new ResumeInput(Data: objections.Count > 0 ? objections.DeepClone() : null));
        context.Complete(action);
    }
}
