using System.Net;
using System.Text.Json.Nodes;
using Designer.Persistence.Entities;
using Designer.Server.Seeding;
using Designer.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.Server.Tests;

/// <summary>Issue 13.3: demo accounts belong to Development; production refuses the published password.</summary>
public sealed class DemoAccountTests
{
    private static Dictionary<string, string?> Settings(string demoUsers, string password) => new()
    {
        ["Seed:Definitions"] = "false", ["Seed:DemoUsers"] = demoUsers, ["Seed:DemoPassword"] = password,
    };

    private static async Task<ApiResponse> LoginAsync(DesignerFactory factory, string userName, string password) =>
        await factory.Client().PostAsync("/api/auth/login", new JsonObject { ["userName"] = userName, ["password"] = password });

    [Fact]
    public async Task In_production_the_published_password_creates_no_demo_users()
    {
        using var production = new ConfiguredFactory("Production", Settings("true", DemoPassword.Published));
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(production, "admin", DemoPassword.Published)).Status);
        using var scope = production.Services.CreateScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<DesignerUser>>().FindByNameAsync("admin"));
    }

    [Fact]
    public async Task In_production_an_operator_turns_demo_users_on_with_a_password_of_their_own()
    {
        const string own = "Operator#Chosen-2026";
        using var production = new ConfiguredFactory("Production", Settings("true", own));
        (await LoginAsync(production, "admin", own)).Expect(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(production, "admin", DemoPassword.Published)).Status);
    }

    [Fact]
    public async Task A_database_seeded_in_development_refuses_the_published_password_once_run_in_production()
    {
        var folder = Folders.New();
        using (var development = new ConfiguredFactory("Development", Settings("true", DemoPassword.Published), folder) { DeleteFolderOnDispose = false })
            (await LoginAsync(development, "admin", DemoPassword.Published)).Expect(HttpStatusCode.OK);

        using var production = new ConfiguredFactory("Production", Settings("false", ""), folder);
        var refused = await LoginAsync(production, "admin", DemoPassword.Published);
        var wrong = await LoginAsync(production, "admin", "not-the-password");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
        Assert.Equal(wrong.Words, refused.Words);
    }

    [Fact]
    public void The_shipped_settings_keep_demo_users_to_development()
    {
        var root = Hosting.RepositoryRoot.Find(null, AppContext.BaseDirectory);
        var shipped = JsonNode.Parse(File.ReadAllText(Path.Combine(root, "appsettings.json")))!;
        var development = JsonNode.Parse(File.ReadAllText(Path.Combine(root, "src", "Designer.Server", "appsettings.Development.json")))!;
        Assert.False(shipped["Seed"]!["DemoUsers"]!.GetValue<bool>());
        Assert.True(development["Seed"]!["DemoUsers"]!.GetValue<bool>());
        var launch = JsonNode.Parse(File.ReadAllText(Path.Combine(root, "src", "Designer.Server", "Properties", "launchSettings.json")))!;
        Assert.All(launch["profiles"]!.AsObject(), p => Assert.Equal("Development", p.Value!["environmentVariables"]!["ASPNETCORE_ENVIRONMENT"]!.GetValue<string>()));
    }
}
