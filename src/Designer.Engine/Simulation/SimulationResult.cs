using System.Text.Json.Nodes;
using Designer.Engine.Model;
using Designer.Engine.Runtime;

namespace Designer.Engine.Simulation;

public sealed record PathAssignee(string Org, string Role);

public sealed record PathStep(string Stage, PathAssignee Assignee, string Action, string Date)
{
    public string? ActivityId { get; init; }
    public List<string>? Reasons { get; init; }
}

public sealed record SimulationError(string Path, string Message);

/// <summary>A form field the simulator made up because the case did not give it (stage, step, field, value used).</summary>
public sealed record SampledField(string Stage, string ActivityId, string Field, JsonNode? Value);

/// <summary>contract.md's simulation result.</summary>
public sealed record SimulationResult(
    string Status,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.Never)] JsonObject? Granted, IReadOnlyList<PathStep> Path, IReadOnlyList<SimulationError> Errors)
{
    public string? Reason { get; init; }
    public string? WorkflowId { get; init; }
    /// <summary>The finding the run writes to the applicant's integrity record (fraud found), else null; an addition to contract.md.</summary>
    public string? IntegrityFinding { get; init; }
    /// <summary>What the run marks in the titles register (Titles.TitleStatus); an addition to contract.md's result, empty when nothing.</summary>
    public JsonArray TitleChanges { get; init; } = [];

    /// <summary>Titles obtained elsewhere that the run decided to cancel (Titles.RevokeTitle); an addition to contract.md.</summary>
    public IReadOnlyList<TitleRevocation> Revocations { get; init; } = [];

    /// <summary>The unit approved for autonomous evaluation (Titles.UnitApproval), else null; an addition to contract.md.</summary>
    public JsonObject? UnitApproval { get; init; }

    /// <summary>Fields made up from the forms' minimal-valid data; an addition to contract.md's result, empty when the case gave everything.</summary>
    public IReadOnlyList<SampledField> Sampled { get; init; } = [];

    public static SimulationResult Failed(string workflowId, SimulationError error) =>
        new(nameof(WorkflowStatus.Faulted), null, [], [error]) { WorkflowId = workflowId };

    /// <summary>The submission is refused before the procedure starts (outside its scope or its window), as the server refuses it with 422.</summary>
    public static SimulationResult Refused(string workflowId, IReadOnlyList<SimulationError> errors) =>
        new(RefusedStatus, null, [], errors) { WorkflowId = workflowId, Reason = string.Join("；", errors.Select(e => e.Message)) };

    public const string RefusedStatus = "Refused";

    public static SimulationResult From(WorkflowInstanceState state, IReadOnlyList<SimulationError> errors, string workflowId) => new(
        state.Status == WorkflowStatus.Running ? nameof(WorkflowStatus.Waiting) : state.Status.ToString(),
        state.Granted is null ? null : (JsonObject)state.Granted.DeepClone(),
        state.Journal.Select(entry => new PathStep(entry.Stage, new PathAssignee(entry.Assignee.Org, entry.Assignee.Role), entry.Action, entry.Date)
        {
            ActivityId = entry.ActivityId, Reasons = entry.Reasons,
        }).ToList(),
        state.Fault is null ? errors : [.. errors, new SimulationError(state.Fault.ActivityId, state.Fault.Message)])
    {
        Reason = state.Reason, WorkflowId = workflowId, IntegrityFinding = state.IntegrityFinding, Revocations = [.. state.Revocations],
        TitleChanges = (JsonArray)state.TitleChanges.DeepClone(),
        UnitApproval = state.UnitApproval?.DeepClone() as JsonObject,
    };

    public string ToJson() => JsonText.Serialize(this);
}
