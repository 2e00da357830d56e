using System.Text.Json.Nodes;

namespace Designer.Engine.Model;

/// <summary>
/// Which applications a procedure handles (customProperties.scope): kinds, series, levels, employment types.
/// An empty list means "any".
/// </summary>
public sealed record WorkflowScope(
    IReadOnlyList<string> Kinds,
    IReadOnlyList<string> Series,
    IReadOnlyList<string> Levels,
    IReadOnlyList<string> EmploymentTypes)
{
    public static WorkflowScope From(JsonNode? node) => new(
        ReadList(node?["kinds"]), ReadList(node?["series"]), ReadList(node?["levels"]), ReadList(node?["employmentTypes"]));

    public bool IsEmpty => Kinds.Count + Series.Count + Levels.Count + EmploymentTypes.Count == 0;

    public bool Covers(JsonObject? applicant) =>
        Allows(Kinds, applicant?["kind"]) && Allows(Series, applicant?["series"]) &&
        Allows(Levels, applicant?["level"]) && Allows(EmploymentTypes, applicant?["employmentType"]);

    /// <summary>How specific the scope is: when several procedures cover an applicant, the most specific wins.</summary>
    public int Specificity => new[] { Kinds, Series, Levels, EmploymentTypes }.Count(list => list.Count > 0);

    private static bool Allows(IReadOnlyList<string> allowed, JsonNode? value) =>
        allowed.Count == 0 || (value.AsString() is { } text && allowed.Contains(text));

    private static IReadOnlyList<string> ReadList(JsonNode? node) =>
        node is JsonArray array ? array.Select(item => item.AsString() ?? "").Where(s => s.Length > 0).ToList() : [];
}
