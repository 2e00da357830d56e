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
        return await db.Tasks.Where(TaskFilters.AssignedTo(user)).AnyAsync(t => t.ApplicationId == application.Id);
    }

    /// <summary>
    /// The applications a user may list, newest first, as one database query (page it by id, then read the page's
    /// <see cref="SummariesAsync"/>): all (policy admin, auditor), their locality's (locality admin), or their own and those they act on or acted
    /// on (applicant, reviewer).
    /// </summary>
    public static IQueryable<ApplicationRecord> Visible(DesignerDbContext db, CurrentUser user, ApplicationFilter filter)
    {
        var applications = db.Applications.AsNoTracking();
        if (!string.IsNullOrEmpty(filter.Status)) applications = applications.Where(a => a.Status == filter.Status);
        if (!string.IsNullOrEmpty(filter.DefinitionId)) applications = applications.Where(a => a.DefinitionId == filter.DefinitionId);
        var id = user.Id;
        var locality = user.Locality;
        if (user.SeesEverything) { }
        else if (user.IsLocalityAdmin) applications = applications.Where(a => a.Locality == locality);
        else if (user.IsReviewer)
        {
            var actedOn = db.Tasks.Where(TaskFilters.ActsOn(user)).Select(t => t.ApplicationId);
            applications = applications.Where(a => a.ApplicantUserId == id || actedOn.Contains(a.Id));
        }
        else applications = applications.Where(a => a.ApplicantUserId == id);
        return applications.OrderByDescending(a => a.UpdatedAt).ThenByDescending(a => a.Id);
    }

    /// <summary>The listed columns of these applications (no data or state JSON).</summary>
    public static Task<List<ApplicationRecord>> SummariesAsync(IQueryable<ApplicationRecord> applications) =>
        applications.AsNoTracking().Select(a => new ApplicationRecord
        {
            Id = a.Id, ApplicantUserId = a.ApplicantUserId, ApplicantName = a.ApplicantName, Locality = a.Locality,
            DefinitionId = a.DefinitionId, DefinitionVersion = a.DefinitionVersion, WorkflowName = a.WorkflowName, Status = a.Status,
            Year = a.Year, Kind = a.Kind, Series = a.Series, Level = a.Level, NextDueAt = a.NextDueAt,
            CreatedAt = a.CreatedAt, UpdatedAt = a.UpdatedAt, Revision = a.Revision,
        }).ToListAsync();
}
