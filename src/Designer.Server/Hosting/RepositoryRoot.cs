namespace Designer.Server.Hosting;

/// <summary>
/// The repository's top folder (the one holding Designer.sln): the top-level appsettings.json, workflows/, schemas/
/// and data/ are found from there. `Designer:Root` (environment or command line) overrides the search.
/// </summary>
public static class RepositoryRoot
{
    public const string MarkerFile = "Designer.sln";

    public static string Find(string? configured, params string[] startingPoints)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return Path.GetFullPath(configured);
        foreach (var start in startingPoints.Where(s => !string.IsNullOrEmpty(s)))
        {
            for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, MarkerFile))) return dir.FullName;
        }
        return Path.GetFullPath(startingPoints.FirstOrDefault(s => !string.IsNullOrEmpty(s)) ?? ".");
    }

    /// <summary>An absolute path as given, a relative one under the root.</summary>
    public static string Resolve(string root, string path) => Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(root, path));
}
