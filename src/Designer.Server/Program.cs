using Designer.Server.Hosting;
using Designer.Server.LoadTest;
using Designer.Server.Seeding;

if (args.Length > 0 && args[0] == "loadtest")
    return await LoadDriver.RunAsync(args[1..]);

var app = DesignerApp.Create(args);
await app.Services.InitialiseAsync();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory.</summary>
public partial class Program;
