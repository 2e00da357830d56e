using Designer.Server.Auth;

namespace Designer.Server.Record;

/// <summary>
/// Who may see and write a person's record (administration.md): the person reads their own; HR reviewers of the
/// person's locality and admins (the policy admin everywhere, a locality admin in their locality) read and write;
/// auditors read everywhere.
/// </summary>
public static class RecordAccess
{
    public static bool CanRead(CurrentUser user, string personUserName, string personLocality) =>
        user.UserName == personUserName || user.SeesEverything || CanWrite(user, personLocality);

    public static bool CanWrite(CurrentUser user, string personLocality) =>
        user.IsPolicyAdmin || (personLocality.Length > 0 && user.Locality == personLocality && (user.IsLocalityAdmin || IsHrReviewer(user)));

    /// <summary>May write some record at all (the import and the integrity register).</summary>
    public static bool WritesRecords(CurrentUser user) => user.IsPolicyAdmin || user.IsLocalityAdmin || IsHrReviewer(user);

    /// <summary>A reviewer of the locality's or a county's HR bureau (人社局).</summary>
    public static bool IsHrReviewer(CurrentUser user) =>
        user.IsReviewer && user.Org is { } org && (org == "county/hr" || org == $"{user.Locality}/hr" || org.EndsWith("/hr", StringComparison.Ordinal) && org.StartsWith(user.Locality + "/", StringComparison.Ordinal));
}
