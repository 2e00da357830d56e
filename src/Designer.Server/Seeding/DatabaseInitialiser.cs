using Designer.Persistence;
using Designer.Server.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Designer.Server.Seeding;

public static class DatabaseInitialiser
{
    /// <summary>Creates or migrates the database, then seeds committees (and demo experts), definitions and demo users as configured.</summary>
    public static async Task InitialiseAsync(this IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var provider = scope.ServiceProvider;
        var db = provider.GetRequiredService<DesignerDbContext>();
        await db.Database.MigrateAsync();
        if (!db.Database.IsPostgres()) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        await provider.GetRequiredService<Auth.OAuthClients>().RegisterAsync();
        await provider.GetRequiredService<World.WorldVocabulary>().SeedAsync(db, provider.GetRequiredService<IOptions<DesignerOptions>>().Value.WorldDirectory);

        var seed = provider.GetRequiredService<IOptions<SeedOptions>>().Value;
        var options = provider.GetRequiredService<IOptions<DesignerOptions>>().Value;
        var refusal = seed.DemoUsers ? DemoPassword.RefusalReason(seed, provider.GetRequiredService<IHostEnvironment>()) : null;
        // Committees before the workflows: publishing checks the committees their votes name.
        if (seed.Definitions) await provider.GetRequiredService<WorldSeeder>().SeedAsync(options, demoExperts: seed.DemoUsers && refusal is null);
        await provider.GetRequiredService<Committee.CommitteeDirectory>().ReloadAsync(db);
        if (seed.Definitions) await provider.GetRequiredService<DefinitionSeeder>().SeedAsync(options);
        var calendar = provider.GetRequiredService<Calendar.CalendarStore>();
        if (seed.Definitions) await calendar.SeedAsync(db, options.CalendarFolder);
        else await calendar.ReloadAsync(db);
        if (!seed.DemoUsers) return;
        if (refusal is not null)
            provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitialiser)).LogWarning("{Refusal}", refusal);
        else await provider.GetRequiredService<DemoUsers>().SeedAsync(seed.DemoPassword);
    }
}
