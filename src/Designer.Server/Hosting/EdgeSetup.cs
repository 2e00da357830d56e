using System.Net;
using Designer.Server.Auth;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Designer.Server.Hosting;

/// <summary>
/// What guards the door: security headers, proxies' forwarded headers, JSON body checks, per-client throttles,
/// health checks, Secure cookies over HTTPS, and the SQLite settings that keep writers queued instead of colliding.
/// </summary>
public static class EdgeSetup
{
    /// <summary>SQLite wakes a waiting reader or writer itself as soon as the lock is free (milliseconds).</summary>
    public const int BusyTimeoutMilliseconds = 30_000;

    public static void AddDesignerEdge(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ProxyOptions>(configuration.GetSection("Proxy"));
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((o, proxy) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var address in proxy.Value.KnownProxies)
                if (IPAddress.TryParse(address, out var ip)) o.KnownProxies.Add(ip);
        });
        // The sign-in cookie (and the antiforgery cookie) are Secure whenever the request came over HTTPS.
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.PostConfigure<AntiforgeryOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);

        services.AddDesignerRateLimits();
        services.AddDesignerHealthChecks();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<WriteGate>();
        services.AddSingleton<WriteGateInterceptor>();
        services.AddSingleton(new SqliteBusyTimeout(BusyTimeoutMilliseconds));
        services.AddSingleton<GroupCommit>();
    }

    /// <summary>First in the pipeline: the client's real address and scheme, and headers on every answer (errors too).</summary>
    public static void UseDesignerEdge(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<ProxyOptions>>().Value.ForwardedHeaders) app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeaders>();
    }
}
