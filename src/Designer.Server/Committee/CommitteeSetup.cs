using Designer.Server.Applications;
using Designer.Server.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Designer.Server.Committee;

/// <summary>The queues of committee writes (in process, and across nodes on PostgreSQL): one per session (votes, close) and one per application (its resumes).</summary>
public sealed class CommitteeGates(ApplicationGates applications, INodeLocks nodes)
{
    public KeyedGate Sessions { get; } = new("committee-session", nodes);
    public KeyedGate Applications => applications.Gate;
}

public static class CommitteeSetup
{
    public static IServiceCollection AddCommittee(this IServiceCollection services)
    {
        services.TryAddSingleton<ApplicationGates>();
        services.AddSingleton<CommitteeGates>();
        services.AddScoped<CommitteeService>();
        services.AddScoped<CommitteeDraws>();
        services.AddScoped<CommitteeRegistry>();
        services.AddScoped<ExpertPool>();
        services.AddScoped<Seeding.WorldSeeder>();
        services.AddSingleton<CommitteeDirectory>();
        services.AddHostedService<CommitteeCloseRecovery>();
        return services;
    }
}
