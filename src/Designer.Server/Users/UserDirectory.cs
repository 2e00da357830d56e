using Designer.Engine.Domain;
using Designer.Server.Auth;

namespace Designer.Server.Users;

/// <summary>
/// Whether the places, organisations and task roles a user is given exist. The one seam between people and the
/// organisational world: today it reads the compiled vocabulary; it moves to the registries when they are data.
/// </summary>
public static class UserDirectory
{
    public static bool LocalityExists(string code) => code != Shared.Templates && Vocabulary.Localities.ContainsKey(code);

    /// <summary>The localities one may belong to (and register in), with their names.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Localities => Vocabulary.Localities.Where(l => LocalityExists(l.Key));

    /// <summary>A placeholder of the locality (unit, county/hr) or one of its organisations, `&lt;locality&gt;/&lt;something&gt;`.</summary>
    public static bool OrganisationExists(string locality, string org) =>
        org is "unit" or "county/hr" || (org.StartsWith(locality + "/", StringComparison.Ordinal) && org.Length > locality.Length + 1 && !org.EndsWith('/'));

    /// <summary>A role a step may name for a person (not the applicant's own, nor the system's).</summary>
    public static bool TaskRoleExists(string role) => role is not ("applicant" or "system") && Vocabulary.Roles.ContainsKey(role);

    public static IEnumerable<string> TaskRoles => Vocabulary.Roles.Keys.Where(TaskRoleExists);
}
