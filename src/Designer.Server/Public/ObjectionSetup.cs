using System.Threading.RateLimiting;
using Designer.Server.Applications;
using Designer.Server.Hosting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Designer.Server.Public;

public static class ObjectionSetup
{
    /// <summary>The objection service and the per-client rate limit of its route (fixed window per client IP address;
    /// rejections answer as every throttle does, see RateLimits).</summary>
    public static IServiceCollection AddPublicObjections(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ObjectionOptions>(configuration.GetSection(ObjectionOptions.Section));
        services.TryAddSingleton<ApplicationGates>();
        services.AddScoped<ObjectionService>();
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(ObjectionOptions.RateLimitPolicy, context =>
            {
                var settings = context.RequestServices.GetRequiredService<IOptions<ObjectionOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter("objection|" + RateLimits.ClientOf(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = Math.Max(1, settings.PermitLimit),
                    Window = TimeSpan.FromSeconds(Math.Max(1, settings.WindowSeconds)),
                    QueueLimit = 0,
                });
            });
        });
        return services;
    }
}
