using System.Text.Json.Nodes;

namespace Designer.Engine.Diff;

public static class ChangeKinds
{
    public const string Added = "added";
    public const string Removed = "removed";
    public const string Changed = "changed";
    /// <summary>Only the activity's position or size changed: layout, not policy.</summary>
    public const string Moved = "moved";
    public const string Rewired = "rewired";
    public const string Renamed = "renamed";
}

/// <summary>One property of an activity (an input, its name, type, custom properties...) before and after.</summary>
public sealed record PropertyChange(string Name, JsonNode? Old, JsonNode? New);

public sealed record Position(double X, double Y);

public sealed record ActivityChange(string ActivityId, string Kind, string? Type, string? Label, IReadOnlyList<PropertyChange> Properties)
{
    public bool Moved { get; init; }
    public Position? From { get; init; }
    public Position? To { get; init; }
}

public sealed record ConnectionEnd(string Activity, string Port);

/// <summary>A connection added or removed, or rewired: the same source port now leads elsewhere.</summary>
public sealed record ConnectionChange(string Kind, string Flowchart, ConnectionEnd Source, ConnectionEnd? OldTarget, ConnectionEnd? NewTarget);

public sealed record VariableChange(string Name, string Kind, JsonNode? Old, JsonNode? New);

/// <summary>One field of a form: added, removed, renamed, or an aspect changed (required, type, limits, options, title).</summary>
public sealed record FieldChange(string Field, string Kind, string? Aspect, JsonNode? Old, JsonNode? New)
{
    public string? RenamedTo { get; init; }
}

public sealed record FormDiff(string FormId, string Kind, IReadOnlyList<FieldChange> Fields)
{
    public string? OldVersion { get; init; }
    public string? NewVersion { get; init; }
}

/// <summary>What changed between two versions of a workflow, and in the forms they use.</summary>
public sealed record WorkflowDiff(
    IReadOnlyList<PropertyChange> Definition,
    IReadOnlyList<ActivityChange> Activities,
    IReadOnlyList<ConnectionChange> Connections,
    IReadOnlyList<VariableChange> Variables,
    IReadOnlyList<FormDiff> Forms)
{
    /// <summary>True when anything but layout changed.</summary>
    public bool HasSemanticChanges =>
        Definition.Count > 0 || Activities.Any(a => a.Kind != ChangeKinds.Moved) || Connections.Count > 0 || Variables.Count > 0 ||
        Forms.Any(f => f.Kind != ChangeKinds.Changed || f.Fields.Count > 0);

    public bool HasLayoutChanges => Activities.Any(a => a.Moved);
}
