using System.Text.Json.Nodes;
using Designer.Engine.Calendar;
using Designer.Engine.Expressions;
using Designer.Engine.Model;

namespace Designer.Engine.Runtime;

/// <summary>What an activity sees while it executes or resumes: its inputs, the instance, time, and how to finish.</summary>
public sealed class ActivityContext
{
    private readonly WorkflowExecution _execution;

    internal ActivityContext(WorkflowExecution execution, Activity activity)
    {
        _execution = execution;
        Activity = activity;
    }

    public Activity Activity { get; }
    public WorkflowInstanceState State => _execution.State;
    public EngineServices Services => _execution.Services;
    public WorkflowDefinition Definition => _execution.Workflow.Definition;
    public DateTimeOffset Now => Services.Clock.Now;
    public DateOnly Today => ChinaTime.DateOf(Now);
    public IWorkingDayCalendar Calendar => Services.WorkingDaysOf(Definition.Locality);

    internal IReadOnlyList<string>? Outcomes { get; private set; }
    internal bool Suspended { get; private set; }

    public T Get<T>(Input<T> input) =>
        input.Expression is null ? input.DefaultValue
        : input.TryConvertedLiteral(out var literal) ? literal
        : Evaluate(input.Expression, input.DefaultValue);

    public T Evaluate<T>(ExpressionModel expression, T fallback)
    {
        try { return ValueConverter.Convert(EvaluateJson(expression), fallback); }
        catch (FormatException e) { throw new ActivityFaultException(e.Message); }
    }

    public JsonNode? EvaluateJson(ExpressionModel expression) => expression.Type switch
    {
        ExpressionTypes.Literal => expression.Value?.DeepClone(),
        ExpressionTypes.Object or ExpressionTypes.Json => ParseJsonText(expression.Value),
        ExpressionTypes.JavaScript => RunScript(expression.Text ?? ""),
        ExpressionTypes.Variable => State.Variables.GetValueOrDefault(VariableName(expression.Value))?.DeepClone(),
        ExpressionTypes.Input => State.Application[expression.Text ?? ""]?.DeepClone(),
        _ => throw new ActivityFaultException($"不支持的表达式类型 {expression.Type} (expression type '{expression.Type}' is not supported)"),
    };

    /// <summary>Runs a script with this instance's data in scope; variables it sets are written back.</summary>
    public JsonNode? RunScript(string script)
    {
        var scope = new ScriptScope { Variables = State.Variables, Today = Today, Now = Now, Calendar = Calendar };
        scope.Globals["application"] = State.Application;
        scope.DeferredGlobals["applicant"] = Applicant;
        scope.Globals["forms"] = State.Forms;
        scope.Globals["history"] = State.History;
        scope.Globals["locality"] = Definition.Locality;
        return Services.Scripts.Evaluate(script, scope);
    }

    /// <summary>
    /// `applicant`: the application's data with the applicant's record (titles, educationHours, integrity) added, a
    /// record entry replacing an application field of its name in place. Only read by a script that uses it.
    /// </summary>
    private IEnumerable<KeyValuePair<string, JsonNode?>> Applicant()
    {
        var record = State.Record;
        foreach (var field in State.Application)
            yield return record.TryGetPropertyValue(field.Key, out var replaced) ? KeyValuePair.Create(field.Key, replaced) : field;
        foreach (var entry in record)
            if (!State.Application.ContainsKey(entry.Key)) yield return entry;
    }

    public void Complete(params string[] outcomes) => Outcomes = outcomes;

    public Bookmark CreateBookmark(string kind, JsonObject payload, DateTimeOffset? dueAt = null)
    {
        var bookmark = new Bookmark
        {
            Id = State.NextId("bm"), ActivityId = Activity.Id, Kind = kind, CreatedAt = Now, DueAt = dueAt, Payload = payload,
        };
        State.Bookmarks.Add(bookmark);
        Suspended = true;
        return bookmark;
    }

    /// <summary>Adds a step to the application's path, dated today on the engine's clock.</summary>
    public JournalEntry Record(string stage, Assignee assignee, string action, ResumeInput? input = null, List<string>? reasons = null)
    {
        var entry = new JournalEntry
        {
            Stage = stage, ActivityId = Activity.Id, ActivityName = Activity.Node.Label, Assignee = assignee, Action = action,
            Date = Today.ToString("yyyy-MM-dd"), Actor = input?.Actor, Comment = input?.Comment, Data = input?.Data?.DeepClone(),
            Reasons = reasons,
        };
        State.Journal.Add(entry);
        State.JournalIndex.Add(entry);
        return entry;
    }

    /// <summary>Ends the whole instance now (Titles.Conclude): queued work and open bookmarks are dropped.</summary>
    public void EndWorkflow(WorkflowStatus status, string? reason) => _execution.EndWorkflow(status, reason);

    /// <summary>Ends the flowchart this activity belongs to (Elsa.End).</summary>
    public void EndFlowchart() => _execution.EndFlowchartOf(Activity.Id);

    /// <summary>Replaces `{locality}` in an organisation code with this workflow's locality.</summary>
    public string ResolveLocality(string org) => org.Replace("{locality}", Definition.Locality);

    public void Notify(string to, string message) =>
        State.Notifications.Add(new Notification(to, message, Today.ToString("yyyy-MM-dd"), Activity.Id));

    private static string VariableName(JsonNode? value) =>
        value is JsonObject reference ? reference["name"].AsString() ?? reference["id"].AsString() ?? "" : value.AsString() ?? "";

    private static JsonNode? ParseJsonText(JsonNode? value)
    {
        if (value is not JsonValue scalar || !scalar.TryGetValue<string>(out var text)) return value?.DeepClone();
        try { return JsonNode.Parse(text); }
        catch (System.Text.Json.JsonException e) { throw new ActivityFaultException($"JSON 表达式无效 (invalid JSON expression): {e.Message}"); }
    }
}
