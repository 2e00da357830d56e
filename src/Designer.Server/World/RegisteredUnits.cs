using System.Text.Json.Nodes;
using Designer.Engine.Domain;
using Designer.Persistence;
using Designer.Server.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.World;

/// <summary>
/// An application's `unit` is one of its locality's registered active units (by full name, or by id), once the
/// locality has registered any; a locality with none yet keeps the unit as typed (the demo localities, and every
/// locality until its units are onboarded). A registered unit's county and employment type must agree with the
/// application's. Refusals are 422 naming `$.unit`, `$.county` or `$.employmentType`.
/// </summary>
public static class RegisteredUnits
{
    public static async Task RefuseUnregisteredAsync(DesignerDbContext db, VocabularySet vocabulary, string locality, JsonObject data)
    {
        var units = db.Organisations.AsNoTracking().Where(o => o.Locality == locality && o.Kind == OrganisationEndpoints.Kinds.Unit);
        if (!await units.AnyAsync()) return;
        var named = (data["unit"] as JsonValue)?.TryGetValue<string>(out var text) == true ? text.Trim() : "";
        var unit = named.Length == 0 ? null : await units.FirstOrDefaultAsync(o => o.Active && (o.Name == named || o.Id == named));
        if (unit is null)
            throw new ApiProblemException(Problems.Invalid("$.unit",
                $"“{named}” 不是本地区已登记的用人单位，请从列表中选择工作单位 (the unit must be a registered active unit of the locality)"));
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
