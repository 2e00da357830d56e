namespace Designer.Persistence.Entities;

/// <summary>A form (JSON Schema + UI schema) by id, e.g. "apply" or "&lt;locality&gt;/apply".</summary>
public sealed class FormRecord
{
    public string FormId { get; set; } = "";
    /// <summary>The id's first segment when it is a locality; "" for shared forms.</summary>
    public string Locality { get; set; } = "";
    public string Title { get; set; } = "";
    public int LatestVersion { get; set; }
    public int? PublishedVersion { get; set; }
    public string UpdatedBy { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
    public List<FormVersionRecord> Versions { get; set; } = [];
}

public sealed class FormVersionRecord
{
    public long Id { get; set; }
    public string FormId { get; set; } = "";
    public int Version { get; set; }
    public string SchemaJson { get; set; } = "";
    public string? UiSchemaJson { get; set; }
    public bool IsPublished { get; set; }
    public bool Frozen { get; set; }
    public string ConcurrencyToken { get; set; } = "";
    public string UpdatedBy { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
}
