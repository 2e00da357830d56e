using System.Text.Json;
using System.Text.Json.Nodes;
using Designer.Engine.Committees;
using Designer.Engine.Model;
using Designer.Persistence;
using Designer.Persistence.Entities;
using Designer.Server.Committee;
using Designer.Server.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.Seeding;

/// <summary>
/// Organisations from workflows/world/organisations.json, committees from workflows/world/committees.json and, with the demo accounts only (they are people), the demo
/// experts of workflows/world/experts.json. Entries already in the database are kept as they are (admins edit them
/// there); a committee's members are those of its listed experts that are in the pool.
/// </summary>
public sealed class WorldSeeder(DesignerDbContext db, World.WorldVocabulary world, ILogger<WorldSeeder> log)
{
    public async Task SeedAsync(DesignerOptions options, bool demoExperts)
    {
        var folder = Path.Combine(options.WorkflowsDirectory, WorkflowFiles.WorldFolder);
        if (demoExperts && Read(Path.Combine(folder, "experts.json"), "experts") is { } experts)
        {
            var known = (await db.Experts.Select(e => e.Id).ToListAsync()).ToHashSet();
            foreach (var e in experts.Where(e => !known.Contains(e["id"]?.GetValue<string>() ?? "")))
                db.Experts.Add(new ExpertRecord
                {
                    Id = Text(e, "id"), Name = Text(e, "name"), Locality = Text(e, "locality"), Series = Text(e, "series"),
                    Specialty = Text(e, "specialty"), Unit = Text(e, "unit"), Active = e["active"]?.GetValue<bool>() ?? true,
                    ConflictsJson = (e["conflicts"] as JsonArray)?.ToJsonString() ?? "[]", UpdatedBy = SystemUser.Instance.UserName,
                });
            await db.SaveChangesAsync();
        }
        await SeedOrganisationsAsync(folder);
        await SeedEducationRegistrarsAsync(folder);
        if (Read(Path.Combine(folder, "committees.json"), "committees") is not { } committees) return;
        var pool = (await db.Experts.Select(e => e.Id).ToListAsync()).ToHashSet();
        var existing = (await db.Committees.Select(c => c.Id).ToListAsync()).ToHashSet();
        foreach (var c in committees.Where(c => !existing.Contains(c["id"]?.GetValue<string>() ?? "")))
        {
            var info = CommitteeFile.Read(c);
            if (info.Series.Count != 1)
            {
                log.LogWarning("Committee {Id} not seeded: a committee evaluates exactly one series (不得设立综合性评委会)", info.Id);
                continue;
            }
            var members = (c["experts"] as JsonArray)?.Select(x => x?.GetValue<string>() ?? "").Where(pool.Contains) ?? [];
            db.Committees.Add(new CommitteeRecord
            {
                Id = info.Id, Locality = info.Locality, Name = info.Name, SeriesJson = CommitteeRegistryDtos.Json(info.Series),
                LevelsJson = CommitteeRegistryDtos.Json(info.Levels), Organiser = info.Organiser, Status = info.Status,
                ExpertsJson = CommitteeRegistryDtos.Json(members), ApprovedBy = c["approvedBy"]?.GetValue<string>(),
                ApprovedOn = c["approvedOn"]?.GetValue<string>(), FilingNumber = c["filingNumber"]?.GetValue<string>(),
                StandardsTitle = c["standardsTitle"]?.GetValue<string>(), StandardsPublishedOn = c["standardsPublishedOn"]?.GetValue<string>(), UpdatedBy = SystemUser.Instance.UserName,
            });
        }
        await db.SaveChangesAsync();
    }

    /// <summary>Each entry is checked as the API checks it; an entry the API would refuse is logged and skipped.</summary>
    private async Task SeedOrganisationsAsync(string folder)
    {
        if (Read(Path.Combine(folder, "organisations.json"), "organisations") is not { } organisations) return;
        var known = (await db.Organisations.Select(o => o.Id).ToListAsync()).ToHashSet();
        foreach (var entry in organisations.Where(o => !known.Contains(o["id"]?.GetValue<string>() ?? "")))
        {
            var body = entry.Deserialize<World.OrganisationDto>(JsonSerializerOptions.Web)!;
            try { db.Organisations.Add(World.OrganisationEndpoints.Validated(body, world.Current)); }
            catch (ApiProblemException refused)
            {
                log.LogWarning("Organisation {Id} not seeded: {Reason}", body.Id, (refused.Result as Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult)?.ProblemDetails.Detail);
            }
        }
        await db.SaveChangesAsync();
    }

    /// <summary>The continuing-education registrars of education-hours.json; an entry already there (perhaps edited or disabled) is kept.</summary>
    private async Task SeedEducationRegistrarsAsync(string folder)
    {
        var known = (await db.EducationRegistrars.Select(r => r.Id).ToListAsync()).ToHashSet();
        foreach (var entry in Record.EducationHoursRegistrars.ReadSeed(Path.Combine(folder, Record.EducationHoursRegistrars.FileName)).Where(e => known.Add(e.Id)))
        {
            if (!world.Current.Localities.ContainsKey(entry.Locality))
            {
                log.LogWarning("Education registrar {Id} not seeded: unknown locality", entry.Id);
                continue;
            }
            entry.UpdatedBy = SystemUser.Instance.UserName;
            db.EducationRegistrars.Add(entry);
        }
        await db.SaveChangesAsync();
    }

    private static string Text(JsonNode node, string name) => node[name]?.GetValue<string>() ?? "";

    private static List<JsonObject>? Read(string file, string list) =>
        File.Exists(file) && JsonNode.Parse(File.ReadAllText(file))?[list] is JsonArray items ? items.OfType<JsonObject>().ToList() : null;
}
