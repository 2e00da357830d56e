using System.Linq.Expressions;
using Designer.Engine.Activities.Titles;
using System.Security.Claims;
using Designer.Persistence;
using Designer.Persistence.Entities;
using Designer.Server.Tasks;
using Designer.Server.Auth;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.Operations;

/// <summary>
/// The people who can sign in (not locked out), as the server sees them when they act: who may act on a task, who is
/// told of a new one, whether a task is stuck because nobody can act on it.
/// </summary>
public static class ActiveUsers
{
    /// <param name="candidates">A narrower filter in SQL (e.g. <see cref="CandidatesFor"/>); the callers still decide who matches.</param>
    public static async Task<List<CurrentUser>> LoadAsync(DesignerDbContext db, DateTimeOffset now, string? locality = null,
        Expression<Func<DesignerUser, bool>>? candidates = null)
    {
        var query = db.Users.AsNoTracking().Where(u => locality == null || u.Locality == locality);
        if (candidates is not null) query = query.Where(candidates);
        // One round trip: the columns a CurrentUser needs and each user's role names (a correlated collection, one JOIN).
        var users = await query
            .Select(u => new
            {
                u.LockoutEnd, u.Id, u.UserName, u.DisplayName, u.Locality, u.TaskRoles, u.Org, u.UnitName, u.County, u.Email, u.PhoneNumber,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).ToList(),
            })
            .ToListAsync();
        // Lockout is compared here: SQLite has no DateTimeOffset comparison.
        return users.Where(u => u.LockoutEnd is null || u.LockoutEnd <= now).Select(u =>
        {
            var claims = new List<Claim>
            {
                new(ClaimTypes.NameIdentifier, u.Id), new(ClaimTypes.Name, u.UserName ?? ""), new(DesignerClaims.DisplayName, u.DisplayName),
                new(DesignerClaims.Locality, u.Locality), new(DesignerClaims.TaskRoles, u.TaskRoles),
            };
            if (u.Org is not null) claims.Add(new(DesignerClaims.Org, u.Org));
            if (u.UnitName is not null) claims.Add(new(DesignerClaims.Unit, u.UnitName));
            if (u.County is not null) claims.Add(new(DesignerClaims.County, u.County));
            if (u.Email is not null) claims.Add(new(ClaimTypes.Email, u.Email));
            if (u.PhoneNumber is not null) claims.Add(new(ClaimTypes.MobilePhone, u.PhoneNumber));
            claims.AddRange(u.Roles.Select(r => new Claim(ClaimTypes.Role, r ?? "")));
            return new CurrentUser(new ClaimsPrincipal(new ClaimsIdentity(claims, "directory")));
        }).ToList();
    }

    /// <summary>
    /// Everyone TaskAccess.IsAssignedTo could match for the task, as SQL: the person it was reassigned to, else the
    /// holders of its organisation (a unit's and a county department's people are found by the task's locality).
    /// </summary>
    public static Expression<Func<DesignerUser, bool>> CandidatesFor(TaskRecord task)
    {
        if (task.AssignedUser is { } person) return u => u.UserName == person;
        if (TaskAccess.IsApplicantStep(task))
        {
            var applicant = task.ApplicantUserId;
            return u => u.Id == applicant;
        }
        if (task.Org == "unit" || PersonStep.IsCountyDepartment(task.Org))
        {
            var locality = task.Locality;
            return u => u.Locality == locality;
        }
        var org = task.Org;
        return u => u.Org == org;
    }
}
