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

/// <summary>
/// A registered organisation: a department at prefecture (`aksu/education`) or county level (`aksu/wensu/education`),
/// a unit (employer, `aksu/unit/&lt;slug&gt;`) or an enterprise committee (`aksu/enterprise/&lt;slug&gt;`).
/// </summary>
public sealed class OrganisationRecord
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>`department`, `unit` or `enterprise-committee`.</summary>
    public string Kind { get; set; } = "";
    public string Locality { get; set; } = "";
    /// <summary>The county code: a county bureau's, a unit's.</summary>
    public string? County { get; set; }
    public string? EmploymentType { get; set; }
    /// <summary>A unit's post quota (岗位职数), when known.</summary>
    public int? Quota { get; set; }
    /// <summary>A unit approved by HR for autonomous evaluation (自主评审).</summary>
    public bool AutonomousEvaluation { get; set; }
    /// <summary>The HR approval of autonomous evaluation (批复文号), when approved.</summary>
    public string? AutonomousEvaluationReference { get; set; }
    /// <summary>The day (yyyy-MM-dd) of that approval, when the unit's own application was approved in a procedure.</summary>
    public string? AutonomousEvaluationOn { get; set; }
    /// <summary>A disabled organisation stays on record (applications name it) but is no longer offered or accepted.</summary>
    public bool Active { get; set; } = true;
}
