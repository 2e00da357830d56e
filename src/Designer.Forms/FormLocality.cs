namespace Designer.Forms;

/// <summary>
/// Which locality a form belongs to, read from its id: "&lt;locality&gt;/apply" is that locality's, "templates/…" and ids
/// without a locality prefix ("apply") are shared. A locality's forms and workflows may use (extend, pin) their own forms and
/// the shared ones, never another locality's.
/// </summary>
public static class FormLocality
{
    public const string Templates = "templates";

    /// <summary>The id's first segment (a locality code, or templates) when the id has one, else "".</summary>
    public static string Of(string formId)
    {
        var slash = formId.IndexOf('/');
        return slash > 0 ? formId[..slash] : "";
    }

    public static bool IsShared(string locality) => locality.Length == 0 || locality == Templates;

    /// <summary>Whether something of the owner's locality may use the form: the form is shared or the owner's own.</summary>
    public static bool MayUse(string ownerLocality, string formId)
    {
        var locality = Of(formId);
        return IsShared(locality) || locality == ownerLocality;
    }
}
