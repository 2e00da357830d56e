using PdfSharp.Fonts;

namespace Designer.Server.Documents;

/// <summary>
/// Gives PDFsharp the two fonts shipped in the assembly: Droid Sans Fallback for CJK text and DejaVu Sans for Latin
/// letters and digits (the fallback font has none). Both have TrueType outlines; the PDF embeds only the glyphs used.
/// Bold is drawn by PDFsharp's simulation.
/// </summary>
public sealed class CjkFontResolver : IFontResolver
{
    public const string CjkFamily = "Droid Sans Fallback";
    public const string LatinFamily = "DejaVu Sans";
    private const string CjkFace = "DroidSansFallbackFull";
    private const string LatinFace = "DejaVuSans";
    private static readonly Dictionary<string, Lazy<byte[]>> Faces = new()
    {
        [CjkFace] = new(() => Load(CjkFace)), [LatinFace] = new(() => Load(LatinFace)),
    };
    private static readonly object InstallLock = new();

    /// <summary>Sets the resolver once per process (PDFsharp's setting is global; several test servers share a process).</summary>
    public static void Install()
    {
        lock (InstallLock)
        {
            if (GlobalFontSettings.FontResolver is CjkFontResolver) return;
            GlobalFontSettings.FontResolver = new CjkFontResolver();
        }
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(familyName == LatinFamily ? LatinFace : CjkFace, mustSimulateBold: bold, mustSimulateItalic: italic);

    public byte[] GetFont(string faceName) => Faces[faceName].Value;

    private static byte[] Load(string face)
    {
        var resource = $"Designer.Server.Documents.Fonts.{face}.ttf";
        using var stream = typeof(CjkFontResolver).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"font resource {resource} is missing from the server assembly");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
