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
}
