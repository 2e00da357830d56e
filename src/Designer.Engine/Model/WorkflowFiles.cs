namespace Designer.Engine.Model;

/// <summary>Reads the workflow files of a workflows/ folder: workflows/&lt;locality&gt;/*.json (the calendar and world folders are data, not workflows).</summary>
public static class WorkflowFiles
{
    public const string CalendarFolder = "calendar";
    /// <summary>Committees and the expert pool (workflows/world/committees.json, experts.json).</summary>
    public const string WorldFolder = "world";
    public static readonly IReadOnlySet<string> DataFolders = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { CalendarFolder, WorldFolder };

    public static IEnumerable<string> Find(string workflowsRoot) =>
        Directory.EnumerateFiles(workflowsRoot, "*.json", SearchOption.AllDirectories)
            .Where(path => Path.GetRelativePath(workflowsRoot, path).Split(Path.DirectorySeparatorChar)[0] is var folder && !DataFolders.Contains(folder))
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
