using Designer.Engine.Runtime;
using Designer.Persistence;
using Designer.Persistence.Entities;
using Designer.Server.Auth;

namespace Designer.Server.Tasks;

/// <summary>
/// Who acts on a task: the applicant for steps assigned to the applicant; otherwise a reviewer of the task's
/// organisation who holds the task's role (a user without task roles acts on no reviewer step). `unit` and `county/hr` tasks belong to the unit / county HR reviewers of the
/// application's locality (narrowed to one unit or county when the user has one).
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
        "county/hr" => user.Org == "county/hr" && user.Locality == task.Locality && (user.County is null || task.ResolvedOrg == $"county/hr:{user.County}"),
        _ => user.Org is { Length: > 0 } org && org == task.Org,
    };

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
        return tasks.Where(t =>
            (oversees && t.Locality == locality) ||
            t.AssignedUser == userName ||
            (t.ApplicantUserId == id && (t.Org == "applicant" || t.Role == "applicant")) ||
            (org != null && t.Org == org && (org != "unit" && org != "county/hr" || t.Locality == locality)));
    }
}
