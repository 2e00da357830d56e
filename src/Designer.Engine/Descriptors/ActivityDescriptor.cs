namespace Designer.Engine.Descriptors;

/// <summary>What the Studio's toolbox and property panel are generated from (`designer describe`, GET /api/activities).</summary>
public sealed record ActivityDescriptor(
    string TypeName,
    string DisplayName,
    string Category,
    string Description,
    IReadOnlyList<PortDescriptor> Ports,
    string? PortsFromInput,
    IReadOnlyList<InputDescriptor> Inputs,
    bool IsTerminal,
    bool IsPersonStep);

public sealed record PortDescriptor(string Name, string DisplayName);

public sealed record InputDescriptor(
    string Name,
    string DisplayName,
    string TypeName,
    string UiHint,
    bool Required,
    object? DefaultValue,
    IReadOnlyList<OptionDescriptor>? Options,
    string Category,
    string Description,
    bool SupportsExpressions);

public sealed record OptionDescriptor(string Value, string Label);
