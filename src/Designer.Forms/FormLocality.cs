using Designer.Engine.Domain;

namespace Designer.Forms;

/// <summary>
/// Which locality a form belongs to, read from its id: "kashgar/apply" is Kashgar's, "templates/…" and ids without a
/// locality prefix ("apply") are shared. A locality's forms and workflows may use (extend, pin) their own forms and
/// the shared ones, never another locality's.
/// </summary>
public static class FormLocality
{
    public const string Templates = "templates";

    /// <summary>The id's first segment when it is a locality (templates included), else "".</summary>
    public static string Of(string formId)
    {
        var slash = formId.IndexOf('/');
        return slash > 0 && Vocabulary.Localities.ContainsKey(formId[..slash]) ? formId[..slash] : "";
    }

    public static bool IsShared(string locality) => locality.Length == 0 || locality == Templates;

    /// <summary>Whether something of the owner's locality may use the form: the form is shared or the owner's own.</summary>
    public static bool MayUse(string ownerLocality, string formId)
    {
        var locality = Of(formId);
        return IsShared(locality) || locality == ownerLocality;
    }
}
