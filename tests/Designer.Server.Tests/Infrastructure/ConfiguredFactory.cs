using Designer.Engine.Runtime;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.Server.Tests.Infrastructure;

/// <summary>
/// A DesignerFactory in a given environment with settings of its own on top (e.g. Production, tight throttles, no
/// definitions for a quick start), optionally over an existing folder (the same server restarted differently).
/// </summary>
public class ConfiguredFactory(string environment, IReadOnlyDictionary<string, string?> settings, string? folder = null,
    Action<IServiceCollection>? services = null) : DesignerFactory(folder ?? Folders.New(), new ManualClock(DefaultStart))
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment(environment);
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(settings));
        if (services is not null) builder.ConfigureServices(services);
    }
}
