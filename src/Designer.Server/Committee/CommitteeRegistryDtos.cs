using System.Text.Json;
using Designer.Engine.Committees;
using Designer.Persistence.Entities;

namespace Designer.Server.Committee;

/// <summary>An expert of the pool.</summary>
public sealed record ExpertDto(string Id, string Name, string Locality, string Series, string Specialty, string Unit, bool Active, IReadOnlyList<string> Conflicts);

/// <summary>A new expert or the whole of an edited one (PUT replaces every field; the id may be left out on POST).</summary>
public sealed record ExpertRequest(string? Id, string? Name, string? Locality, string? Series, string? Specialty, string? Unit, bool? Active, List<string>? Conflicts);

/// <summary>
/// A committee: one series, its levels, the organiser office, its members from the pool, its approval and filing, its
/// published standards, and why it is suspended or withdrawn (status suspended / revoked).
/// </summary>
public sealed record CommitteeDto(
    string Id, string Locality, string Name, IReadOnlyList<string> Series, IReadOnlyList<string> Levels, string Organiser, IReadOnlyList<string> Experts,
    string Status, string? ApprovedBy, string? ApprovedOn, string? FilingNumber)
{
    public string? StandardsTitle { get; init; }
    public string? StandardsPublishedOn { get; init; }
    public string? GovernanceReason { get; init; }
    public string? RectifyBy { get; init; }
}

/// <summary>A committee to create or replace; suspension and withdrawal are the governance action's, not this request's.</summary>
public sealed record CommitteeRequest(
    string? Id, string? Locality, string? Name, List<string>? Series, List<string>? Levels, string? Organiser, List<string>? Experts,
    string? Status, string? ApprovedBy, string? ApprovedOn, string? FilingNumber, string? StandardsTitle = null, string? StandardsPublishedOn = null);

public static class CommitteeRegistryDtos
{
    public static ExpertDto Expert(ExpertRecord e) =>
        new(e.Id, e.Name, e.Locality, e.Series, e.Specialty, e.Unit, e.Active, Strings(e.ConflictsJson));

    public static CommitteeDto Committee(CommitteeRecord c) => new(
        c.Id, c.Locality, c.Name, Strings(c.SeriesJson), Strings(c.LevelsJson), c.Organiser, Strings(c.ExpertsJson), c.Status, c.ApprovedBy, c.ApprovedOn,
        c.FilingNumber)
    {
        StandardsTitle = c.StandardsTitle, StandardsPublishedOn = c.StandardsPublishedOn, GovernanceReason = c.GovernanceReason, RectifyBy = c.RectifyBy,
    };

    public static CommitteeInfo Info(CommitteeRecord c) =>
        new(c.Id, c.Locality, c.Name, Strings(c.SeriesJson), Strings(c.LevelsJson), c.Organiser, c.Status, c.StandardsPublishedOn);

    public static List<string> Strings(string json) => JsonSerializer.Deserialize<List<string>>(json) ?? [];

    public static string Json(IEnumerable<string>? values) => JsonSerializer.Serialize((values ?? []).ToList());
}
