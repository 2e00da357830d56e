using System.Text.Json;
using Designer.Persistence;
using Designer.Persistence.Entities;
using Designer.Server.Auth;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.Record;

/// <summary>
/// Who registers and verifies which category of continuing-education hours in a locality: the registry of
/// <see cref="EducationRegistrarRecord"/> (seeded from workflows/world/education-hours.json, managed at
/// `/api/education-registrars`). E.g. professional hours by the competent department, public hours by HR, both by HR
/// for an enterprise's staff. A locality without active entries keeps the default: HR reviewers of the locality (and
/// admins) register both. Admins may always register on behalf of the registrar; HR of the locality verifies every
/// category (总学时审验), a registrar that verifies its category verifies those hours too.
/// </summary>
public sealed class EducationHoursRegistrars(DesignerDbContext db)
{
    public const string FileName = "education-hours.json";
    public const string Hr = "hr";
    public const string CompetentDepartment = "competent-department";
    public static readonly string[] Registrars = [Hr, CompetentDepartment];
    public static readonly string[] Categories = ["public", "professional"];
    public const string AllStaff = "all";
    public const string EnterpriseStaff = "enterprise";
    public static readonly string[] StaffKinds = [AllStaff, EnterpriseStaff];

    private readonly Dictionary<string, List<EducationRegistrarRecord>> _byLocality = new();

    /// <summary>The active entries of a locality (read once per request).</summary>
    public async Task<List<EducationRegistrarRecord>> OfAsync(string locality)
    {
        if (!_byLocality.TryGetValue(locality, out var entries))
            _byLocality[locality] = entries = await db.EducationRegistrars.AsNoTracking().Where(r => r.Locality == locality && r.Active).ToListAsync();
        return entries;
    }

    /// <summary>May register some category in the locality (so they may find the person).</summary>
    public async Task<bool> RegistersInAsync(CurrentUser user, string locality) =>
        RecordAccess.CanWrite(user, locality) ||
        (IsCompetentDepartment(user, locality) && (await OfAsync(locality)).Any(r => r.Registrar == CompetentDepartment));

    /// <summary>Who registers a category for a person: the enterprise entries for an enterprise's staff when there are any, else those for all; HR when none.</summary>
    public static List<EducationRegistrarRecord> For(List<EducationRegistrarRecord> entries, string category, bool enterpriseStaff)
    {
        var ofCategory = entries.Where(r => r.Category == category).ToList();
        var enterprise = ofCategory.Where(r => r.Staff == EnterpriseStaff).ToList();
        return enterpriseStaff && enterprise.Count > 0 ? enterprise : ofCategory.Where(r => r.Staff == AllStaff).ToList();
    }

    /// <summary>Why the user may not register this category for a person of the locality (null: they may).</summary>
    public async Task<string?> RefusalAsync(CurrentUser user, string locality, string category, bool enterpriseStaff)
    {
        if (user.IsPolicyAdmin || (user.IsLocalityAdmin && user.Locality == locality)) return null;
        var entries = await OfAsync(locality);
        if (entries.Count == 0)
            return RecordAccess.CanWrite(user, locality) ? null : "只有本地区人社部门审核人员和管理员可以登记 (only HR reviewers of the locality and admins write the record)";
        var registrars = For(entries, category, enterpriseStaff);
        var who = registrars.Count == 0 ? [Hr] : registrars.Select(r => r.Registrar).Distinct().ToList();
        if (who.Any(r => Is(user, locality, r))) return null;
        var names = string.Join("、", who.Select(r => r == Hr ? "人社部门" : "行业主管部门"));
        var namesEn = string.Join(" or ", who.Select(r => r == Hr ? "HR" : "the competent department"));
        var what = category == "public" ? "公需科目" : "专业科目";
        var whose = enterpriseStaff ? "企业人员的" : "";
        var source = registrars.Select(r => r.Source).FirstOrDefault(s => !string.IsNullOrWhiteSpace(s));
        return $"{whose}{what}学时由{names}登记审核{(source is null ? "" : $"（{source}）")} ({(enterpriseStaff ? "an enterprise's staff: " : "")}{category} hours are registered by {namesEn})";
    }

    /// <summary>
    /// The categories the user verifies for a person of the locality: every category for HR of the locality and
    /// admins (总学时审验); for a registrar entry that verifies, its category. Empty: they may not verify.
    /// </summary>
    public async Task<IReadOnlyList<string>> VerifiesAsync(CurrentUser user, string locality, bool enterpriseStaff)
    {
        if (RecordAccess.CanWrite(user, locality)) return Categories;
        var entries = await OfAsync(locality);
        return Categories.Where(c => For(entries, c, enterpriseStaff).Any(r => r.Verifies && Is(user, locality, r.Registrar))).ToList();
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

    /// <summary>The seed file's rules as registry entries (one per locality, category, staff and registrar).</summary>
    public static IEnumerable<EducationRegistrarRecord> ReadSeed(string file)
    {
        if (!File.Exists(file)) yield break;
        var rules = JsonSerializer.Deserialize<RuleFile>(File.ReadAllText(file), new JsonSerializerOptions(JsonSerializerDefaults.Web))?.Localities ?? [];
        foreach (var rule in rules)
        {
            IEnumerable<(string Category, string Staff, string[]? Who)> lists =
                [("public", AllStaff, rule.Public), ("professional", AllStaff, rule.Professional), ("public", EnterpriseStaff, rule.Enterprise), ("professional", EnterpriseStaff, rule.Enterprise)];
            foreach (var (category, staff, who) in lists)
                foreach (var registrar in who ?? [])
                    yield return new EducationRegistrarRecord
                    {
                        Id = IdOf(rule.Locality, category, staff, registrar), Locality = rule.Locality, Category = category, Staff = staff,
                        Registrar = registrar, Verifies = registrar == Hr, Source = rule.Source, Active = true,
                    };
        }
    }

    public static string IdOf(string locality, string category, string staff, string registrar) => $"{locality}/{category}/{staff}/{registrar}";

    private sealed record LocalityRule(string Locality, string[]? Public, string[]? Professional, string[]? Enterprise, string? Source);

    private sealed record RuleFile(List<LocalityRule>? Localities);
}
