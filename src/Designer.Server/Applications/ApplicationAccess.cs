using Designer.Persistence;
using Designer.Persistence.Entities;
using Designer.Server.Auth;
using Designer.Server.Hosting;
using Designer.Server.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.Applications;

/// <summary>The filters of the application list (and its Excel export): status (Waiting, Completed, …) and procedure.</summary>
public sealed record ApplicationFilter(string? Status, string? DefinitionId);

/// <summary>
/// An application is seen by its applicant, by reviewers who have (or had) a task on it, and read-only by the
/// admins of its locality, the policy admin and the auditor. Everyone else gets 404.
/// </summary>
public static class ApplicationAccess
{
    public static async Task<ApplicationRecord> FindReadableAsync(DesignerDbContext db, CurrentUser user, string id)
    {
        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == id);
        if (application is null || !await CanReadAsync(db, user, application))
            throw new ApiProblemException(Problems.NotFound("找不到该申报 (no such application)"));
        return application;
    }

    public static async Task<bool> CanReadAsync(DesignerDbContext db, CurrentUser user, ApplicationRecord application)
    {
        if (application.ApplicantUserId == user.Id || user.CanOverseeLocality(application.Locality)) return true;
        if (!user.IsReviewer) return false;
        var tasks = await TaskAccess.Candidates(db, user).Where(t => t.ApplicationId == application.Id).AsNoTracking().ToListAsync();
        return tasks.Any(t => TaskAccess.IsAssignedTo(user, t));
    }

    /// <summary>
    /// The applications a user may list, newest first: all (policy admin, auditor), their locality's (locality admin), or
    /// their own and those they act on (applicant, reviewer). Admin lists stop at 500.
    /// </summary>
    public static async Task<List<ApplicationRecord>> VisibleAsync(DesignerDbContext db, CurrentUser user, ApplicationFilter filter)
    {
        var applications = db.Applications.AsNoTracking();
        if (!string.IsNullOrEmpty(filter.Status)) applications = applications.Where(a => a.Status == filter.Status);
        if (!string.IsNullOrEmpty(filter.DefinitionId)) applications = applications.Where(a => a.DefinitionId == filter.DefinitionId);
        if (user.SeesEverything) return await applications.OrderByDescending(a => a.UpdatedAt).Take(500).ToListAsync();
        if (user.IsLocalityAdmin) return await applications.Where(a => a.Locality == user.Locality).OrderByDescending(a => a.UpdatedAt).Take(500).ToListAsync();
        var mine = await applications.Where(a => a.ApplicantUserId == user.Id).ToListAsync();
        var reviewed = new List<ApplicationRecord>();
        if (user.IsReviewer)
        {
            var taskApps = (await TaskAccess.Candidates(db, user).AsNoTracking().ToListAsync())
                .Where(t => TaskAccess.CanAct(user, t)).Select(t => t.ApplicationId).Distinct().ToList();
            reviewed = await applications.Where(a => taskApps.Contains(a.Id)).ToListAsync();
        }
        return mine.Concat(reviewed).DistinctBy(a => a.Id).OrderByDescending(a => a.UpdatedAt).ToList();
    }
}
