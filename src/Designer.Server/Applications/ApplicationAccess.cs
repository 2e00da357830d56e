using Designer.Persistence;
using Designer.Persistence.Entities;
using Designer.Server.Auth;
using Designer.Server.Hosting;
using Designer.Server.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.Applications;

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
}
