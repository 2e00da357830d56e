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
/// Runs workflow definitions. Pure: no I/O of its own, time from the given clock. Every call works on a copy of
/// the state it is given and returns the new state, so a rejected resume leaves the caller's state untouched.
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

    /// <summary>Resumes one bookmark. Throws BookmarkNotFoundException or ResumeRejectedException without changing anything.</summary>
    public WorkflowInstanceState Resume(WorkflowDefinition definition, WorkflowInstanceState state, string bookmarkId, ResumeInput input)
    {
        var working = state.Clone();
        var bookmark = working.Bookmarks.FirstOrDefault(b => b.Id == bookmarkId) ?? throw new BookmarkNotFoundException(bookmarkId);
        new WorkflowExecution(ExecutableWorkflow.For(definition, Services.Registry), working, Services).Resume(bookmark, input);
        return working;
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

    /// <summary>Fires every timer due by the clock's now, earliest first (each exactly once: its bookmark goes with it).</summary>
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
