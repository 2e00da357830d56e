namespace Designer.Forms;

/// <summary>Builds JSON paths such as "$.evidence[0].fileName" or "$['x-extends']".</summary>
internal static class JsonPath
{
    public const string Root = "$";

    /// <summary>Problems in a UI schema are reported under this root, to keep them apart from the schema's own paths.</summary>
    public const string UiRoot = "ui:$";

    public static string Property(string parent, string name) =>
        IsPlainName(name) ? $"{parent}.{name}" : $"{parent}['{name.Replace("'", "\\'")}']";

    public static string Index(string parent, int index) => $"{parent}[{index}]";

    private static bool IsPlainName(string name) =>
        name.Length > 0
        && (char.IsLetter(name[0]) || name[0] is '_' or '$')
        && name.All(c => char.IsLetterOrDigit(c) || c is '_' or '$');
}
