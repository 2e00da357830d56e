using System.Security.Claims;
using OidcClaims = OpenIddict.Abstractions.OpenIddictConstants.Claims;

namespace Designer.Server.Auth;

/// <summary>
/// Who is asking, read from the claims of the bearer token (OpenID Connect names: sub, name, role) or of the
/// Identity cookie (ClaimTypes names), with no database round trip.
/// </summary>
public sealed class CurrentUser
{
    public CurrentUser(ClaimsPrincipal principal)
    {
        Principal = principal;
        Id = principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? principal.FindFirstValue(OidcClaims.Subject) ?? "";
        UserName = principal.FindFirstValue(ClaimTypes.Name) ?? principal.FindFirstValue(OidcClaims.Name) ?? "";
        DisplayName = principal.FindFirstValue(DesignerClaims.DisplayName) ?? UserName;
        Locality = principal.FindFirstValue(DesignerClaims.Locality) ?? "";
        Org = principal.FindFirstValue(DesignerClaims.Org);
        TaskRoles = (principal.FindFirstValue(DesignerClaims.TaskRoles) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);
        Unit = principal.FindFirstValue(DesignerClaims.Unit);
        County = principal.FindFirstValue(DesignerClaims.County);
        Email = principal.FindFirstValue(ClaimTypes.Email);
        Phone = principal.FindFirstValue(ClaimTypes.MobilePhone);
        MustChangePassword = principal.HasClaim(DesignerClaims.MustChangePassword, "true");
        Roles = principal.FindAll(c => c.Type is ClaimTypes.Role or OidcClaims.Role).Select(c => c.Value).Distinct().ToList();
    }

    public ClaimsPrincipal Principal { get; }
    public string Id { get; }
    public string UserName { get; }
    public string DisplayName { get; }
    public string Locality { get; }
    public string? Org { get; }
    public IReadOnlyList<string> TaskRoles { get; }
    public string? Unit { get; }
    public string? County { get; }
    /// <summary>Contact details where the principal carries them (ActiveUsers reads them for whom a notification goes to).</summary>
    public string? Email { get; }
    public string? Phone { get; }
    public bool MustChangePassword { get; }
    public IReadOnlyList<string> Roles { get; }

    public bool IsAuthenticated => Id.Length > 0;
    public bool Is(string role) => Roles.Contains(role);
    public bool IsPolicyAdmin => Is(Auth.Roles.PolicyAdmin);
    public bool IsLocalityAdmin => Is(Auth.Roles.LocalityAdmin);
    public bool IsAuditor => Is(Auth.Roles.Auditor);
    public bool IsApplicant => Is(Auth.Roles.Applicant);
    public bool IsReviewer => Is(Auth.Roles.Reviewer);
    public bool IsAdmin => IsPolicyAdmin || IsLocalityAdmin;

    /// <summary>
    /// Whether the user acts in the given task role ("reviewer", "committee", …). Only roles the user was given count:
    /// a user with no task roles acts in none (never in all). A step without a role is the engine's default, "reviewer".
    /// </summary>
    public bool HoldsTaskRole(string? role) => TaskRoles.Contains(string.IsNullOrEmpty(role) ? DefaultTaskRole : role, StringComparer.Ordinal);

    public const string DefaultTaskRole = "reviewer";
    /// <summary>Reads across localities: the policy admin and the auditor.</summary>
    public bool SeesEverything => IsPolicyAdmin || IsAuditor;

    /// <summary>Definitions and forms: the policy admin and auditor read all; a locality admin their own and the shared templates.</summary>
    public bool CanReadDefinitionsOf(string locality) =>
        SeesEverything || (IsLocalityAdmin && (locality == Locality || locality == Shared.Templates || locality.Length == 0));

    public bool CanWriteDefinitionsOf(string locality) => IsPolicyAdmin || (IsLocalityAdmin && locality == Locality && locality.Length > 0);

    /// <summary>Applications and tasks of a locality, read-only: everything for policy admin and auditor, their own for a locality admin.</summary>
    public bool CanOverseeLocality(string locality) => SeesEverything || (IsLocalityAdmin && locality == Locality);
}

public static class Shared
{
    public const string Templates = "templates";
}

public static class CurrentUserExtensions
{
    public static CurrentUser CurrentUser(this HttpContext context) =>
        context.Items.TryGetValue(typeof(CurrentUser), out var cached) && cached is CurrentUser user
            ? user
            : (CurrentUser)(context.Items[typeof(CurrentUser)] = new CurrentUser(context.User));
}
