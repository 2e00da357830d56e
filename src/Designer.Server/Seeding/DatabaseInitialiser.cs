using Designer.Persistence;
using Designer.Server.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Designer.Server.Seeding;

public static class DatabaseInitialiser
{
    /// <summary>Creates or migrates the database, then seeds definitions and demo users as configured.</summary>
    public static async Task InitialiseAsync(this IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var provider = scope.ServiceProvider;
        var db = provider.GetRequiredService<DesignerDbContext>();
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        await provider.GetRequiredService<Auth.OAuthClients>().RegisterAsync();
        await provider.GetRequiredService<World.WorldVocabulary>().SeedAsync(db, provider.GetRequiredService<IOptions<DesignerOptions>>().Value.WorldDirectory);

        var seed = provider.GetRequiredService<IOptions<SeedOptions>>().Value;
        if (seed.Definitions) await provider.GetRequiredService<DefinitionSeeder>().SeedAsync(provider.GetRequiredService<IOptions<DesignerOptions>>().Value);
        if (!seed.DemoUsers) return;
        if (DemoPassword.RefusalReason(seed, provider.GetRequiredService<IHostEnvironment>()) is { } refusal)
            provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitialiser)).LogWarning("{Refusal}", refusal);
        else await provider.GetRequiredService<DemoUsers>().SeedAsync(seed.DemoPassword);
    }
}
