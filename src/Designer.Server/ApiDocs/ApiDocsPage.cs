namespace Designer.Server.Hosting;

/// <summary>A small page that renders the OpenAPI document in the browser (no CDN: the machine may be offline).</summary>
public static class ApiDocsPage
{
    public static readonly string Html = Load();

    private static string Load()
    {
        using var stream = typeof(ApiDocsPage).Assembly.GetManifestResourceStream("Designer.Server.ApiDocs.docs.html");
        return stream is null ? "<p>docs page missing</p>" : new StreamReader(stream).ReadToEnd();
    }
}
