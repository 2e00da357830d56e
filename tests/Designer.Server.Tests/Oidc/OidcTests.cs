using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Designer.Persistence;
using Designer.Persistence.Entities;
using Designer.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.Server.Tests.Oidc;

/// <summary>The server as an OAuth 2.0 / OpenID Connect provider: discovery, code + PKCE, refresh, client credentials, revocation.</summary>
public sealed class OidcTests(OidcFactory factory) : IClassFixture<OidcFactory>
{
    private static readonly Uri Server = OidcFactory.Server;

    private HttpClient Browser() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
    private HttpClient Plain() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    private ApiClient WithToken(string accessToken)
    {
        var client = new ApiClient(Plain(), null);
        client.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    [Fact]
    public async Task Discovery_names_the_endpoints_the_flows_and_the_scopes()
    {
        var discovery = (await factory.Client().GetAsync("/.well-known/openid-configuration")).Expect(HttpStatusCode.OK);
        Assert.Equal("http://localhost/", discovery["issuer"]!.GetValue<string>());
        Assert.Equal("http://localhost/connect/authorize", discovery["authorization_endpoint"]!.GetValue<string>());
        Assert.Equal("http://localhost/connect/token", discovery["token_endpoint"]!.GetValue<string>());
        Assert.Equal("http://localhost/connect/revoke", discovery["revocation_endpoint"]!.GetValue<string>());
        Assert.Equal("http://localhost/connect/logout", discovery["end_session_endpoint"]!.GetValue<string>());
        var grants = discovery["grant_types_supported"]!.AsArray().Select(g => g!.GetValue<string>()).ToList();
        Assert.Contains("authorization_code", grants);
        Assert.Contains("refresh_token", grants);
        Assert.Contains("client_credentials", grants);
        Assert.Equal(["S256"], discovery["code_challenge_methods_supported"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Contains("results", discovery["scopes_supported"]!.AsArray().Select(s => s!.GetValue<string>()));
        var keys = (await factory.Client().GetAsync(new Uri(discovery["jwks_uri"]!.GetValue<string>()).PathAndQuery)).Expect(HttpStatusCode.OK);
        Assert.NotEmpty(keys["keys"]!.AsArray());
    }

    [Fact]
    public async Task Code_with_PKCE_signs_in_on_the_servers_page_and_the_token_reads_me()
    {
        var browser = Browser();
        var wrong = OidcFlow.NewPkce();
        var callback = await OidcFlow.FollowAsync(browser, new Uri(OidcFlow.AuthorizeUrl(Server, OidcFactory.AppId, OidcFactory.AppRedirect, wrong.Challenge)),
            IsAppCallback, "bazhou-reviewer-education", DesignerFactory.Password);
        Assert.Equal("state-1", OidcFlow.Query(callback, "state"));
        // A code is worth nothing without the verifier of its challenge.
        var (refused, error) = await OidcFlow.ExchangeCodeAsync(Plain(), Server, OidcFactory.AppId, OidcFactory.AppRedirect, OidcFlow.Query(callback, "code"),
            OidcFlow.NewPkce().Verifier);
        Assert.Equal(HttpStatusCode.BadRequest, refused);
        Assert.Equal("invalid_grant", error["error"]!.GetValue<string>());

        // Signed in already: the server's cookie session answers the next authorization at once.
        var pkce = OidcFlow.NewPkce();
        callback = await OidcFlow.FollowAsync(browser, new Uri(OidcFlow.AuthorizeUrl(Server, OidcFactory.AppId, OidcFactory.AppRedirect, pkce.Challenge, state: "state-2")),
            IsAppCallback, "nobody", "no password needed");
        Assert.Equal("state-2", OidcFlow.Query(callback, "state"));
        var (status, tokens) = await OidcFlow.ExchangeCodeAsync(Plain(), Server, OidcFactory.AppId, OidcFactory.AppRedirect, OidcFlow.Query(callback, "code"), pkce.Verifier);
        Assert.True(status == HttpStatusCode.OK, tokens.ToJsonString());
        Assert.Equal("Bearer", tokens["token_type"]!.GetValue<string>());
        Assert.NotNull(tokens["id_token"]);
        Assert.NotNull(tokens["refresh_token"]);

        var me = await WithToken(tokens["access_token"]!.GetValue<string>()).GetOkAsync("/api/auth/me");
        Assert.Equal("bazhou-reviewer-education", me["userName"]!.GetValue<string>());
        Assert.Equal("bazhou/education", me["org"]!.GetValue<string>());
        Assert.Contains("reviewer", me["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    [Fact]
    public async Task The_sign_in_page_is_Chinese_says_what_went_wrong_and_keeps_the_return_address()
    {
        var browser = Browser();
        var pkce = OidcFlow.NewPkce();
        var authorize = new Uri(OidcFlow.AuthorizeUrl(Server, OidcFactory.AppId, OidcFactory.AppRedirect, pkce.Challenge));
        using var first = await browser.GetAsync(authorize);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var loginUrl = new Uri(Server, first.Headers.Location!);
        Assert.Equal("/connect/login", loginUrl.AbsolutePath);
        var page = await browser.GetStringAsync(loginUrl);
        Assert.Contains("<html lang=\"zh-CN\">", page);
        Assert.Contains("<label for=\"signin-user\">用户名</label>", page);
        Assert.Contains("<label for=\"signin-password\">密码</label>", page);

        using var wrong = await OidcFlow.SubmitSignInAsync(browser, loginUrl, page, "bazhou-reviewer-education", "not the password");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        var again = await wrong.Content.ReadAsStringAsync();
        Assert.Contains("role=\"alert\"", again);
        Assert.Contains("用户名或密码错误", again);
        Assert.Contains("value=\"bazhou-reviewer-education\"", again);

        using var right = await OidcFlow.SubmitSignInAsync(browser, loginUrl, again, "bazhou-reviewer-education", DesignerFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(authorize.PathAndQuery, right.Headers.Location!.OriginalString);

        // Somewhere else than this server is never a return address.
        var outside = await browser.GetStringAsync("/connect/login?returnUrl=" + Uri.EscapeDataString("//evil.example/x"));
        Assert.Contains("name=\"returnUrl\" value=\"/\"", outside);
    }

    [Fact]
    public async Task A_refresh_token_gives_a_new_access_token_until_the_user_is_disabled()
    {
        var userName = await factory.CreateApplicantAsync("bazhou");
        var tokens = await CodeFlowTokensAsync(userName);
        var (status, refreshed) = await OidcFlow.TokenAsync(Plain(), Server, new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["client_id"] = OidcFactory.AppId, ["refresh_token"] = tokens["refresh_token"]!.GetValue<string>(),
        });
        Assert.True(status == HttpStatusCode.OK, refreshed.ToJsonString());
        Assert.NotEqual(tokens["access_token"]!.GetValue<string>(), refreshed["access_token"]!.GetValue<string>());
        Assert.Equal(userName, (await WithToken(refreshed["access_token"]!.GetValue<string>()).GetOkAsync("/api/auth/me"))["userName"]!.GetValue<string>());

        await ChangeUserAsync(userName, (users, user) => users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue));
        var (again, refusal) = await OidcFlow.TokenAsync(Plain(), Server, new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["client_id"] = OidcFactory.AppId, ["refresh_token"] = refreshed["refresh_token"]!.GetValue<string>(),
        });
        Assert.Equal(HttpStatusCode.BadRequest, again);
        Assert.Equal("invalid_grant", refusal["error"]!.GetValue<string>());
        (await WithToken(refreshed["access_token"]!.GetValue<string>()).GetAsync("/api/auth/me")).Expect(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Client_credentials_read_their_localitys_results_and_certificates_and_nothing_else()
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DesignerDbContext>();
            db.Certificates.Add(new CertificateRecord { Number = "BZ-TEST-0001", ApplicationId = "app-bz", Locality = "bazhou", Holder = "巴州甲", Series = "teacher", Level = "deputy-senior", IssuedOn = "2024-12-01" });
            db.Certificates.Add(new CertificateRecord { Number = "KS-TEST-0001", ApplicationId = "app-ks", Locality = "kashgar", Holder = "喀什乙", Series = "teacher", Level = "deputy-senior", IssuedOn = "2024-12-01" });
            await db.SaveChangesAsync();
        }
        var (status, token) = await OidcFlow.TokenAsync(Plain(), Server, new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = "results" },
            basic: (OidcFactory.PlatformId, OidcFactory.PlatformSecret));
        Assert.True(status == HttpStatusCode.OK, token.ToJsonString());
        Assert.Null(token["refresh_token"]);
        var platform = WithToken(token["access_token"]!.GetValue<string>());

        var page = (await platform.GetAsync("/api/integration/certificates")).Expect(HttpStatusCode.OK);
        Assert.Equal(1, page["total"]!.GetValue<int>());
        var certificates = page["items"]!.AsArray();
        Assert.Equal(["BZ-TEST-0001"], certificates.Select(c => c!["number"]!.GetValue<string>()));
        Assert.Equal("巴州甲", certificates[0]!["holder"]!.GetValue<string>());
        (await platform.GetAsync("/api/integration/results")).Expect(HttpStatusCode.OK);

        // A client is not a person: the people's routes refuse it, reading and writing alike.
        (await platform.GetAsync("/api/auth/me")).Expect(HttpStatusCode.Forbidden);
        (await platform.GetAsync("/api/applications")).Expect(HttpStatusCode.Forbidden);
        (await platform.GetAsync("/api/workflows")).Expect(HttpStatusCode.Forbidden);
        (await platform.GetAsync("/api/tasks")).Expect(HttpStatusCode.Forbidden);
        (await platform.PostAsync("/api/applications", new JsonObject { ["definitionId"] = "bazhou-directed-deputy-senior", ["data"] = new JsonObject() }))
            .Expect(HttpStatusCode.Forbidden);
        (await platform.PostAsync("/api/workflows/import", new JsonObject())).Expect(HttpStatusCode.Forbidden);

        // And a person's token does not read the integration routes.
        var admin = await factory.SignInAsync("admin");
        (await admin.GetAsync("/api/integration/certificates")).Expect(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_wrong_secret_or_a_scope_not_granted_gets_no_token()
    {
        var (wrongSecret, error) = await OidcFlow.TokenAsync(Plain(), Server, new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = "results" },
            basic: (OidcFactory.PlatformId, "not-the-secret"));
        Assert.Equal(HttpStatusCode.Unauthorized, wrongSecret);
        Assert.Equal("invalid_client", error["error"]!.GetValue<string>());

        var (otherScope, scopeError) = await OidcFlow.TokenAsync(Plain(), Server, new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = "results profile" },
            basic: (OidcFactory.PlatformId, OidcFactory.PlatformSecret));
        Assert.Equal(HttpStatusCode.BadRequest, otherScope);
        Assert.Null(scopeError["access_token"]);

        // A public sign-in client has no secret, so no client credentials.
        var (publicClient, _) = await OidcFlow.TokenAsync(Plain(), Server, new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = OidcFactory.AppId });
        Assert.Equal(HttpStatusCode.BadRequest, publicClient);
    }

    [Fact]
    public async Task A_cached_token_is_still_refused_when_altered_or_when_its_entry_expired()
    {
        var userName = await factory.CreateApplicantAsync("bazhou");
        var client = await factory.SignInAsync(userName);
        var token = client.Http.DefaultRequestHeaders.Authorization!.Parameter!;
        (await client.GetAsync("/api/auth/me")).Expect(HttpStatusCode.OK);
        (await client.GetAsync("/api/auth/me")).Expect(HttpStatusCode.OK);

        // One character of the encrypted content changed: a token of its own, decrypted (and refused) afresh.
        var dot = token.LastIndexOf('.') - 2;
        var altered = token[..dot] + (token[dot] == 'A' ? 'B' : 'A') + token[(dot + 1)..];
        var tampered = factory.Client();
        tampered.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", altered);
        (await tampered.GetAsync("/api/auth/me")).Expect(HttpStatusCode.Unauthorized);

        // Its database entry made invalid behind the server's back: refused at once although its decryption is cached.
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DesignerDbContext>();
            var userId = db.Users.Single(u => u.UserName == userName).Id;
            var entries = db.Set<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreToken>().Where(t => t.Subject == userId).ToList();
            Assert.NotEmpty(entries);
            foreach (var entry in entries) entry.ExpirationDate = DateTime.UtcNow.AddMinutes(-1);
            await db.SaveChangesAsync();
        }
        (await client.GetAsync("/api/auth/me")).Expect(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task One_token_used_by_many_requests_at_once_is_accepted_by_each()
    {
        var client = await factory.SignInAsync(await factory.CreateApplicantAsync("bazhou"));
        (await client.GetAsync("/api/auth/me")).Expect(HttpStatusCode.OK);
        // Each request gets its own copy of the cached principal: shared claim lists failed with a 500 under load.
        for (var round = 0; round < 5; round++)
        {
            var answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => client.Http.GetAsync("/api/applications"))));
            Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.StatusCode));
        }
    }

    public static TheoryData<string> Revocations => ["logout", "revocation endpoint", "disabled", "password changed", "password reset by an admin", "role removed"];

    [Theory]
    [MemberData(nameof(Revocations))]
    public async Task A_bearer_token_gets_401_at_once_when_revoked(string how)
    {
        var userName = await factory.CreateApplicantAsync("bazhou");
        var client = await factory.SignInAsync(userName);
        var token = client.Http.DefaultRequestHeaders.Authorization!.Parameter!;
        var decrypted = factory.Services.GetRequiredService<Designer.Server.Auth.DecryptedTokenCache>();
        (await client.GetAsync("/api/auth/me")).Expect(HttpStatusCode.OK);
        var fromCacheBefore = decrypted.Hits;
        (await client.GetAsync("/api/auth/me")).Expect(HttpStatusCode.OK);
        // The token was decrypted once and is now taken from the cache: the refusal below is the cached path's.
        Assert.True(decrypted.Hits > fromCacheBefore);
        var other = await factory.SignInAsync(await factory.CreateApplicantAsync("bazhou"));

        switch (how)
        {
            case "logout":
                (await client.PostAsync("/api/auth/logout")).Expect(HttpStatusCode.NoContent);
                break;
            case "revocation endpoint":
                using (var revoke = await Plain().PostAsync("/connect/revoke", new FormUrlEncodedContent(new Dictionary<string, string>
                       {
                           ["token"] = token, ["token_type_hint"] = "access_token", ["client_id"] = "designer-studio",
                       })))
                    Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
                break;
            case "password reset by an admin":
                var admin = await factory.SignInAsync("admin");
                (await admin.PostAsync($"/api/users/{userName}/reset-password", new JsonObject())).Expect(HttpStatusCode.OK);
                break;
            default:
                await RevokeByChangeAsync(userName, how);
                break;
        }
        (await client.GetAsync("/api/auth/me")).Expect(HttpStatusCode.Unauthorized);
        (await client.GetAsync("/api/applications")).Expect(HttpStatusCode.Unauthorized);
        // Someone else's session is untouched.
        (await other.GetAsync("/api/auth/me")).Expect(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("logout")]
    [InlineData("disabled")]
    [InlineData("password changed")]
    [InlineData("role removed")]
    public async Task A_cookie_session_gets_401_at_once_when_revoked(string how)
    {
        var userName = await factory.CreateApplicantAsync("bazhou");
        var browser = Browser();
        (await browser.PostAsJsonAsync("/api/auth/login?useCookies=true", new { userName, password = DesignerFactory.Password })).EnsureSuccessStatusCode();
        var cookie = CookieOf(browser, await browser.GetAsync("/api/auth/me"));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/auth/me")).StatusCode);

        if (how == "logout")
        {
            var antiforgery = (await browser.GetFromJsonAsync<JsonObject>("/api/auth/antiforgery"))!["token"]!.GetValue<string>();
            using var logout = new HttpRequestMessage(HttpMethod.Post, "/api/auth/logout");
            logout.Headers.Add("X-XSRF-TOKEN", antiforgery);
            Assert.Equal(HttpStatusCode.NoContent, (await browser.SendAsync(logout)).StatusCode);
        }
        else await RevokeByChangeAsync(userName, how);

        // The cookie as it was before (a copy kept by someone, not the browser's deleted one) no longer works either.
        using var replay = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        replay.Headers.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Plain().SendAsync(replay)).StatusCode);
    }

    private async Task RevokeByChangeAsync(string userName, string how) => await ChangeUserAsync(userName, how switch
    {
        "disabled" => (users, user) => users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue),
        "password changed" => (users, user) => users.ChangePasswordAsync(user, DesignerFactory.Password, "Changed#2025-password"),
        "role removed" => (users, user) => users.RemoveFromRoleAsync(user, "applicant"),
        _ => throw new ArgumentOutOfRangeException(nameof(how), how, null),
    });

    private async Task ChangeUserAsync(string userName, Func<UserManager<DesignerUser>, DesignerUser, Task<IdentityResult>> change)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DesignerUser>>();
        var result = await change(users, (await users.FindByNameAsync(userName))!);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    private async Task<JsonObject> CodeFlowTokensAsync(string userName)
    {
        var pkce = OidcFlow.NewPkce();
        var callback = await OidcFlow.FollowAsync(Browser(), new Uri(OidcFlow.AuthorizeUrl(Server, OidcFactory.AppId, OidcFactory.AppRedirect, pkce.Challenge)),
            IsAppCallback, userName, DesignerFactory.Password);
        var (status, tokens) = await OidcFlow.ExchangeCodeAsync(Plain(), Server, OidcFactory.AppId, OidcFactory.AppRedirect, OidcFlow.Query(callback, "code"), pkce.Verifier);
        Assert.True(status == HttpStatusCode.OK, tokens.ToJsonString());
        return tokens;
    }

    /// <summary>The session cookie the server set, as a Cookie header value.</summary>
    private static string CookieOf(HttpClient _, HttpResponseMessage response)
    {
        response.RequestMessage!.Headers.TryGetValues("Cookie", out var sent);
        var header = string.Join("; ", sent ?? []);
        Assert.Contains(".Designer.Identity=", header);
        return header;
    }

    private static bool IsAppCallback(Uri uri) => uri.GetLeftPart(UriPartial.Path) == OidcFactory.AppRedirect;
}
