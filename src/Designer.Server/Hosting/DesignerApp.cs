using Designer.Server.Seeding;

namespace Designer.Server.Hosting;

/// <summary>Builds the server the same way for `dotnet run` and for the load driver's in-process server.</summary>
public static class DesignerApp
{
    public static WebApplication Create(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var root = builder.UseTopLevelSettings();
        builder.AddDesigner(root);
        var app = builder.Build();
        app.UseDesigner();
        return app;
    }

    public static async Task<WebApplication> StartAsync(string[] args)
    {
        var app = Create(args);
        await app.Services.InitialiseAsync();
        await app.StartAsync();
        return app;
    }
}
