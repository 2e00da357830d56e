using System.Security.Claims;
using Designer.Persistence.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Designer.Server.Auth;

/// <summary>Puts the user's locality, organisation and task roles into the sign-in principal.</summary>
public sealed class DesignerClaimsFactory(UserManager<DesignerUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options,
    World.WorldVocabulary world)
    : UserClaimsPrincipalFactory<DesignerUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(DesignerUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DesignerClaims.DisplayName, user.DisplayName));
        identity.AddClaim(new Claim(DesignerClaims.Locality, user.Locality));
        identity.AddClaim(new Claim(DesignerClaims.TaskRoles, user.TaskRoles));
        if (user.Org is not null) identity.AddClaim(new Claim(DesignerClaims.Org, user.Org));
        if (user.UnitName is not null) identity.AddClaim(new Claim(DesignerClaims.Unit, user.UnitName));
        if ((user.County ?? CountyOfBureau(user)) is { } county) identity.AddClaim(new Claim(DesignerClaims.County, county));
        if (user.MustChangePassword) identity.AddClaim(new Claim(DesignerClaims.MustChangePassword, "true"));
        return identity;
    }

    /// <summary>A county bureau (`&lt;locality&gt;/&lt;county&gt;/&lt;department&gt;`) acts for its county: the county's name, as applications carry it.</summary>
    private string? CountyOfBureau(DesignerUser user) =>
        user.Org?.Split('/') is [var locality, var county, _] && world.Current.Localities.TryGetValue(locality, out var known)
            ? known.Counties.FirstOrDefault(c => c.Code == county)?.Name : null;
}
