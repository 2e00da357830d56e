using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Designer.Server.Hosting;

/// <summary>
/// Per-client throttles (the client is its IP address, the proxy's X-Forwarded-For when Proxy:ForwardedHeaders is on):
/// sign-in attempts and public certificate lookups per minute (Limits:*PerMinute). Over the limit: 429 with Retry-After.
/// </summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string CertificateLookup = "certificate-lookup";
    /// <summary>Self-registrations per client and minute: as many as sign-ins (Limits:SignInsPerMinute), counted apart.</summary>
    public const string Register = "register";

    public static void AddDesignerRateLimits(this IServiceCollection services) => services.AddRateLimiter(o =>
    {
        o.AddPolicy(SignIn, context => PerClientPerMinute(context, SignIn, limits => limits.SignInsPerMinute));
        o.AddPolicy(Register, context => PerClientPerMinute(context, Register, limits => limits.SignInsPerMinute));
        o.AddPolicy(CertificateLookup, context => PerClientPerMinute(context, CertificateLookup, limits => limits.CertificateLookupsPerMinute));
        o.OnRejected = async (rejected, cancellationToken) =>
        {
            var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? (int)Math.Ceiling(wait.TotalSeconds) : 60;
            rejected.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await Problems.Problem(429, "请求过于频繁", $"请求过于频繁，请 {retryAfter} 秒后再试 (too many requests: retry after {retryAfter} s)")
                .ExecuteAsync(rejected.HttpContext);
        };
    });

    public static string ClientOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static RateLimitPartition<string> PerClientPerMinute(HttpContext context, string policy, Func<LimitOptions, int> permits)
    {
        var limit = Math.Max(1, permits(context.RequestServices.GetRequiredService<IOptions<LimitOptions>>().Value));
        return RateLimitPartition.GetFixedWindowLimiter($"{policy}|{ClientOf(context)}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true,
        });
    }
}
