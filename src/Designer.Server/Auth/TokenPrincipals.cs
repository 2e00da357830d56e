using System.Security.Claims;
using Designer.Persistence.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Designer.Server.Auth;

/// <summary>
/// The principals OpenIddict turns into tokens: a user's (the same claims as the Identity cookie, under OpenID
/// Connect names) or an integration client's. Each claim names the tokens it may appear in.
/// </summary>
public sealed class TokenPrincipals(SignInManager<DesignerUser> signIn, IOptions<IdentityOptions> identity)
{
    public async Task<ClaimsPrincipal> ForUserAsync(DesignerUser user, IEnumerable<string> scopes)
    {
        var source = await signIn.CreateUserPrincipalAsync(user);
        var token = NewIdentity();
        token.SetClaim(Claims.Subject, user.Id);
        token.SetClaim(Claims.Name, user.UserName);
        token.SetClaim(Claims.PreferredUsername, user.UserName);
        foreach (var role in source.FindAll(ClaimTypes.Role)) token.AddClaim(new Claim(Claims.Role, role.Value));
        foreach (var claim in source.Claims.Where(c => c.Type.StartsWith("designer:", StringComparison.Ordinal)))
            token.AddClaim(new Claim(claim.Type, claim.Value));
        // Kept in codes and refresh tokens only (no destination): a refresh after a password change is refused.
        if (source.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType) is { } stamp)
            token.AddClaim(new Claim(SecurityStampClaim, stamp));

        var principal = new ClaimsPrincipal(token);
        principal.SetScopes(scopes);
        principal.SetDestinations(UserDestinations);
        return principal;
    }

    /// <summary>A client-credentials principal: the client itself, its locality, the scopes it was granted.</summary>
    public static ClaimsPrincipal ForClient(ClientSettings client, IEnumerable<string> scopes)
    {
        var token = NewIdentity();
        token.SetClaim(Claims.Subject, client.ClientId);
        token.SetClaim(Claims.Name, client.DisplayName ?? client.ClientId);
        token.SetClaim(DesignerClaims.Client, client.ClientId);
        if (!string.IsNullOrEmpty(client.Locality)) token.SetClaim(DesignerClaims.Locality, client.Locality);
        var principal = new ClaimsPrincipal(token);
        principal.SetScopes(scopes);
        principal.SetDestinations(_ => [Destinations.AccessToken]);
        return principal;
    }

    public const string SecurityStampClaim = "designer:security-stamp";

    private static ClaimsIdentity NewIdentity() =>
        new(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);

    private static IEnumerable<string> UserDestinations(Claim claim)
    {
        if (claim.Type == SecurityStampClaim) yield break;
        yield return Destinations.AccessToken;
        var principal = claim.Subject is { } subject ? new ClaimsPrincipal(subject) : null;
        if (claim.Type is Claims.Name or Claims.PreferredUsername or DesignerClaims.DisplayName && principal?.HasScope(Scopes.Profile) == true)
            yield return Destinations.IdentityToken;
        if (claim.Type == Claims.Role && principal?.HasScope(Scopes.Roles) == true)
            yield return Destinations.IdentityToken;
    }
}
