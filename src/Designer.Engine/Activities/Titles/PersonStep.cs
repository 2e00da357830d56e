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

    [Input("表单结论约束", UiHint = UiHints.Json, SupportsExpressions = false,
        Description = "表单结论须与所执行的动作一致。每条：字段（如 /conclusion）取 values 之一（或 empty 为 true/false：未填写/已填写）时，只能执行 actions 中的动作。" +
                      "如 [{\"field\": \"/conclusion\", \"values\": [\"not-recommend\"], \"actions\": [\"reject\"]}]。")]
    public Input<IReadOnlyList<FormGate>> FormGates { get; } = new([]);

    [Input("办理时限（工作日）", UiHint = UiHints.Number, Description = "0 表示不限；超时走“逾期”出口。")]
    public Input<int> DeadlineDays { get; } = new(0);

    [Input("时限起算事件", UiHint = UiHints.StagePicker, SupportsExpressions = false,
        Description = "办理时限从此前哪个阶段办结之日起算（如 committee-vote：表决后 N 个工作日内备案）；留空则从本步骤开始之日起算。")]
    public Input<string> DeadlineFrom { get; } = new("");

    [Input("截止日期", UiHint = UiHints.SingleLine,
        Description = "yyyy-MM-dd，如 2022-12-15：到期当天下班后走“逾期”出口。填写后不再按工作日计算时限。")]
    public Input<string> DeadlineDate { get; } = new("");

    [Input("办理说明", UiHint = UiHints.MultiLine)]
    public Input<string> Instructions { get; } = new("");

    /// <summary>The actions offered, in order; each is a port.</summary>
    public abstract IReadOnlyList<string> OfferedActions();

    /// <summary>Called once the action and data are known to be valid; completes the step.</summary>
    protected abstract void Act(ActivityContext context, Bookmark bookmark, ResumeInput input, Assignee assignee);

    public string StageCode => Stage.LiteralOrDefault();

    /// <summary>True when the step can run out of time (then it has an Overdue port).</summary>
    public bool HasDeadline => DeadlineDays.LiteralOrDefault() > 0 || !string.IsNullOrWhiteSpace(DeadlineDate.LiteralOrDefault()) ||
                               DeadlineDate.Expression is { Type: not Expressions.ExpressionTypes.Literal };

    public override IReadOnlyList<string> GetPorts() => HasDeadline ? [.. ActionPorts(), OverduePort] : ActionPorts();

    protected virtual IReadOnlyList<string> ActionPorts() => OfferedActions();

    public override void Execute(ActivityContext context)
    {
        var org = AssignedOrg(context);
        var dueDate = DueDate(context);
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

    /// <summary>The organisation whose inbox the step waits in (before `unit` and `county/hr` are resolved).</summary>
    protected virtual string AssignedOrg(ActivityContext context) => context.ResolveLocality(context.Get(AssigneeOrg));

    /// <summary>
    /// The last day to act: the fixed date when one is given; else N working days (on the locality's calendar) from the
    /// day the named earlier stage ended, or from today when no event is named or the path did not pass through it.
    /// </summary>
    private DateOnly? DueDate(ActivityContext context)
    {
        var fixedDate = context.Get(DeadlineDate)?.Trim() ?? "";
        if (fixedDate.Length > 0)
            return IsoDate.TryParse(fixedDate, out var date)
                ? date
                : throw new ActivityFaultException($"截止日期 “{fixedDate}” 不是 yyyy-MM-dd 格式 (deadlineDate is not a yyyy-MM-dd date)");
        var days = context.Get(DeadlineDays);
        if (days <= 0) return null;
        return context.Calendar.AddWorkingDays(EventDate(context, DeadlineFrom.LiteralOrDefault()) ?? context.Today, days);
    }

    private static DateOnly? EventDate(ActivityContext context, string stage) =>
        string.IsNullOrEmpty(stage) ? null
            : context.State.JournalIndex.LastDateByStage.TryGetValue(stage, out var date) && IsoDate.TryParse(date, out var d) ? d : null;

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
        CheckFormGates(context, bookmark.Form, action, input.Data);
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

    /// <summary>A form conclusion that disagrees with the action (不予推荐 and approve) refuses the action, naming the field.</summary>
    private void CheckFormGates(ActivityContext context, string? formId, string action, JsonNode? data)
    {
        var gate = FormGates.LiteralOrDefault().FirstOrDefault(g => g.Forbids(data, action));
        if (gate is null) return;
        var field = gate.SchemaIn(context.Services.Forms, formId);
        var title = field?["title"].AsString() ?? gate.Pointer;
        var value = gate.ValueIn(data);
        var allowed = string.Join("、", gate.AllowedActions);
        var message = $"表单结论 “{title}”（{gate.Describe(value, field)}）与操作 {action} 不一致，只能执行：{allowed}" +
                      $" (form conclusion {gate.Pointer} = {value?.ToJsonString() ?? "blank"} does not agree with action '{action}'; allowed: {allowed})";
        throw new ResumeRejectedException(message, [new Forms.FieldError(gate.JsonPath, message)]);
    }
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
