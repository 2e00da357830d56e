using System.Security.Claims;
using Designer.Server.Auth;

namespace Designer.Server.Seeding;

public static class SystemUser
{
    /// <summary>The policy-admin identity startup imports run as.</summary>
    public static readonly CurrentUser Instance = new(new ClaimsPrincipal(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, "system"), new Claim(ClaimTypes.Name, "system"), new Claim(ClaimTypes.Role, Roles.PolicyAdmin),
    ], "system")));
}
