namespace Designer.Persistence.Entities;

/// <summary>A workflow definition (all its versions share the DefinitionId), with what lists need.</summary>
public sealed class WorkflowDefinitionRecord
{
    public string DefinitionId { get; set; } = "";
    public string Name { get; set; } = "";
    public string Locality { get; set; } = "";
    public int LatestVersion { get; set; }
    public int? PublishedVersion { get; set; }
    /// <summary>True once any version was published: with none published now, the status is "retracted".</summary>
    public bool EverPublished { get; set; }
    /// <summary>JSON {definitionId, version} when this definition was cloned from another.</summary>
    public string? ClonedFrom { get; set; }
    public string UpdatedBy { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
    public List<WorkflowVersionRecord> Versions { get; set; } = [];
}

/// <summary>One version: the Elsa JSON as saved. A version that was ever published is frozen.</summary>
public sealed class WorkflowVersionRecord
{
    public long Id { get; set; }
    public string DefinitionId { get; set; } = "";
    public int Version { get; set; }
    public string Json { get; set; } = "";
    public bool IsLatest { get; set; }
    public bool IsPublished { get; set; }
    public bool Frozen { get; set; }
    /// <summary>Changes on every save; a draft save must present the one it read.</summary>
    public string ConcurrencyToken { get; set; } = "";
    /// <summary>JSON {formId: version}: the form versions this version runs with, fixed when it was published.</summary>
    public string? FormPins { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
}
