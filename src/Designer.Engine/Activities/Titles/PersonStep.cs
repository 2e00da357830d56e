using System.Text.Json.Nodes;
using Designer.Engine.Domain;
using Designer.Engine.Descriptors;
using Designer.Engine.Model;
using Designer.Engine.Runtime;

namespace Designer.Engine.Activities.Titles;

/// <summary>
/// A step a person acts on: it waits in the inbox of an organisation and role, offers actions (its ports),
/// validates the step's form, and may have a deadline in working days (then an Overdue port).
/// </summary>
public abstract class PersonStep : Activity
{
    public const string OverduePort = "Overdue";

    [Input("阶段", UiHint = UiHints.StagePicker, Required = true, SupportsExpressions = false)]
    public Input<string> Stage { get; } = new("");

    [Input("办理机构", UiHint = UiHints.OrganisationPicker, Required = true,
        Description = "如 <地区>/education；unit 为申报人所在单位，county/hr 为申报人所在县人社局（county/<部门> 同理），{locality} 为本流程所属地区。")]
    public Input<string> AssigneeOrg { get; } = new("");

    [Input("办理角色", UiHint = UiHints.RolePicker)]
    public Input<string> AssigneeRole { get; } = new("reviewer");

    [Input("表单", UiHint = UiHints.FormPicker, SupportsExpressions = false)]
    public Input<string> Form { get; } = new("");

    [Input("办理时限（工作日）", UiHint = UiHints.Number, Description = "0 表示不限；超时走“逾期”出口。")]
    public Input<int> DeadlineDays { get; } = new(0);

    [Input("办理说明", UiHint = UiHints.MultiLine)]
    public Input<string> Instructions { get; } = new("");

    /// <summary>The actions offered, in order; each is a port.</summary>
    public abstract IReadOnlyList<string> OfferedActions();

    /// <summary>Called once the action and data are known to be valid; completes the step.</summary>
    protected abstract void Act(ActivityContext context, Bookmark bookmark, ResumeInput input, Assignee assignee);

    public string StageCode => Stage.LiteralOrDefault();

    public override IReadOnlyList<string> GetPorts() =>
        DeadlineDays.LiteralOrDefault() > 0 ? [.. ActionPorts(), OverduePort] : ActionPorts();

    protected virtual IReadOnlyList<string> ActionPorts() => OfferedActions();

    public override void Execute(ActivityContext context)
    {
        var org = context.ResolveLocality(context.Get(AssigneeOrg));
        var deadlineDays = context.Get(DeadlineDays);
        var dueDate = deadlineDays > 0 ? context.Calendar.AddWorkingDays(context.Today, deadlineDays) : (DateOnly?)null;
        var payload = new JsonObject
        {
            ["stage"] = StageCode,
            ["title"] = Node.Label,
            ["org"] = org,
            ["resolvedOrg"] = ResolveOrg(org, context.State.Application),
            ["role"] = context.Get(AssigneeRole),
            ["actions"] = new JsonArray([.. OfferedActions().Select(a => JsonValue.Create(a))]),
            ["form"] = context.Get(Form),
            ["instructions"] = context.Get(Instructions),
            ["dueDate"] = dueDate?.ToString("yyyy-MM-dd"),
        };
        AddToPayload(context, payload);
        context.CreateBookmark(BookmarkKinds.Task, payload, dueDate is { } d ? ChinaTime.EndOf(d) : null);
    }

    /// <summary>What else the inbox (and a simulation) should know about this step.</summary>
    protected virtual void AddToPayload(ActivityContext context, JsonObject payload) { }

    public override void Resume(ActivityContext context, Bookmark bookmark, ResumeInput input)
    {
        var assignee = new Assignee(bookmark.Org ?? "", bookmark.Role ?? "", bookmark.Payload["resolvedOrg"].AsString());
        if (input == ResumeInput.TimerFired)
        {
            context.Record(StageCode, assignee, "overdue");
            context.Complete(OverduePort);
            return;
        }
        var action = input.Action ?? "";
        if (!OfferedActions().Contains(action))
            throw new ResumeRejectedException(
                $"“{Node.Label}”不能执行动作 “{action}”，可用动作：{string.Join("、", OfferedActions())} (action '{action}' is not offered by {Id})");
        ValidateForm(context, bookmark.Form, input.Data);
        context.State.Forms[StageCode] = input.Data?.DeepClone() ?? new JsonObject();
        context.State.Variables["lastAction"] = action;
        Act(context, bookmark, input, assignee);
    }

    /// <summary>`unit` and `county/&lt;department&gt;` (e.g. `county/hr`) name the applicant's own employer and a bureau of their county.</summary>
    public static string ResolveOrg(string org, JsonObject application) => org switch
    {
        "unit" => $"unit:{application["unit"].AsString()}",
        _ when IsCountyDepartment(org) => $"{org}:{application["county"].AsString()}",
        _ => org,
    };

    /// <summary>`county/&lt;department&gt;`: resolved from the applicant's county.</summary>
    public static bool IsCountyDepartment(string org) =>
        org.StartsWith(Vocabulary.CountyPrefix + "/", StringComparison.Ordinal) && org.Count(c => c == '/') == 1;

    private static void ValidateForm(ActivityContext context, string? formId, JsonNode? data)
    {
        if (string.IsNullOrEmpty(formId) || context.Services.Forms is not { } forms) return;
        var errors = forms.Validate(formId, data ?? new JsonObject());
        if (errors.Count > 0)
            throw new ResumeRejectedException($"表单 “{formId}” 填写有误 (form '{formId}' is invalid): {string.Join("；", errors.Select(e => e.Message))}", errors);
    }
}
