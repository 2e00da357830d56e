using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Designer.Server.Auth;

/// <summary>
/// Issues Identity's own bearer tokens (the format IdentityConstants.BearerScheme reads), so the login answer can
/// carry the user alongside the token.
/// </summary>
public sealed class BearerTokenIssuer(IOptionsMonitor<BearerTokenOptions> options, TimeProvider time)
{
    public (string Token, long ExpiresIn) Issue(ClaimsPrincipal principal)
    {
        var bearer = options.Get(IdentityConstants.BearerScheme);
        var properties = new AuthenticationProperties { ExpiresUtc = time.GetUtcNow() + bearer.BearerTokenExpiration };
        var ticket = new AuthenticationTicket(principal, properties, $"{IdentityConstants.BearerScheme}:AccessToken");
        return (bearer.BearerTokenProtector.Protect(ticket), (long)bearer.BearerTokenExpiration.TotalSeconds);
    }
}
