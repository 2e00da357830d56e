using System.Collections.Immutable;
using System.Security.Claims;
using Designer.Persistence;
using Designer.Persistence.Entities;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.EntityFrameworkCore.Models;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Designer.Server.Auth;

/// <summary>
/// Every sign-in, by cookie or by token, is an OpenIddict authorization of the user. Tokens are checked against
/// their authorization and token entries on every request (TokenEntryCheck); cookies carry their
/// authorization's id and are checked here. Revoking the authorization ends the session at once.
/// </summary>
public sealed class SignInSessions(IOpenIddictAuthorizationManager authorizations, IOpenIddictTokenManager tokens,
    IOpenIddictApplicationManager applications, SignInManager<DesignerUser> signIn, DesignerDbContext db)
{
    /// <summary>Signs the user in with the Identity cookie, backed by a new authorization of the Studio's client.</summary>
    public async Task SignInWithCookieAsync(DesignerUser user)
    {
        var principal = await signIn.CreateUserPrincipalAsync(user);
        var session = await CreateAsync(principal, user.Id, StudioClient.ClientId, []);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(DesignerClaims.Session, session)]);
    }

    /// <summary>An ad-hoc authorization of the user for the client; its id goes into the tokens or the cookie.</summary>
    public async Task<string> CreateAsync(ClaimsPrincipal principal, string userId, string clientId, IEnumerable<string> scopes)
    {
        var application = await applications.FindByClientIdAsync(clientId)
            ?? throw new InvalidOperationException($"OAuth client '{clientId}' is not registered");
        var authorization = await authorizations.CreateAsync((ClaimsIdentity)principal.Identity!, userId,
            (await applications.GetIdAsync(application))!, AuthorizationTypes.AdHoc, scopes.ToImmutableArray());
        return (await authorizations.GetIdAsync(authorization))!;
    }

    /// <summary>Rejects a cookie whose session was revoked (logout, user disabled, password or role changed).</summary>
    public static async Task ValidateCookieAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is null) return;
        var sessions = context.HttpContext.RequestServices.GetRequiredService<SignInSessions>();
        if (await sessions.IsActiveAsync(context.Principal.FindFirstValue(DesignerClaims.Session))) return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }

    /// <summary>Whether the session's authorization is still valid: one untracked read of its status by key, on every cookie request.</summary>
    public async Task<bool> IsActiveAsync(string? authorizationId) =>
        !string.IsNullOrEmpty(authorizationId) && await StatusOf(db, authorizationId) == Statuses.Valid;

    private static readonly Func<DesignerDbContext, string, Task<string?>> StatusOf =
        EF.CompileAsyncQuery((DesignerDbContext db, string id) => db.Set<OpenIddictEntityFrameworkCoreAuthorization>().AsNoTracking()
            .Where(a => a.Id == id).Select(a => a.Status).FirstOrDefault());

    /// <summary>Logout: revokes the caller's own session (the cookie's, or the bearer token's authorization and token).</summary>
    public async Task SignOutAsync(HttpContext context)
    {
        var user = context.User;
        if (user.FindFirstValue(DesignerClaims.Session) is { } session) await RevokeAsync(session);
        if (user.GetAuthorizationId() is { } authorizationId) await RevokeAsync(authorizationId);
        if (user.GetTokenId() is { } tokenId && await tokens.FindByIdAsync(tokenId) is { } token) await tokens.TryRevokeAsync(token);
        if (user.FindFirstValue(DesignerClaims.Session) is not null) await signIn.SignOutAsync();
    }

    public async Task RevokeAsync(string authorizationId)
    {
        if (await authorizations.FindByIdAsync(authorizationId) is { } authorization) await authorizations.TryRevokeAsync(authorization);
        await tokens.RevokeByAuthorizationIdAsync(authorizationId);
    }

    /// <summary>Ends every session and token of the user (disabled, password changed, roles changed).</summary>
    public async Task RevokeAllOfAsync(string userId)
    {
        await authorizations.RevokeBySubjectAsync(userId);
        await tokens.RevokeBySubjectAsync(userId);
    }
}
