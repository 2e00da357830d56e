using Designer.Server.Hosting;
using Designer.Server.Seeding;

var app = DesignerApp.Create(args);
await app.Services.InitialiseAsync();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory.</summary>
public partial class Program;
