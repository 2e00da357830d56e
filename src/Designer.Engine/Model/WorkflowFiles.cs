namespace Designer.Engine.Model;

/// <summary>Reads the workflow files of a workflows/ folder: workflows/&lt;locality&gt;/*.json (the calendar folder is data, not workflows).</summary>
public static class WorkflowFiles
{
    public const string CalendarFolder = "calendar";

    public static IEnumerable<string> Find(string workflowsRoot) =>
        Directory.EnumerateFiles(workflowsRoot, "*.json", SearchOption.AllDirectories)
            .Where(path => Path.GetRelativePath(workflowsRoot, path).Split(Path.DirectorySeparatorChar)[0] != CalendarFolder)
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
