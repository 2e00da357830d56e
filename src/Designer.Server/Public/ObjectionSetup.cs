using System.Threading.RateLimiting;
using Designer.Server.Applications;
using Designer.Server.Hosting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Designer.Server.Public;

public static class ObjectionSetup
{
    /// <summary>The objection service and the per-client rate limit of its route (fixed window per client IP address).</summary>
    public static IServiceCollection AddPublicObjections(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ObjectionOptions>(configuration.GetSection(ObjectionOptions.Section));
        services.TryAddSingleton<ApplicationGates>();
        services.AddScoped<ObjectionService>();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected ??= async (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await Problems.Problem(429, "请求过于频繁", "请求过于频繁，请稍后再试 (too many requests)").ExecuteAsync(context.HttpContext);
            };
            limiter.AddPolicy(ObjectionOptions.RateLimitPolicy, context =>
            {
                var settings = context.RequestServices.GetRequiredService<IOptions<ObjectionOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(ClientKey(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = Math.Max(1, settings.PermitLimit),
                    Window = TimeSpan.FromSeconds(Math.Max(1, settings.WindowSeconds)),
                    QueueLimit = 0,
                });
            });
        });
        return services;
    }

    /// <summary>The client's IP address (as forwarded-headers handling left it), "unknown" when there is none.</summary>
    public static string ClientKey(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
