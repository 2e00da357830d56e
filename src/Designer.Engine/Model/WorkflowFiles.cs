namespace Designer.Engine.Model;

/// <summary>Reads the workflow files of a workflows/ folder: workflows/&lt;locality&gt;/*.json (the calendar and world folders are data, not workflows).</summary>
public static class WorkflowFiles
{
    public const string CalendarFolder = "calendar";
    public const string WorldFolder = "world";
    public static readonly IReadOnlySet<string> DataFolders = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { CalendarFolder, WorldFolder };


    /// <summary>Folders of workflows/ that hold data, not workflows.</summary>
    public static bool IsDataFolder(string name) =>
        name.Equals(CalendarFolder, StringComparison.OrdinalIgnoreCase) || name.Equals(WorldFolder, StringComparison.OrdinalIgnoreCase);

    public static IEnumerable<string> Find(string workflowsRoot) =>
        Directory.EnumerateFiles(workflowsRoot, "*.json", SearchOption.AllDirectories)
            .Where(path => !IsDataFolder(Path.GetRelativePath(workflowsRoot, path).Split(Path.DirectorySeparatorChar)[0]))
            .Order(StringComparer.Ordinal);

    /// <summary>Every definition that parses; the ones that don't are returned as (path, problem) pairs.</summary>
    public static (List<WorkflowDefinition> Definitions, List<(string Path, string Problem)> Failures) LoadAll(string workflowsRoot)
    {
        var definitions = new List<WorkflowDefinition>();
        var failures = new List<(string, string)>();
        foreach (var path in Find(workflowsRoot))
        {
            try { definitions.Add(WorkflowDefinitionReader.Load(path)); }
            catch (DefinitionFormatException e) { failures.AddRange(e.Problems.Select(p => (path, p))); }
        }
        return (definitions, failures);
    }
}
