namespace Designer.Server.Audit;

public static class AuditSetup
{
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddSingleton<AuditChainInterceptor>();
        services.AddSingleton<AuditChainWatch>();
        services.AddScoped<AuditLog>();
        services.AddScoped<DefinitionAudit>();
        services.AddScoped<ApplicationAudit>();
        services.AddScoped<VersionDiffs>();
        services.AddScoped<Upstream>();
        return services;
    }
}
