using System.Net;
using System.Text.RegularExpressions;
using Designer.Server.Tests.Infrastructure;

namespace Designer.Server.Tests.Contract;

/// <summary>/docs is the Scalar reference of the OpenAPI document, served whole by this server (the machine may be offline).</summary>
public sealed partial class ApiDocsPageTests(DesignerFactory factory) : IClassFixture<DesignerFactory>
{
    [Fact]
    public async Task Docs_serve_Scalar_with_nothing_from_another_host()
    {
        var client = factory.Client().Http;
        using var page = await client.GetAsync("/docs/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();

        Assert.Contains("scalar", html, StringComparison.OrdinalIgnoreCase);
        var external = AbsoluteUrl().Matches(html).Select(m => m.Value).ToList();
        Assert.True(external.Count == 0, "the page names other hosts: " + string.Join(", ", external));
        Assert.Contains("\"withDefaultFonts\":false", html);
        Assert.Contains("openapi/v1.json", html);

        // Every script the page loads comes from here.
        var scripts = ScriptSource().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(scripts);
        foreach (var script in scripts)
        {
            using var response = await client.GetAsync(new Uri(new Uri(client.BaseAddress!, "/docs/"), script));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{script}: {response.StatusCode}");
            Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 1000, $"{script} is empty");
        }
    }

    [Fact]
    public async Task Docs_without_the_slash_lead_to_the_page()
    {
        using var response = await factory.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/docs");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = new Uri(new Uri("http://localhost/docs"), response.Headers.Location!);
        Assert.Equal("/docs/", location.AbsolutePath);
    }

    [GeneratedRegex(@"(https?:)?//[a-z0-9.-]+\.[a-z]{2,}", RegexOptions.IgnoreCase)]
    private static partial Regex AbsoluteUrl();

    [GeneratedRegex("<script[^>]*\\ssrc=\"([^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptSource();
}
