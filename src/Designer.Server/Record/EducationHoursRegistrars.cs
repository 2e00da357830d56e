using System.Text.Json;
using Designer.Server.Auth;
using Designer.Server.Hosting;
using Microsoft.Extensions.Options;

namespace Designer.Server.Record;

/// <summary>
/// Who registers which category of continuing-education hours in a locality (workflows/world/education-hours.json):
/// e.g. professional hours by the competent department, public hours by HR, both by HR for an enterprise's staff.
/// A locality the file does not list keeps the default: HR reviewers of the locality (and admins) register both.
/// Admins may always register on behalf of the registrar.
/// </summary>
public sealed class EducationHoursRegistrars
{
    public const string FileName = "education-hours.json";
    public const string Hr = "hr";
    public const string CompetentDepartment = "competent-department";

    private readonly Dictionary<string, LocalityRule> _rules;

    public EducationHoursRegistrars(IOptions<DesignerOptions> options) : this(Load(Path.Combine(options.Value.WorldDirectory, FileName))) { }

    public EducationHoursRegistrars(IEnumerable<LocalityRule> rules) => _rules = rules.ToDictionary(r => r.Locality);

    public sealed record LocalityRule(string Locality, string[]? Public, string[]? Professional, string[]? Enterprise, string? Source);

    private sealed record RuleFile(List<LocalityRule>? Localities);

    public static IEnumerable<LocalityRule> Load(string file) =>
        File.Exists(file)
            ? JsonSerializer.Deserialize<RuleFile>(File.ReadAllText(file), new JsonSerializerOptions(JsonSerializerDefaults.Web))?.Localities ?? []
            : [];

    /// <summary>May register some category in the locality (so they may find the person).</summary>
    public bool RegistersIn(CurrentUser user, string locality) =>
        RecordAccess.CanWrite(user, locality) ||
        (_rules.TryGetValue(locality, out var rule) && IsCompetentDepartment(user, locality) &&
         new[] { rule.Public, rule.Professional, rule.Enterprise }.Any(list => list?.Contains(CompetentDepartment) == true));

    /// <summary>Why the user may not register this category for a person of the locality (null: they may).</summary>
    public string? Refusal(CurrentUser user, string locality, string category, bool enterpriseStaff)
    {
        if (user.IsPolicyAdmin || (user.IsLocalityAdmin && user.Locality == locality)) return null;
        if (!_rules.TryGetValue(locality, out var rule))
            return RecordAccess.CanWrite(user, locality) ? null : "只有本地区人社部门审核人员和管理员可以登记 (only HR reviewers of the locality and admins write the record)";
        var registrars = (enterpriseStaff ? rule.Enterprise : null) ?? (category == "public" ? rule.Public : rule.Professional) ?? [Hr];
        if (registrars.Any(r => Is(user, locality, r))) return null;
        var who = string.Join("、", registrars.Select(r => r == Hr ? "人社部门" : "行业主管部门"));
        var whoEn = string.Join(" or ", registrars.Select(r => r == Hr ? "HR" : "the competent department"));
        var what = category == "public" ? "公需科目" : "专业科目";
        var whose = enterpriseStaff ? "企业人员的" : "";
        return $"{whose}{what}学时由{who}登记审核（{rule.Source}） ({(enterpriseStaff ? "an enterprise's staff: " : "")}{category} hours are registered by {whoEn})";
    }

    private static bool Is(CurrentUser user, string locality, string registrar) => registrar switch
    {
        Hr => user.Locality == locality && RecordAccess.IsHrReviewer(user),
        CompetentDepartment => IsCompetentDepartment(user, locality),
        _ => false,
    };

    /// <summary>A reviewer of a department of the locality or of a county (主管部门) other than HR, a unit or an enterprise committee.</summary>
    public static bool IsCompetentDepartment(CurrentUser user, string locality) =>
        user.IsReviewer && user.Locality == locality && user.Org is { } org && !RecordAccess.IsHrReviewer(user) &&
        org.Split('/') is [var owner, var department] && (owner == locality || owner == "county") && department is not ("hr" or "unit" or "committee");
}
