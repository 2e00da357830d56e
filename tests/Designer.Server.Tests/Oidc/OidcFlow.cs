using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;

namespace Designer.Server.Tests.Oidc;

/// <summary>What a browser and an OAuth client do in the code + PKCE flow, over plain HTTP (cookies on, redirects by hand).</summary>
public static class OidcFlow
{
    public sealed record Pkce(string Verifier, string Challenge);

    public static Pkce NewPkce()
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        return new Pkce(verifier, Base64Url(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(verifier))));
    }

    public static string AuthorizeUrl(Uri server, string clientId, string redirectUri, string challenge, string scope = "openid profile roles offline_access",
        string state = "state-1") =>
        QueryHelpers.AddQueryString(new Uri(server, "/connect/authorize").ToString(), new Dictionary<string, string?>
        {
            ["client_id"] = clientId, ["redirect_uri"] = redirectUri, ["response_type"] = "code", ["scope"] = scope,
            ["code_challenge"] = challenge, ["code_challenge_method"] = "S256", ["state"] = state,
        });

    /// <summary>
    /// Follows redirects from <paramref name="start"/> like a browser, filling in the sign-in page whenever it is shown,
    /// until a redirect leads to an address for which <paramref name="arrived"/> holds; returns that address.
    /// </summary>
    public static async Task<Uri> FollowAsync(HttpClient browser, Uri start, Func<Uri, bool> arrived, string userName, string password)
    {
        var current = start;
        var signedIn = false;
        for (var hop = 0; hop < 12; hop++)
        {
            using var response = await browser.GetAsync(current);
            if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther)
            {
                current = new Uri(current, response.Headers.Location!);
                if (arrived(current)) return current;
                continue;
            }
            var page = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK && !signedIn && page.Contains("name=\"password\""),
                $"expected the sign-in page at {current}, got {(int)response.StatusCode}: {Cut(page)}");
            using var posted = await SubmitSignInAsync(browser, current, page, userName, password);
            Assert.True(posted.StatusCode == HttpStatusCode.Redirect, $"sign-in at {current} answered {(int)posted.StatusCode}: {Cut(await posted.Content.ReadAsStringAsync())}");
            signedIn = true;
            current = new Uri(current, posted.Headers.Location!);
            if (arrived(current)) return current;
        }
        throw new InvalidOperationException($"too many redirects from {start}");
    }

    /// <summary>Posts the sign-in page's form (its antiforgery token and return address) with a user name and password.</summary>
    public static Task<HttpResponseMessage> SubmitSignInAsync(HttpClient browser, Uri pageUrl, string page, string userName, string password) =>
        browser.PostAsync(new Uri(pageUrl, "/connect/login"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Hidden(page, "__RequestVerificationToken"),
            ["returnUrl"] = Hidden(page, "returnUrl"),
            ["userName"] = userName,
            ["password"] = password,
        }));

    public static async Task<(HttpStatusCode Status, JsonObject Body)> TokenAsync(HttpClient http, Uri server, Dictionary<string, string> form,
        (string Id, string Secret)? basic = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server, "/connect/token")) { Content = new FormUrlEncodedContent(form) };
        if (basic is { } client)
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(client.Id)}:{Uri.EscapeDataString(client.Secret)}")));
        using var response = await http.SendAsync(request);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    public static Task<(HttpStatusCode Status, JsonObject Body)> ExchangeCodeAsync(HttpClient http, Uri server, string clientId, string redirectUri,
        string code, string verifier) =>
        TokenAsync(http, server, new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = clientId, ["redirect_uri"] = redirectUri, ["code"] = code, ["code_verifier"] = verifier,
        });

    public static string Query(Uri uri, string name) => QueryHelpers.ParseQuery(uri.Query).TryGetValue(name, out var value) ? value.ToString() : "";

    private static string Hidden(string page, string name)
    {
        var match = Regex.Match(page, $"name=\"{Regex.Escape(name)}\" value=\"([^\"]*)\"");
        Assert.True(match.Success, $"no hidden field {name} on the sign-in page");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Cut(string text) => text.Length > 400 ? text[..400] : text;
}
