using Designer.Engine.Domain;

namespace Designer.Server.Users;

/// <summary>Whether the places, organisations and task roles a user is given exist in the organisational world.</summary>
public sealed class UserDirectory(VocabularySet names)
{
    public bool LocalityExists(string code) => code != VocabularySet.Templates && names.Localities.ContainsKey(code);

    /// <summary>The localities one may belong to (and register in), with their names.</summary>
    public IEnumerable<KeyValuePair<string, string>> Localities =>
        names.Localities.Where(l => LocalityExists(l.Key)).Select(l => new KeyValuePair<string, string>(l.Key, l.Value.Name));

    /// <summary>A placeholder of the locality (`unit`, `county/…`) or one of its organisations, `&lt;locality&gt;/&lt;something&gt;`.</summary>
    public static bool OrganisationExists(string locality, string org) =>
        org is "unit" or "county/hr" || org.StartsWith("county/", StringComparison.Ordinal) ||
        (org.StartsWith(locality + "/", StringComparison.Ordinal) && org.Length > locality.Length + 1 && !org.EndsWith('/'));

    /// <summary>A role a step may name for a person (not the applicant's own, nor the system's).</summary>
    public bool TaskRoleExists(string role) => role is not ("applicant" or "system") && names.Roles.ContainsKey(role);

    public IEnumerable<string> TaskRoles => names.Roles.Keys.Where(TaskRoleExists);
}
