using System.Text.Json.Nodes;

namespace Designer.Engine.Model;

/// <summary>
/// Which applications a procedure handles (customProperties.scope): kinds, series, levels, employment types, counties.
/// An empty list means "any".
/// </summary>
public sealed record WorkflowScope(
    IReadOnlyList<string> Kinds,
    IReadOnlyList<string> Series,
    IReadOnlyList<string> Levels,
    IReadOnlyList<string> EmploymentTypes)
{
    public IReadOnlyList<string> Counties { get; init; } = [];

    public static WorkflowScope From(JsonNode? node) => new(
        ReadList(node?["kinds"]), ReadList(node?["series"]), ReadList(node?["levels"]), ReadList(node?["employmentTypes"]))
    {
        Counties = ReadList(node?["counties"]),
    };

    public bool IsEmpty => Kinds.Count + Series.Count + Levels.Count + EmploymentTypes.Count + Counties.Count == 0;

    public bool Covers(JsonObject? applicant) => Fields().All(f => Allows(f.Allowed, applicant?[f.Field]));

    /// <summary>How specific the scope is: when several procedures cover an applicant, the most specific wins.</summary>
    public int Specificity => Fields().Count(f => f.Allowed.Count > 0);

    /// <summary>
    /// Each field of the application whose value lies outside the scope, with a message naming the field and what the
    /// scope allows. A field left out is the apply form's business (it says what is required), not the scope's.
    /// </summary>
    public IReadOnlyList<ScopeViolation> Violations(JsonObject application) => Fields()
        .Where(f => application[f.Field].AsString() is { Length: > 0 } && !Allows(f.Allowed, application[f.Field]))
        .Select(f => new ScopeViolation(f.Field, application[f.Field].AsString(),
            $"{f.Label}“{application[f.Field].AsString() ?? "未填写"}”不在本流程的申报范围内，可选：{string.Join("、", f.Allowed)} " +
            $"({f.Field} '{application[f.Field].AsString()}' is outside the procedure's scope: {string.Join(", ", f.Allowed)})"))
        .ToList();

    private IEnumerable<(string Field, string Label, IReadOnlyList<string> Allowed)> Fields() =>
    [
        ("kind", "申报类别", Kinds), ("series", "系列", Series), ("level", "级别", Levels),
        ("employmentType", "人员类别", EmploymentTypes), ("county", "所在县（市、区）", Counties),
    ];

    private static bool Allows(IReadOnlyList<string> allowed, JsonNode? value) =>
        allowed.Count == 0 || (value.AsString() is { } text && allowed.Contains(text));

    private static IReadOnlyList<string> ReadList(JsonNode? node) =>
        node is JsonArray array ? array.Select(item => item.AsString() ?? "").Where(s => s.Length > 0).ToList() : [];
}

/// <summary>An application field outside a procedure's scope: the field (a top-level name of the application) and the message.</summary>
public sealed record ScopeViolation(string Field, string? Value, string Message)
{
    public string Path => $"$.{Field}";
}
