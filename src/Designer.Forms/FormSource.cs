namespace Designer.Forms;

/// <summary>
/// One form as stored: its id ("apply", "&lt;locality&gt;/apply"), its JSON Schema text and its optional UI schema text.
/// Files and database rows both come down to this.
/// </summary>
public sealed record FormSource(string Id, string SchemaJson, string? UiSchemaJson = null)
{
    public const string SchemaSuffix = ".schema.json";
    public const string UiSuffix = ".ui.json";

    /// <summary>
    /// Every "*.schema.json" under the directory, with its sibling "*.ui.json" when present.
    /// The id is the path under the directory without the suffix, with "/" separators.
    /// </summary>
    public static IReadOnlyList<FormSource> ReadDirectory(string schemasDirectory)
    {
        if (!Directory.Exists(schemasDirectory))
            throw new DirectoryNotFoundException($"Form directory not found: {schemasDirectory}");

        return Directory
            .EnumerateFiles(schemasDirectory, "*" + SchemaSuffix, SearchOption.AllDirectories)
            .Select(schemaFile => ReadFile(schemasDirectory, schemaFile))
            .OrderBy(form => form.Id, StringComparer.Ordinal)
            .ToList();
    }

    private static FormSource ReadFile(string root, string schemaFile)
    {
        var relative = Path.GetRelativePath(root, schemaFile).Replace('\\', '/');
        var id = relative[..^SchemaSuffix.Length];
        var uiFile = schemaFile[..^SchemaSuffix.Length] + UiSuffix;
        var ui = File.Exists(uiFile) ? File.ReadAllText(uiFile) : null;
        return new FormSource(id, File.ReadAllText(schemaFile), ui);
    }
}
