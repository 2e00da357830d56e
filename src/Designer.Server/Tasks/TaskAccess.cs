using Designer.Engine.Activities.Titles;
using Designer.Engine.Domain;
using Designer.Engine.Runtime;
using Designer.Persistence;
using Designer.Persistence.Entities;
using Designer.Server.Auth;

namespace Designer.Server.Tasks;

/// <summary>
/// Who acts on a task: the applicant for steps assigned to the applicant; otherwise a reviewer of the task's
/// organisation who holds the task's role (a user without task roles acts on no reviewer step). `unit` and `county/hr` tasks belong to the unit / county HR reviewers of the
/// application's locality (narrowed to one unit or county when the user has one). A `county/&lt;department&gt;` task also
/// belongs to the registered bureau `&lt;locality&gt;/&lt;county&gt;/&lt;department&gt;` of the applicant's county.
/// </summary>
public static class TaskAccess
{
    public static bool IsApplicantStep(TaskRecord task) => task.Org == "applicant" || task.Role == "applicant";

    /// <summary>Whether the user acts on the task now: one it is assigned to, and not claimed by someone else.</summary>
    public static bool CanAct(CurrentUser user, TaskRecord task) =>
        IsAssignedTo(user, task) && (task.ClaimedBy is null || task.ClaimedBy == user.UserName);

    /// <summary>
    /// Whether the task is the user's to act on, claims aside: the person an operator reassigned it to, else the applicant
    /// for the applicant's steps, else a reviewer of its organisation holding its role.
    /// </summary>
    public static bool IsAssignedTo(CurrentUser user, TaskRecord task)
    {
        if (task.Kind != BookmarkKinds.Task) return false;
        if (task.AssignedUser is { } person) return user.UserName == person;
        if (IsApplicantStep(task)) return user.IsApplicant && task.ApplicantUserId == user.Id;
        return user.IsReviewer && OrgMatches(user, task) && user.HoldsTaskRole(task.Role);
    }

    /// <summary>Read-only access too: admins of the locality, policy admin and auditor.</summary>
    public static bool CanRead(CurrentUser user, TaskRecord task) =>
        task.Kind == BookmarkKinds.Task && (IsAssignedTo(user, task) || user.CanOverseeLocality(task.Locality));

    private static bool OrgMatches(CurrentUser user, TaskRecord task) => task.Org switch
    {
        "unit" => user.Org == "unit" && user.Locality == task.Locality && (user.Unit is null || task.ResolvedOrg == $"unit:{user.Unit}"),
        _ when PersonStep.IsCountyDepartment(task.Org) => CountyDepartmentMatches(user, task),
        _ => user.Org is { Length: > 0 } org && org == task.Org,
    };

    private static bool CountyDepartmentMatches(CurrentUser user, TaskRecord task)
    {
        if (user.Locality != task.Locality) return false;
        var prefix = task.Org + ":";
        var applicantCounty = task.ResolvedOrg is { } resolved && resolved.StartsWith(prefix, StringComparison.Ordinal) ? resolved[prefix.Length..] : null;
        if (user.Org == task.Org) return user.County is null || applicantCounty == user.County;
        // A registered county bureau: <locality>/<county code>/<department>; the application names its county by code or name.
        return CountyBureauDepartment(user) is { } bureau && bureau.Org == task.Org && applicantCounty is not null &&
               (applicantCounty == bureau.County || applicantCounty == user.County);
    }

    /// <summary>For a user of `&lt;locality&gt;/&lt;county&gt;/&lt;department&gt;`: (`county/&lt;department&gt;`, county code).</summary>
    internal static (string Org, string County)? CountyBureauDepartment(CurrentUser user) =>
        user.Org?.Split('/') is [var locality, var county, var department] && locality == user.Locality && county != "unit" && county != "enterprise"
            ? ($"{Vocabulary.CountyPrefix}/{department}", county) : null;

    /// <summary>A database filter no wider than the tasks the user may read (refined in memory by CanRead).</summary>
    public static IQueryable<TaskRecord> Candidates(DesignerDbContext db, CurrentUser user)
    {
        var tasks = db.Tasks.Where(t => t.Kind == BookmarkKinds.Task);
        if (user.SeesEverything) return tasks;
        var id = user.Id;
        var org = user.Org;
        var locality = user.Locality;
        var oversees = user.IsLocalityAdmin;
        var userName = user.UserName;
        var countyOrg = CountyBureauDepartment(user)?.Org;
        // `unit` and `county/…` are placeholders: one locality's tasks (computed here: EF must not call methods on a null org).
        var orgIsPlaceholder = org is not null && (org == "unit" || org.StartsWith("county/", StringComparison.Ordinal));
        return tasks.Where(t =>
            (oversees && t.Locality == locality) ||
            t.AssignedUser == userName ||
            (t.ApplicantUserId == id && (t.Org == "applicant" || t.Role == "applicant")) ||
            (countyOrg != null && t.Org == countyOrg && t.Locality == locality) ||
            (org != null && t.Org == org && (!orgIsPlaceholder || t.Locality == locality)));
    }
}
