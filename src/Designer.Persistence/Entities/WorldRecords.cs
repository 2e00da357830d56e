namespace Designer.Persistence.Entities;

/// <summary>One code of a vocabulary list (series, departments, stages, roles...), seeded from workflows/world/vocabulary.json.</summary>
public sealed class VocabularyEntryRecord
{
    public string Kind { get; set; } = "";
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string? NameEn { get; set; }
}

/// <summary>A locality (region, prefecture or county-level city), seeded from workflows/world/localities.json.</summary>
public sealed class LocalityRecord
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string? NameEn { get; set; }
    public string? Parent { get; set; }
    public List<CountyRecord> Counties { get; set; } = [];
}

/// <summary>A county (县、市、区) of a locality.</summary>
public sealed class CountyRecord
{
    public string Locality { get; set; } = "";
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
}
