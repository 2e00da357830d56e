using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace Designer.Studio.Tests.Infrastructure;

/// <summary>
/// The real server (Kestrel) on a free 127.0.0.1 port, with its own SQLite file in a temporary folder, the repository's
/// workflows/ and schemas/ seeded, and the demo users; it serves the Studio built into src/Designer.Server/wwwroot.
/// Its engine reads the system clock; <see cref="ClockedStudioServer"/> is one whose time the test moves.
/// </summary>
public class StudioServer : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "Designer#2024";

    private readonly string folder = Path.Combine(Path.GetTempPath(), "designer-studio-tests", Guid.NewGuid().ToString("N"));

    public StudioServer()
    {
        Directory.CreateDirectory(folder);
        Port = FreePort();
        UseKestrel(Port);
    }

    public int Port { get; }
    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public string DatabaseFile => Path.Combine(folder, "designer.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Settings, not app configuration: the server reads its connection string while it registers its services,
        // before WebApplicationFactory's app-configuration callbacks are applied.
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(Settings!));
    }

    protected virtual Dictionary<string, string> Settings => new()
    {
        ["Urls"] = BaseUrl,
        ["ConnectionStrings:Designer"] = $"Data Source={DatabaseFile}",
        ["Seed:Definitions"] = "true",
        ["Seed:DemoUsers"] = "true",
        ["Seed:DemoPassword"] = Password,
        ["Limits:SignInsPerMinute"] = "100000",
    };

    public Task InitializeAsync()
    {
        StartServer();
        if (!File.Exists(DatabaseFile))
            throw new InvalidOperationException($"The server did not use the test's own database {DatabaseFile}: refusing to run browser tests against another database.");
        return Task.CompletedTask;
    }

    Task IAsyncLifetime.DisposeAsync()
    {
        Dispose();
        try { Directory.Delete(folder, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return Task.CompletedTask;
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
