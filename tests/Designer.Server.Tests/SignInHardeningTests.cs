using System.Net;
using Designer.Engine.Runtime;
using Designer.Persistence.Entities;
using Designer.Server.Tests.Infrastructure;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.Server.Tests;

/// <summary>
/// Issue 13.8: sign-in tells nothing (unknown users cost a hash, a locked client hears "wrong password"), attempts
/// are throttled per client, failures lock one (user, client) pair and not the account, certificate numbers cannot
/// be computed and their public lookup is throttled. Clients are told apart by address: requests come from a proxy
/// on 127.0.0.1 that names the client in X-Forwarded-For (Proxy:ForwardedHeaders).
/// </summary>
public sealed class SignInHardeningTests(SignInHardeningTests.Factory factory) : IClassFixture<SignInHardeningTests.Factory>
{
    public const int SignInsPerMinute = 8;
    public const int LookupsPerMinute = 3;

    public sealed class Factory() : ConfiguredFactory("Development", new Dictionary<string, string?>
    {
        ["Seed:Definitions"] = "false",
        ["Limits:SignInsPerMinute"] = SignInsPerMinute.ToString(),
        ["Limits:CertificateLookupsPerMinute"] = LookupsPerMinute.ToString(),
        ["Proxy:ForwardedHeaders"] = "true",
    }, services: s =>
    {
        s.AddSingleton<IPasswordHasher<DesignerUser>>(Hasher);
        s.AddTransient<IStartupFilter, FromLocalProxy>();
    })
    {
        public static readonly CountingPasswordHasher Hasher = new();
    }

    /// <summary>The real hasher, counting how often a password is checked against a hash.</summary>
    public sealed class CountingPasswordHasher : IPasswordHasher<DesignerUser>
    {
        private readonly PasswordHasher<DesignerUser> _inner = new();
        private int _verifications;
        public int Verifications => _verifications;
        public string HashPassword(DesignerUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(DesignerUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    /// <summary>What the proxy's connection looks like: from 127.0.0.1 (TestServer leaves the address empty).</summary>
    private sealed class FromLocalProxy : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                context.Connection.RemoteIpAddress ??= IPAddress.Loopback;
                return following(context);
            });
            next(app);
        };
    }

    private async Task<ApiResponse> SendFrom(string client, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Forwarded-For", client);
        if (body is not null) request.Content = JsonContent.Create(body);
        using var response = await factory.CreateClient().SendAsync(request);
        return new ApiResponse(response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType)
        {
            RetryAfter = response.Headers.RetryAfter?.Delta,
        };
    }

    private Task<ApiResponse> LoginFrom(string client, string userName, string password) =>
        SendFrom(client, HttpMethod.Post, "/api/auth/login", new { userName, password });

    [Fact]
    public async Task An_unknown_user_name_costs_a_password_hash_and_gets_the_wrong_password_answer()
    {
        var before = Factory.Hasher.Verifications;
        var unknown = await LoginFrom("198.51.100.1", "nobody-by-this-name", "guess");
        var afterUnknown = Factory.Hasher.Verifications;
        var known = await LoginFrom("198.51.100.1", "auditor", "guess");
        var afterKnown = Factory.Hasher.Verifications;

        Assert.True(unknown.Status == HttpStatusCode.Unauthorized, unknown.Text);
        Assert.Equal(known.Words, unknown.Words);
        Assert.Equal(1, afterUnknown - before);
        Assert.Equal(1, afterKnown - afterUnknown);
    }

    [Fact]
    public async Task Wrong_passwords_lock_one_client_out_of_the_account_not_the_user_elsewhere()
    {
        const string attacker = "203.0.113.66", user = "192.0.2.10";
        ApiResponse? wrong = null;
        for (var i = 0; i < 5; i++) wrong = await LoginFrom(attacker, "bazhou-admin", "wrong-" + i);

        var lockedOut = await LoginFrom(attacker, "bazhou-admin", DesignerFactory.Password);
        Assert.Equal(HttpStatusCode.Unauthorized, lockedOut.Status);
        Assert.Equal(wrong!.Words, lockedOut.Words);   // the same words as a wrong password: nothing says "locked"

        Assert.Equal(HttpStatusCode.OK, (await LoginFrom(user, "bazhou-admin", DesignerFactory.Password)).Status);

        factory.Clock.AdvanceTo(factory.Clock.Now.AddMinutes(16));
        Assert.Equal(HttpStatusCode.OK, (await LoginFrom(attacker, "bazhou-admin", DesignerFactory.Password)).Status);
    }

    [Fact]
    public async Task Sign_in_attempts_are_rate_limited_per_client()
    {
        const string flooder = "203.0.113.99";
        for (var i = 0; i < SignInsPerMinute; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await LoginFrom(flooder, $"user-{i}", "x")).Status);
        var refused = await LoginFrom(flooder, "kashgar-admin", DesignerFactory.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.True(refused.RetryAfter > TimeSpan.Zero);
        Assert.Contains("请求过于频繁", refused.Text);

        Assert.Equal(HttpStatusCode.OK, (await LoginFrom("192.0.2.77", "kashgar-admin", DesignerFactory.Password)).Status);
    }

    [Fact]
    public async Task Public_certificate_lookups_are_rate_limited_per_client()
    {
        for (var i = 0; i < LookupsPerMinute; i++)
            Assert.Equal(HttpStatusCode.NotFound, (await SendFrom("203.0.113.5", HttpMethod.Get, $"/api/public/certificates/ZC-2024-{i:D12}")).Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SendFrom("203.0.113.5", HttpMethod.Get, "/api/public/certificates/ZC-2024-000000000009")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await SendFrom("192.0.2.5", HttpMethod.Get, "/api/public/certificates/ZC-2024-000000000009")).Status);
    }

    [Fact]
    public void The_server_draws_certificate_serials_at_random_from_an_unambiguous_alphabet()
    {
        var services = factory.Services.GetRequiredService<EngineHost.EngineHost>()
            .Engine(new Designer.Forms.FileFormCatalog([]), new UnlimitedQuotaLedger()).Services;
        var serials = Enumerable.Range(0, 50).Select(_ => services.CertificateNumbers.Serial("same-instance", "certificate")).ToList();
        Assert.Equal(50, serials.Distinct().Count());
        Assert.All(serials, s => Assert.Matches("^[0-9A-HJKMNP-TV-Z]{12}$", s));
    }
}
