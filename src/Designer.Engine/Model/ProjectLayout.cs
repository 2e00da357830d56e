namespace Designer.Engine.Model;

/// <summary>Where the configuration lives in a checkout: the folder holding Designer.sln, workflows/ and schemas/.</summary>
public sealed record ProjectLayout(string Root)
{
    public string Workflows => Path.Combine(Root, "workflows");
    public string Schemas => Path.Combine(Root, "schemas");
    public string CalendarFile => Path.Combine(Workflows, "calendar", "cn-working-days.json");
    /// <summary>workflows/calendar/: the national calendar, application windows and locality holiday overlays.</summary>
    public string CalendarFolder => Path.Combine(Workflows, "calendar");
    /// <summary>The organisational world: vocabulary.json, localities.json, demo-world.json.</summary>
    public string World => Path.Combine(Workflows, WorkflowFiles.WorldFolder);

    /// <summary>The nearest folder at or above <paramref name="start"/> with a workflows/ folder (or Designer.sln).</summary>
    public static ProjectLayout? Find(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Designer.sln")) || Directory.Exists(Path.Combine(dir.FullName, "workflows")))
                return new ProjectLayout(dir.FullName);
        return null;
    }
}
