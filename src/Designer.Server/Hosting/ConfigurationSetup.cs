using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;

namespace Designer.Server.Hosting;

public static class ConfigurationSetup
{
    /// <summary>
    /// Reads the repository's top-level appsettings.json (the operator's file), then the server's own
    /// src/Designer.Server/appsettings.{Environment}.json (Development holds the demo accounts), before environment
    /// variables and the command line, so those still override both. Returns the repository root.
    /// </summary>
    public static string UseTopLevelSettings(this WebApplicationBuilder builder)
    {
        var root = RepositoryRoot.Find(builder.Configuration["Designer:Root"],
            builder.Environment.ContentRootPath, AppContext.BaseDirectory, Directory.GetCurrentDirectory());
        var sources = builder.Configuration.Sources;
        // After the project's own appsettings files, before the unprefixed environment variables and the command line.
        var position = LastIndex(sources, s => s is JsonConfigurationSource) + 1;
        if (position == 0) position = Math.Max(0, LastIndex(sources, s => s is EnvironmentVariablesConfigurationSource));
        foreach (var settings in new[]
                 {
                     Path.Combine(root, "appsettings.json"),
                     Path.Combine(root, "src", "Designer.Server", $"appsettings.{builder.Environment.EnvironmentName}.json"),
                 })
        {
            if (!File.Exists(settings)) continue;
            var source = new JsonConfigurationSource { Path = settings, Optional = true, ReloadOnChange = false };
            source.ResolveFileProvider();
            sources.Insert(position++, source);
        }
        builder.Configuration["Designer:Root"] = root;
        return root;
    }

    private static int LastIndex(IList<IConfigurationSource> sources, Func<IConfigurationSource, bool> match)
    {
        var last = -1;
        for (var i = 0; i < sources.Count; i++)
            if (match(sources[i])) last = i;
        return last;
    }
}
