using System.Net;
using System.Net.Sockets;
using Designer.Engine.Runtime;
using Designer.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace Designer.Server.Tests.Oidc;

/// <summary>The server with two registered OAuth clients: the region's platform (client credentials, "results" of Bazhou) and a sign-in app (code + PKCE).</summary>
public class OidcFactory : DesignerFactory
{
    public const string PlatformId = "region-platform";
    public const string PlatformSecret = "platform-secret-for-tests";
    public const string AppId = "review-app";
    public const string AppRedirect = "http://localhost/app/callback";

    public OidcFactory() : base(Folders.New(), ManualClock.StartingOn(new DateOnly(2024, 9, 2))) { }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Auth:Clients:0:ClientId"] = PlatformId,
            ["Auth:Clients:0:ClientSecret"] = PlatformSecret,
            ["Auth:Clients:0:DisplayName"] = "自治区职称平台",
            ["Auth:Clients:0:Scopes:0"] = "results",
            ["Auth:Clients:0:Locality"] = "bazhou",
            ["Auth:Clients:1:ClientId"] = AppId,
            ["Auth:Clients:1:RedirectUris:0"] = AppRedirect,
            ["Auth:Clients:1:Scopes:0"] = "profile",
            ["Auth:Clients:1:Scopes:1"] = "roles",
            ["Auth:Clients:1:Scopes:2"] = "offline_access",
        }));
    }

    public static Uri Server => new("http://localhost/");
}

/// <summary>
/// The server on Kestrel at a free 127.0.0.1 port, with extra settings: two of these are an upstream identity
/// provider and the server that signs people in through it.
/// </summary>
public sealed class KestrelDesignerFactory : DesignerFactory
{
    private readonly Dictionary<string, string?> settings;

    public KestrelDesignerFactory(int port, Dictionary<string, string?> settings) : base(Folders.New(), ManualClock.StartingOn(new DateOnly(2024, 9, 2)))
    {
        Port = port;
        this.settings = settings;
        UseKestrel(port);
    }

    public int Port { get; }
    public Uri BaseUri => new($"http://127.0.0.1:{Port}/");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Urls", BaseUri.ToString().TrimEnd('/'));
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(settings));
    }

    public void Start() => StartServer();

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
