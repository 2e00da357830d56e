using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Designer.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Designer.Server.Tests;

/// <summary>Issue 13.9: security headers on every answer, no caching of API answers, Secure cookies over HTTPS, live and ready health.</summary>
public sealed class SecurityHeadersTests(DesignerFactory factory) : IClassFixture<DesignerFactory>
{
    [Theory]
    [InlineData("/api/auth/me")]          // 401
    [InlineData("/api/nothing-here")]     // 404 problem
    [InlineData("/api/public/publicity")] // 200
    [InlineData("/health/ready")]
    public async Task Every_api_answer_carries_the_security_headers_and_is_not_cached(string path)
    {
        using var response = await factory.CreateClient().GetAsync(path);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.DoesNotMatch("script-src[^;]*'unsafe-inline'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.True(response.Headers.CacheControl?.NoStore, $"{path}: Cache-Control {response.Headers.CacheControl}");
    }

    [Fact]
    public async Task The_docs_page_may_run_its_own_inline_script_and_no_other()
    {
        using var response = await factory.CreateClient().GetAsync("/docs");
        var html = await response.Content.ReadAsStringAsync();
        var inline = Regex.Matches(html, @"<script(?![^>]*\bsrc\s*=)[^>]*>(.*?)</script>", RegexOptions.Singleline)
            .Select(m => m.Groups[1].Value).Where(script => script.Trim().Length > 0).ToList();
        Assert.NotEmpty(inline);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        foreach (var script in inline)
            Assert.Contains($"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script)))}'", csp);
        Assert.DoesNotMatch("script-src[^;]*'unsafe-inline'", csp);
    }

    [Theory]
    [InlineData("https://localhost", true)]
    [InlineData("http://localhost", false)]
    public async Task The_sign_in_cookie_is_secure_exactly_when_the_request_came_over_https(string baseAddress, bool secure)
    {
        using var http = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(baseAddress), HandleCookies = false });
        using var response = await http.PostAsJsonAsync("/api/auth/login?useCookies=true", new { userName = "auditor", password = DesignerFactory.Password });
        response.EnsureSuccessStatusCode();
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(Auth.AntiforgeryForCookies.CookieName));
        Assert.Equal(secure, cookie.Contains("secure", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Ready_checks_the_database_and_live_does_not()
    {
        using var server = new ConfiguredFactory("Development", new Dictionary<string, string?> { ["Seed:Definitions"] = "false" });
        var client = server.Client();
        var ready = (await client.GetAsync("/health/ready")).Expect(HttpStatusCode.OK);
        Assert.Equal("Healthy", ready["checks"]!["database"]!["status"]!.GetValue<string>());
        (await client.GetAsync("/health")).Expect(HttpStatusCode.OK);
        (await client.GetAsync("/health/live")).Expect(HttpStatusCode.OK);

        // The database is lost (a file deleted: SQLite opens an empty one without the schema; a database dropped).
        TestDatabase.Lose(server.Folder);

        var notReady = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.Status);
        Assert.Equal("Unhealthy", notReady.Json!["checks"]!["database"]!["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health")).Status);
        (await client.GetAsync("/health/live")).Expect(HttpStatusCode.OK);
    }
}
