using Microsoft.AspNetCore.Identity;

namespace Designer.Persistence.Entities;

/// <summary>
/// A person who signs in. Locality scopes what they see; Org is the organisation a reviewer works for
/// ("&lt;locality&gt;/education", or the placeholders "unit" / "county/hr" of their locality); TaskRoles are the roles of
/// that organisation's steps they act on ("reviewer", "committee", …).
/// </summary>
public sealed class DesignerUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public string Locality { get; set; } = "";
    public string? Org { get; set; }
    /// <summary>Comma-separated task roles.</summary>
    public string TaskRoles { get; set; } = "";
    /// <summary>For Org "unit": the one employer this user speaks for; null means every unit of the locality.</summary>
    public string? UnitName { get; set; }
    /// <summary>For Org "county/hr": the one county; null means every county of the locality.</summary>
    public string? County { get; set; }
    /// <summary>A registered applicant's ID number as shown (110105********123X); the number itself is never stored.</summary>
    public string? IdNumberMasked { get; set; }
    /// <summary>Keyed hash of the ID number: one account per ID number and locality (unique with Locality).</summary>
    public string? IdNumberHash { get; set; }
    /// <summary>Set when an admin gave a temporary password: the user changes it before anything else.</summary>
    public bool MustChangePassword { get; set; }
}
