using Designer.Server.Hosting;

namespace Designer.Server.Seeding;

/// <summary>
/// Demo accounts belong to Development (what `dotnet run` uses). Anywhere else they are created only when an operator
/// asks for them with a password of their own, and the password published in the README never signs anyone in.
/// </summary>
public static class DemoPassword
{
    /// <summary>The demo password the README and the tests publish.</summary>
    public const string Published = "Designer#2024";

    public static bool IsRefused(IHostEnvironment environment, string password) =>
        !environment.IsDevelopment() && password == Published;

    /// <summary>Why the configured demo users are not created here, or null when they may be.</summary>
    public static string? RefusalReason(SeedOptions seed, IHostEnvironment environment)
    {
        if (string.IsNullOrEmpty(seed.DemoPassword))
            return "Seed:DemoUsers is true but Seed:DemoPassword is empty: demo users are not created";
        if (IsRefused(environment, seed.DemoPassword))
            return $"Seed:DemoUsers is true in the {environment.EnvironmentName} environment with the published demo password: " +
                   "demo users are not created (outside Development set Seed:DemoPassword to a password of your own)";
        return null;
    }
}
