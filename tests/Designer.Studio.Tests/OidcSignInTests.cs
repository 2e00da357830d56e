using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Designer.Studio.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Designer.Studio.Tests;

/// <summary>
/// OpenID Connect sign-in in Chromium: the browser goes to /connect/authorize with a PKCE challenge, the person signs
/// in on the server's own page, the browser is sent back with a code, and the client exchanges it with the verifier.
/// </summary>
[Collection(StudioCollection.Name)]
public sealed class OidcSignInTests(StudioServer server, Browser browser, ITestOutputHelper output)
{
    [BrowserFact]
    public async Task Code_with_PKCE_signs_in_on_the_servers_page_and_the_token_reads_me()
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var redirectUri = $"{server.BaseUrl}/auth/callback";
        var authorize = QueryHelpers.AddQueryString($"{server.BaseUrl}/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = "designer-studio", ["redirect_uri"] = redirectUri, ["response_type"] = "code",
            ["scope"] = "openid profile roles offline_access", ["code_challenge"] = challenge, ["code_challenge_method"] = "S256", ["state"] = "browser-state",
        });

        await using var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(authorize);
        Assert.StartsWith($"{server.BaseUrl}/connect/login", page.Url);
        Assert.Equal("zh-CN", await page.Locator("html").GetAttributeAsync("lang"));
        await page.GetByRole(AriaRole.Heading, new() { Name = "登录职称评审系统" }).WaitForAsync();

        // The fields are reached by their labels; a wrong password is announced and the user name kept.
        await page.GetByLabel("用户名").FillAsync("bazhou-reviewer-education");
        await page.GetByLabel("密码").FillAsync("not the password");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        var alert = page.GetByRole(AriaRole.Alert);
        await alert.WaitForAsync();
        Assert.Contains("用户名或密码错误", await alert.InnerTextAsync());
        Assert.Equal("bazhou-reviewer-education", await page.GetByLabel("用户名").InputValueAsync());
        Assert.Equal("true", await page.GetByLabel("密码").GetAttributeAsync("aria-invalid"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.Path("oidc-sign-in-error.png") });

        await page.GetByLabel("密码").FillAsync(StudioServer.Password);
        await page.GetByLabel("密码").PressAsync("Enter");
        await page.WaitForURLAsync(url => url.StartsWith(redirectUri));
        var query = QueryHelpers.ParseQuery(new Uri(page.Url).Query);
        Assert.Equal("browser-state", query["state"].ToString());
        output.WriteLine($"redirected to {new Uri(page.Url).GetLeftPart(UriPartial.Path)} with a code");

        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        using var exchanged = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = "designer-studio", ["redirect_uri"] = redirectUri,
            ["code"] = query["code"].ToString(), ["code_verifier"] = verifier,
        }));
        var tokens = JsonNode.Parse(await exchanged.Content.ReadAsStringAsync())!;
        Assert.True(exchanged.StatusCode == HttpStatusCode.OK, tokens.ToJsonString());
        Assert.NotNull(tokens["refresh_token"]);

        using var me = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        me.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens["access_token"]!.GetValue<string>());
        using var answer = await http.SendAsync(me);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var user = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!;
        Assert.Equal("bazhou-reviewer-education", user["userName"]!.GetValue<string>());
        Assert.Equal("bazhou/education", user["org"]!.GetValue<string>());
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
