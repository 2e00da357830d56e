using Designer.Persistence;
using Designer.Server.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Designer.Server.Seeding;

public static class DatabaseInitialiser
{
    /// <summary>Creates or migrates the database, then seeds the roles, the demo users, committees (and demo experts) and definitions as configured.</summary>
    public static async Task InitialiseAsync(this IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var provider = scope.ServiceProvider;
        var db = provider.GetRequiredService<DesignerDbContext>();
        await db.Database.MigrateAsync();
        if (!db.Database.IsPostgres()) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        await RegisterOAuthClientsAsync(services);
        await provider.GetRequiredService<World.WorldVocabulary>().SeedAsync(db, provider.GetRequiredService<IOptions<DesignerOptions>>().Value.WorldDirectory);

        var seed = provider.GetRequiredService<IOptions<SeedOptions>>().Value;
        var options = provider.GetRequiredService<IOptions<DesignerOptions>>().Value;
        var roles = provider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Auth.Roles.All)
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
        var refusal = seed.DemoUsers ? DemoPassword.RefusalReason(seed, provider.GetRequiredService<IHostEnvironment>()) : null;
        if (refusal is not null)
            provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitialiser)).LogWarning("{Refusal}", refusal);
        // People before the workflows: publishing refuses a step nobody holds (StepHolders).
        else if (seed.DemoUsers) await provider.GetRequiredService<DemoUsers>().SeedAsync(seed.DemoPassword);
        // Committees before the workflows: publishing checks the committees their votes name.
        if (seed.Definitions) await provider.GetRequiredService<WorldSeeder>().SeedAsync(options, demoExperts: seed.DemoUsers && refusal is null);
        await provider.GetRequiredService<Committee.CommitteeDirectory>().ReloadAsync(db);
        if (seed.Definitions) await provider.GetRequiredService<DefinitionSeeder>().SeedAsync(options);
        var calendar = provider.GetRequiredService<Calendar.CalendarStore>();
        if (seed.Definitions) await calendar.SeedAsync(db, options.CalendarFolder);
        else await calendar.ReloadAsync(db);
    }

    /// <summary>
    /// Nodes starting together over one database race to register the same OAuth clients: the loser's save fails on
    /// the row the winner changed, and it tries again in a fresh unit of work, which reads the winner's row.
    /// </summary>
    private static async Task RegisterOAuthClientsAsync(IServiceProvider services)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var scope = services.CreateScope();
            try
            {
                await scope.ServiceProvider.GetRequiredService<Auth.OAuthClients>().RegisterAsync();
                return;
            }
            catch (Exception e) when (attempt < 5 && e is OpenIddict.Abstractions.OpenIddictExceptions.ConcurrencyException or DbUpdateException)
            {
                await Task.Delay(50 * attempt);
            }
        }
    }
}
