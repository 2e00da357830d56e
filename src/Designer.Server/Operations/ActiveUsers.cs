using System.Security.Claims;
using Designer.Persistence;
using Designer.Server.Auth;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.Operations;

/// <summary>
/// The people who can sign in (not locked out), as the server sees them when they act: who may act on a task, who is
/// told of a new one, whether a task is stuck because nobody can act on it.
/// </summary>
public static class ActiveUsers
{
    public static async Task<List<CurrentUser>> LoadAsync(DesignerDbContext db, DateTimeOffset now, string? locality = null)
    {
        var users = await db.Users.AsNoTracking().Where(u => locality == null || u.Locality == locality).ToListAsync();
        var roles = await db.UserRoles.AsNoTracking().Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync();
        var rolesOf = roles.ToLookup(r => r.UserId, r => r.Name ?? "");
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
            claims.AddRange(rolesOf[u.Id].Select(r => new Claim(ClaimTypes.Role, r)));
            return new CurrentUser(new ClaimsPrincipal(new ClaimsIdentity(claims, "directory")));
        }).ToList();
    }
}
