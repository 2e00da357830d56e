using System.Text.Json.Nodes;
using Designer.Engine.Model;

namespace Designer.Engine.Runtime;

public sealed record StartRequest(
    string InstanceId,
    JsonObject? Application = null,
    JsonArray? History = null,
    IReadOnlyDictionary<string, JsonNode?>? Variables = null,
    JsonObject? Record = null);

/// <summary>
/// Runs workflow definitions. Pure: no I/O of its own, time from the given clock. A resume (and a timer) works on
/// the state it is given and returns it: every refusal (BookmarkNotFoundException, ResumeRejectedException) is raised
/// before the first change, so a refused resume leaves the state as it was without the cost of copying it (a JSON
/// round trip was two thirds of a transition). Operators' RunFrom and Stop, which are rare, work on a copy.
/// </summary>
public sealed class WorkflowEngine(EngineServices services)
{
    public EngineServices Services { get; } = services;

    public WorkflowInstanceState Start(WorkflowDefinition definition, StartRequest request)
    {
        var state = new WorkflowInstanceState
        {
            InstanceId = request.InstanceId,
            DefinitionId = definition.DefinitionId,
            DefinitionVersion = definition.Version,
            Locality = definition.Locality,
            CreatedAt = Services.Clock.Now,
            UpdatedAt = Services.Clock.Now,
            Application = request.Application?.DeepClone().AsObject() ?? [],
            History = request.History?.DeepClone().AsArray() ?? [],
            Record = request.Record?.DeepClone().AsObject() ?? [],
        };
        foreach (var variable in definition.Variables)
            state.Variables[variable.Name] = InitialValue(variable);
        foreach (var (name, value) in request.Variables ?? new Dictionary<string, JsonNode?>())
            state.Variables[name] = value?.DeepClone();

        new WorkflowExecution(ExecutableWorkflow.For(definition, Services.Registry), state, Services).Begin();
        return state;
    }

    /// <summary>
    /// Resumes one bookmark, changing the given state and returning it. Throws BookmarkNotFoundException or
    /// ResumeRejectedException without changing anything: activities check the action and the form before they act.
    /// </summary>
    public WorkflowInstanceState Resume(WorkflowDefinition definition, WorkflowInstanceState state, string bookmarkId, ResumeInput input)
    {
        var bookmark = state.Bookmarks.FirstOrDefault(b => b.Id == bookmarkId) ?? throw new BookmarkNotFoundException(bookmarkId);
        new WorkflowExecution(ExecutableWorkflow.For(definition, Services.Registry), state, Services).Resume(bookmark, input);
        return state;
    }

    /// <summary>
    /// Runs the instance again from one activity, as an operator asks: the step that faulted (retry) or another step
    /// (move). What the instance waited at is dropped; the fault is cleared. Throws ActivityFaultException when the
    /// definition has no such activity.
    /// </summary>
    public WorkflowInstanceState RunFrom(WorkflowDefinition definition, WorkflowInstanceState state, string activityId)
    {
        if (!definition.ActivitiesById.ContainsKey(activityId))
            throw new ActivityFaultException($"定义中没有活动 {activityId} (no activity '{activityId}' in this definition version)");
        var working = state.Clone();
        working.Fault = null;
        working.Reason = null;
        working.Status = WorkflowStatus.Running;
        working.Bookmarks.Clear();
        working.Queue.Clear();
        new WorkflowExecution(ExecutableWorkflow.For(definition, Services.Registry), working, Services).RunFrom(activityId);
        return working;
    }

    /// <summary>Ends a running instance from outside (cancelled by an operator, withdrawn by the applicant); end hooks run (quotas are released).</summary>
    public WorkflowInstanceState Stop(WorkflowDefinition definition, WorkflowInstanceState state, WorkflowStatus status, string reason)
    {
        if (!status.IsFinal()) throw new ArgumentException($"{status} is not a final status", nameof(status));
        var working = state.Clone();
        new WorkflowExecution(ExecutableWorkflow.For(definition, Services.Registry), working, Services).Stop(status, reason);
        return working;
    }

    /// <summary>
    /// Fires every timer due by the clock's now, earliest first (each exactly once: its bookmark goes with it), on the
    /// given state (timers are never refused).
    /// </summary>
    public WorkflowInstanceState FireDueTimers(WorkflowDefinition definition, WorkflowInstanceState state)
    {
        var current = state;
        while (!current.Status.IsFinal() && NextDueTimer(current) is { } due && due.DueAt <= Services.Clock.Now)
            current = Resume(definition, current, due.Id, ResumeInput.TimerFired);
        return current;
    }

    public static Bookmark? NextDueTimer(WorkflowInstanceState state) =>
        state.Bookmarks.Where(b => b.DueAt is not null).OrderBy(b => b.DueAt).ThenBy(b => b.CreatedAt).FirstOrDefault();

    private static JsonNode? InitialValue(VariableDefinition variable)
    {
        if (variable.Value is not JsonValue scalar || !scalar.TryGetValue<string>(out var text)) return variable.Value?.DeepClone();
        return variable.TypeName switch
        {
            "Int32" or "Int64" or "Double" or "Decimal" or "Number" when double.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var n)
                => n % 1 == 0 ? JsonValue.Create((long)n) : JsonValue.Create(n),
            "Boolean" when bool.TryParse(text, out var b) => JsonValue.Create(b),
            "Object" or "Array" when text.TrimStart().StartsWith('{') || text.TrimStart().StartsWith('[') => JsonNode.Parse(text),
            "String" => JsonValue.Create(text),
            _ when text.Length == 0 => null,
            _ => JsonValue.Create(text),
        };
    }
}
