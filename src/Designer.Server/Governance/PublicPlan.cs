using Designer.Engine.Committees;
using Designer.Persistence;
using Designer.Server.Committee;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.Governance;

/// <summary>A published application window of the year's plan (职称评审工作计划).</summary>
public sealed record PlanWindow(string Name, string Locality, IReadOnlyList<string> Kinds, IReadOnlyList<string> Series, IReadOnlyList<string> Levels,
    string Opens, string Closes, string Source);

/// <summary>A committee as the public sees it: what it evaluates, its standing, and its published standards (谁评审、谁定标准).</summary>
public sealed record PublicCommittee(string Id, string Locality, string Name, IReadOnlyList<string> Series, IReadOnlyList<string> Levels, string Status,
    string? FilingNumber, string? StandardsTitle, string? StandardsPublishedOn);

/// <summary>What a locality publishes before evaluation: its plan (windows), its committees and their standards.</summary>
public sealed record PublicPlanDto(string Locality, IReadOnlyList<PlanWindow> Windows, IReadOnlyList<PublicCommittee> Committees);

/// <summary>
/// The public plan page's data (004 §一(五) 及时公布职称评审工作计划; §一(三) 评审标准提前向社会公布; 000 §七(三) 标准公开):
/// the locality's published windows, and its committees that may evaluate or did (filed, suspended, withdrawn) with
/// their standards. A draft window or committee is not shown.
/// </summary>
public static class PublicPlan
{
    public static async Task<PublicPlanDto> OfAsync(string locality, EngineHost.EngineHost host, DesignerDbContext db)
    {
        var windows = host.CalendarInForce.Windows.Where(w => w.Published && w.Locality == locality).OrderBy(w => w.Opens).ThenBy(w => w.Id)
            .Select(w => new PlanWindow(w.Name, w.Locality, w.Kinds, w.Series, w.Levels, w.Opens.ToString("yyyy-MM-dd"), w.Closes.ToString("yyyy-MM-dd"), w.Source))
            .ToList();
        string[] shown = [CommitteeStatuses.Filed, CommitteeStatuses.Suspended, CommitteeStatuses.Revoked];
        var committees = (await db.Committees.AsNoTracking().Where(c => c.Locality == locality && shown.Contains(c.Status)).OrderBy(c => c.Id).ToListAsync())
            .Select(c => new PublicCommittee(c.Id, c.Locality, c.Name, CommitteeRegistryDtos.Strings(c.SeriesJson), CommitteeRegistryDtos.Strings(c.LevelsJson),
                c.Status, c.FilingNumber, c.StandardsTitle, c.StandardsPublishedOn))
            .ToList();
        return new PublicPlanDto(locality, windows, committees);
    }
}
