using Designer.Engine.Runtime;
using Designer.Persistence.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.Server.Tests.Infrastructure;

/// <summary>
/// The server on a real SQLite file in its own temporary folder (or its own PostgreSQL database: TestDatabase), with the repository's workflows/ and schemas/, demo
/// users, and a clock the test moves. Two factories over the same folder are the same server restarted.
/// </summary>
public class DesignerFactory : WebApplicationFactory<Program>
{
    public const string Password = "Designer#2024";

    public DesignerFactory() : this(Path.Combine(Path.GetTempPath(), "designer-tests", Guid.NewGuid().ToString("N")), new ManualClock(DefaultStart)) { }

    protected internal DesignerFactory(string folder, ManualClock clock, double pollSeconds = 3600)
    {
        Folder = folder;
        Clock = clock;
        PollSeconds = pollSeconds;
        Directory.CreateDirectory(folder);
    }

    public static DateTimeOffset DefaultStart => ChinaTime.StartOf(new DateOnly(2024, 9, 2));

    public string Folder { get; }
    public ManualClock Clock { get; }
    public double PollSeconds { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(TestDatabase.Settings(Folder)));
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Seed:Definitions"] = "true",
            ["Seed:DemoUsers"] = "true",
            ["Seed:DemoPassword"] = Password,
            ["Timers:PollSeconds"] = PollSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Limits:MaxBodyBytes"] = "262144",
            // Every test signs in from the same test client; the throttle has its own tests (EdgeHardeningTests).
            ["Limits:SignInsPerMinute"] = "100000",
        }));
        builder.ConfigureServices(services => services.AddSingleton<IClock>(Clock));
    }

    public ApiClient Client(string? userName = null) => new(CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false }), userName);

    public async Task<ApiClient> SignInAsync(string userName)
    {
        var client = Client(userName);
        await client.SignInAsync(Password);
        return client;
    }

    /// <summary>Another applicant of a locality (one qualification per year: each test's application needs its own person).</summary>
    public async Task<string> CreateApplicantAsync(string locality)
    {
        var userName = $"{locality}-applicant-{Guid.NewGuid().ToString("N")[..6]}";
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DesignerUser>>();
        var user = new DesignerUser { UserName = userName, DisplayName = userName, Locality = locality };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, "applicant");
        return userName;
    }

    /// <summary>A reviewer of an organisation with exactly the given task roles (comma-separated; "" for none).</summary>
    public async Task<string> CreateReviewerAsync(string locality, string org, string taskRoles)
    {
        var userName = $"{locality}-clerk-{Guid.NewGuid().ToString("N")[..6]}";
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DesignerUser>>();
        var user = new DesignerUser { UserName = userName, DisplayName = userName, Locality = locality, Org = org, TaskRoles = taskRoles };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, "reviewer");
        return userName;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && DeleteFolderOnDispose)
        {
            TestDatabase.Drop(Folder);
            TryDelete(Folder);
        }
    }

    public bool DeleteFolderOnDispose { get; set; } = true;

    public static void TryDelete(string folder)
    {
        try { Directory.Delete(folder, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
