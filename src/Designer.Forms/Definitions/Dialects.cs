namespace Designer.Forms.Definitions;

/// <summary>The JSON Schema versions a form may declare in "$schema": draft-07 (the default) and 2020-12.</summary>
internal static class Dialects
{
    public const string Draft07 = "http://json-schema.org/draft-07/schema#";
    public const string Draft202012 = "https://json-schema.org/draft/2020-12/schema";

    public static bool IsDraft07(string? uri) => Normalise(uri) == "json-schema.org/draft-07/schema";

    public static bool Is202012(string? uri) => Normalise(uri) == "json-schema.org/draft/2020-12/schema";

    /// <summary>The URI without scheme and empty fragment, so "http://…#" and "https://…" compare equal.</summary>
    private static string? Normalise(string? uri)
    {
        if (uri is null) return null;
        var text = uri.TrimEnd('#');
        foreach (var scheme in new[] { "https://", "http://" })
            if (text.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) return text[scheme.Length..];
        return text;
    }
}
