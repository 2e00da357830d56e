namespace Designer.Forms.Tests;

internal static class RepositoryPaths
{
    /// <summary>The repository root: the first directory above the test binaries that holds Designer.sln.</summary>
    public static string Root { get; } = FindRoot();

    public static string Schemas => Path.Combine(Root, "schemas");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Designer.sln"))) return dir.FullName;
        throw new InvalidOperationException("Designer.sln not found above " + AppContext.BaseDirectory);
    }
}
