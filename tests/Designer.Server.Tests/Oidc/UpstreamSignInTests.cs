using System.Net;
using System.Text.Json.Nodes;
using Designer.Persistence.Entities;
using Designer.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.Server.Tests.Oidc;

/// <summary>
/// Two real servers on 127.0.0.1: one plays the government's unified identity (it is an OpenID Connect provider),
/// the other is configured to sign people in through it.
/// </summary>
public sealed class UpstreamPair : IAsyncLifetime
{
    public const string ClientId = "designer-bazhou";
    public const string ClientSecret = "upstream-secret-for-tests";
    public const string DisplayName = "政务统一身份认证";

    public KestrelDesignerFactory Upstream { get; private set; } = null!;
    public KestrelDesignerFactory Server { get; private set; } = null!;

    public Task InitializeAsync()
    {
        var upstreamPort = KestrelDesignerFactory.FreePort();
        var serverPort = KestrelDesignerFactory.FreePort();
        Upstream = new KestrelDesignerFactory(upstreamPort, new()
        {
            ["Auth:Clients:0:ClientId"] = ClientId,
            ["Auth:Clients:0:ClientSecret"] = ClientSecret,
            ["Auth:Clients:0:RedirectUris:0"] = $"http://127.0.0.1:{serverPort}/connect/upstream/callback",
            ["Auth:Clients:0:Scopes:0"] = "profile",
        });
        Upstream.Start();
        Server = new KestrelDesignerFactory(serverPort, new()
        {
            ["Auth:Upstream:Issuer"] = Upstream.BaseUri.ToString(),
            ["Auth:Upstream:ClientId"] = ClientId,
            ["Auth:Upstream:ClientSecret"] = ClientSecret,
            ["Auth:Upstream:DisplayName"] = DisplayName,
        });
        Server.Start();
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        Server.Dispose();
        Upstream.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class UpstreamSignInTests(UpstreamPair pair) : IClassFixture<UpstreamPair>
{
    private static HttpClient Browser() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() });

    [Fact]
    public async Task A_person_signs_in_through_the_upstream_provider_and_gets_their_local_user()
    {
        var browser = Browser();
        var page = await browser.GetStringAsync(new Uri(pair.Server.BaseUri, "/connect/login?returnUrl=%2Fapi%2Fauth%2Fme"));
        Assert.Contains($"使用{UpstreamPair.DisplayName}登录", page);
        var providers = JsonNode.Parse(await browser.GetStringAsync(new Uri(pair.Server.BaseUri, "/api/auth/providers")))!["items"]!.AsArray();
        Assert.Equal(UpstreamPair.DisplayName, providers.Single()!["displayName"]!.GetValue<string>());

        // Upstream's sign-in page takes the password; the server never sees it.
        var back = await OidcFlow.FollowAsync(browser, new Uri(pair.Server.BaseUri, "/connect/upstream?returnUrl=%2Fapi%2Fauth%2Fme"),
            uri => uri.Port == pair.Server.Port && uri.AbsolutePath == "/api/auth/me", "bazhou-reviewer-education", DesignerFactory.Password);
        var me = JsonNode.Parse(await browser.GetStringAsync(back))!;
        Assert.Equal("bazhou-reviewer-education", me["userName"]!.GetValue<string>());
        Assert.Equal("bazhou/education", me["org"]!.GetValue<string>());

        // The two are linked now: the local user carries the upstream login.
        await using var scope = pair.Server.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DesignerUser>>();
        var logins = await users.GetLoginsAsync((await users.FindByNameAsync("bazhou-reviewer-education"))!);
        Assert.Equal("upstream", logins.Single().LoginProvider);
    }

    [Fact]
    public async Task An_upstream_account_with_no_local_user_is_refused()
    {
        await using (var scope = pair.Upstream.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<DesignerUser>>();
            var created = await users.CreateAsync(new DesignerUser { UserName = "only-upstream", DisplayName = "外部人员", Locality = "bazhou" }, DesignerFactory.Password);
            Assert.True(created.Succeeded);
        }
        var browser = Browser();
        var callback = await OidcFlow.FollowAsync(browser, new Uri(pair.Server.BaseUri, "/connect/upstream?returnUrl=%2Fapi%2Fauth%2Fme"),
            uri => uri.Port == pair.Server.Port && uri.AbsolutePath == "/connect/upstream/callback", "only-upstream", DesignerFactory.Password);
        using var refused = await browser.GetAsync(callback);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("未关联本系统用户", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync(new Uri(pair.Server.BaseUri, "/api/auth/me"))).StatusCode);
    }
}
