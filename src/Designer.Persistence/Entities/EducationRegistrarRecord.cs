namespace Designer.Persistence.Entities;

/// <summary>
/// Who registers and verifies one category of continuing-education hours in a locality (继续教育学时登记审核):
/// `hr` (the locality's HR reviewers) or `competent-department` (the locality's or a county's department other than
/// HR), for everyone or only for enterprise staff. Seeded from workflows/world/education-hours.json, managed by admins.
/// </summary>
public sealed class EducationRegistrarRecord
{
    /// <summary>`{locality}/{category}/{staff}/{registrar}`, e.g. `aksu/professional/all/competent-department`.</summary>
    public string Id { get; set; } = "";
    public string Locality { get; set; } = "";
    /// <summary>public (公需科目) or professional (专业科目).</summary>
    public string Category { get; set; } = "";
    /// <summary>all, or enterprise (企业（含民营企业）人员, who then follow only the enterprise entries).</summary>
    public string Staff { get; set; } = "";
    /// <summary>hr or competent-department.</summary>
    public string Registrar { get; set; } = "";
    /// <summary>The registrar also verifies (审验) the hours of its category, not only registers them.</summary>
    public bool Verifies { get; set; }
    /// <summary>What they check, as the office words it (e.g. 专业科目学时证明、培训机构和学时).</summary>
    public string? Checks { get; set; }
    /// <summary>The policy text behind the entry.</summary>
    public string? Source { get; set; }
    public bool Active { get; set; } = true;
    public string UpdatedBy { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
}
