namespace Designer.Engine.Descriptors;

/// <summary>Declares an activity type: its Elsa type name, Chinese display name and toolbox category.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ActivityAttribute(string typeName, string displayName) : Attribute
{
    public string TypeName { get; } = typeName;
    public string DisplayName { get; } = displayName;
    public string Category { get; init; } = ActivityCategories.Flow;
    public string Description { get; init; } = "";

    /// <summary>Fixed outbound ports. Activities whose ports depend on their inputs override Activity.GetPorts.</summary>
    public string[] Ports { get; init; } = ["Done"];

    /// <summary>When the ports come from an input (a task's actions, a fork's branches), that input's name.</summary>
    public string? PortsFromInput { get; init; }

    /// <summary>Ends its flowchart (Elsa.End) or the whole workflow (Titles.Conclude).</summary>
    public bool IsTerminal { get; init; }

    /// <summary>Waits for a person (a task appears in an inbox).</summary>
    public bool IsPersonStep { get; init; }
}

/// <summary>Declares an input of an activity; the property panel is generated from it.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class InputAttribute(string displayName) : Attribute
{
    public string DisplayName { get; } = displayName;
    public string Description { get; init; } = "";
    public string UiHint { get; init; } = UiHints.SingleLine;
    public bool Required { get; init; }

    /// <summary>Fixed choices for a dropdown (codes); their Chinese labels come from the vocabulary.</summary>
    public string[]? Options { get; init; }

    public string Category { get; init; } = "常规";

    /// <summary>False for inputs whose value is structure, not a value to compute (cases, rule rows).</summary>
    public bool SupportsExpressions { get; init; } = true;
}

public static class ActivityCategories
{
    public const string Flow = "流程控制";
    public const string Primitives = "基础";
    public const string Titles = "职称评审";
    public const string Rules = "规则与计算";
}

/// <summary>Editors the Studio's property panel knows.</summary>
public static class UiHints
{
    public const string SingleLine = "single-line";
    public const string MultiLine = "multi-line";
    public const string Number = "number";
    public const string Checkbox = "checkbox";
    public const string Dropdown = "dropdown";
    public const string Code = "code";
    public const string Json = "json-editor";
    public const string StagePicker = "stage-picker";
    public const string OrganisationPicker = "organisation-picker";
    public const string CommitteePicker = "committee-picker";
    public const string RolePicker = "role-picker";
    public const string ActionsPicker = "actions-picker";
    public const string FormPicker = "form-picker";
    public const string VariablePicker = "variable-picker";
    public const string StringList = "string-list";
    public const string SwitchCases = "switch-cases";
    public const string RuleTable = "rule-table";
    public const string Criteria = "criteria-table";
    public const string TimeSpan = "timespan";
}
