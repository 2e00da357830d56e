using Designer.Engine.Runtime;
using Designer.Persistence;
using Designer.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.Tasks;

/// <summary>A unit's recommendation places in one procedure: its quota (岗位职数), how many it has recommended, what is left.</summary>
public sealed record UnitQuota(string Unit, string? UnitName, int? Posts, int Used, int? Remaining);

/// <summary>
/// How many applicants a unit may still recommend in a procedure. The quota is the registered unit's (组织机构:
/// `quota`); a unit without one is not limited. Places are taken by the unit's recommendations (its step approved) of
/// applications still running or completed: a rejected, withdrawn or cancelled one gives its place back.
/// </summary>
public static class RecommendationQuota
{
    /// <summary>The step placeholder organisation of unit steps, and the action that recommends.</summary>
    public const string UnitOrg = "unit";
    public const string RecommendAction = "approve";

    private static readonly string[] HoldingStatuses = [nameof(WorkflowStatus.Waiting), nameof(WorkflowStatus.Completed)];

    /// <summary>The unit of a unit task: the application's `unit` as the step resolved it ("unit:&lt;unit&gt;").</summary>
    public static string? UnitOf(TaskRecord task) =>
        task.ResolvedOrg is { } resolved && resolved.StartsWith(UnitOrg + ":", StringComparison.Ordinal) ? resolved[(UnitOrg.Length + 1)..] : null;

    /// <summary>The unit's places in the procedure, not counting the given applications (those about to be recommended again).</summary>
    public static async Task<UnitQuota> OfAsync(DesignerDbContext db, string locality, string definitionId, string unit, IReadOnlyCollection<string> excludingApplications)
    {
        var registered = await db.Organisations.AsNoTracking()
            .FirstOrDefaultAsync(o => o.Kind == "unit" && o.Locality == locality && (o.Id == unit || o.Name == unit));
        var resolved = $"{UnitOrg}:{unit}";
        var used = await db.Tasks.AsNoTracking()
            .Where(t => t.DefinitionId == definitionId && t.Org == UnitOrg && t.ResolvedOrg == resolved && !t.IsOpen && t.ClosedAction == RecommendAction)
            .Where(t => !excludingApplications.Contains(t.ApplicationId))
            .Join(db.Applications.Where(a => HoldingStatuses.Contains(a.Status)), t => t.ApplicationId, a => a.Id, (t, a) => t.ApplicationId)
            .Distinct().CountAsync();
        var posts = registered?.Quota;
        return new UnitQuota(unit, registered?.Name, posts, used, posts is { } p ? Math.Max(p - used, 0) : null);
    }
}
