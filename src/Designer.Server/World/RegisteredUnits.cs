using System.Text.Json.Nodes;
using Designer.Engine.Domain;
using Designer.Persistence;
using Designer.Persistence.Entities;
using Designer.Server.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.World;

/// <summary>
/// Wherever a unit is named (an application's `unit`, a user's unit) it is one of its locality's registered active
/// units (by full name, or by id), once the locality has registered any unit. Disabled units count: a locality whose
/// units are all disabled still refuses an unregistered unit, and a disabled unit is refused with its own message.
/// A locality with no unit at all keeps the unit as typed (every locality until its units are onboarded). A registered
/// unit's county and employment type must agree with the application's. Refusals are 422 naming `$.unit`, `$.county`
/// or `$.employmentType`.
/// </summary>
public static class RegisteredUnits
{
    /// <summary>What a named unit is in its locality's registry.</summary>
    public enum Standing { NotRequired, Registered, Disabled, Unregistered }

    /// <summary>The named unit (by name or id) in the locality's registry, and whether the registry requires one.</summary>
    public static async Task<(Standing Standing, OrganisationRecord? Unit)> FindAsync(DesignerDbContext db, string locality, string? named)
    {
        var units = db.Organisations.AsNoTracking().Where(o => o.Locality == locality && o.Kind == OrganisationEndpoints.Kinds.Unit);
        if (!await units.AnyAsync()) return (Standing.NotRequired, null);
        var text = named?.Trim() ?? "";
        var unit = text.Length == 0 ? null
            : await units.OrderByDescending(o => o.Active).FirstOrDefaultAsync(o => o.Name == text || o.Id == text);
        return unit is null ? (Standing.Unregistered, null) : (unit.Active ? Standing.Registered : Standing.Disabled, unit);
    }

    /// <summary>Why the named unit may not be used in the locality, or null when it may (registered and active, or no registry yet).</summary>
    public static string? Refusal(Standing standing, string? named, OrganisationRecord? unit) => standing switch
    {
        Standing.Unregistered => $"“{named?.Trim()}” 不是本地区已登记的用人单位，请从列表中选择工作单位 (the unit must be a registered active unit of the locality)",
        Standing.Disabled => $"工作单位 {unit!.Name} 已停用，不能再选用；请选择本地区在用的单位或联系管理员 (the unit is disabled in the registry)",
        _ => null,
    };

    /// <summary>
    /// Refuses an application whose unit is not a registered active unit of the locality (or whose county or employment
    /// type disagree with the unit's). An application that names no unit at all is not checked: its form asks none.
    /// A procedure that accepts units elsewhere (a transfer out of the region) takes an unregistered unit as it is.
    /// </summary>
    public static async Task RefuseUnregisteredAsync(DesignerDbContext db, VocabularySet vocabulary, string locality, JsonObject data,
        bool acceptsUnitsElsewhere = false)
    {
        if (!data.ContainsKey("unit")) return;
        var named = (data["unit"] as JsonValue)?.TryGetValue<string>(out var text) == true ? text.Trim() : "";
        var (standing, unit) = await FindAsync(db, locality, named);
        if (acceptsUnitsElsewhere && standing == Standing.Unregistered && named.Length > 0) return;
        if (Refusal(standing, named, unit) is { } refusal) throw new ApiProblemException(Problems.Invalid("$.unit", refusal));
        if (unit is null) return;
        if (unit.County is { } countyCode && Text(data, "county") is { } county &&
            vocabulary.Localities.TryGetValue(locality, out var place) && place.County(county)?.Code != countyCode)
            throw new ApiProblemException(Problems.Invalid("$.county",
                $"所在县 “{county}” 与工作单位 {unit.Name} 所在县 “{place.County(countyCode)?.Name ?? countyCode}” 不一致 (the county differs from the unit's)"));
        if (unit.EmploymentType is { } employment && Text(data, "employmentType") is { } given && given != employment)
            throw new ApiProblemException(Problems.Invalid("$.employmentType",
                $"人员类别与工作单位 {unit.Name} 登记的类别 “{vocabulary.EmploymentTypes.GetValueOrDefault(employment)?.Name ?? employment}” 不一致 (the employment type differs from the unit's)"));
    }

    private static string? Text(JsonObject data, string field) =>
        (data[field] as JsonValue)?.TryGetValue<string>(out var text) == true && text.Trim().Length > 0 ? text.Trim() : null;
}
