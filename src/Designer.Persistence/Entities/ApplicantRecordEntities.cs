namespace Designer.Persistence.Entities;

/// <summary>A title a person holds (职称): issued here (a certificate), imported from earlier records, or from another region.</summary>
public sealed class TitleHeldRecord
{
    public long Id { get; set; }
    public string UserName { get; set; } = "";
    public string Series { get; set; } = "";
    public string Level { get; set; } = "";
    public bool Directed { get; set; }
    public string? ValidIn { get; set; }
    /// <summary>yyyy-MM-dd.</summary>
    public string ObtainedOn { get; set; } = "";
    /// <summary>import, certificate or other-region.</summary>
    public string Source { get; set; } = "";
    public string? CertificateNumber { get; set; }
    public string RegisteredBy { get; set; } = "";
    public DateTime RegisteredAt { get; set; }
    /// <summary>
    /// valid, or what a transfer procedure registered (Titles.TitleStatus): lapsed (失效), reevaluate (须重新评聘) or
    /// restricted (在现单位不得聘任); with why, on which day and by which application.
    /// </summary>
    public string Status { get; set; } = TitleStatuses.Valid;
    public string? StatusReason { get; set; }
    /// <summary>yyyy-MM-dd.</summary>
    public string? StatusOn { get; set; }
    public string? StatusApplicationId { get; set; }
}

public static class TitleStatuses
{
    public const string Valid = "valid";
}

/// <summary>Continuing-education hours of one year and category (公需科目 public, 专业科目 professional), or an exemption.</summary>
public sealed class EducationHoursRecord
{
    public long Id { get; set; }
    public string UserName { get; set; } = "";
    public int Year { get; set; }
    /// <summary>public or professional.</summary>
    public string Category { get; set; } = "";
    public double Hours { get; set; }
    public string? Source { get; set; }
    public bool Exempt { get; set; }
    public string? ExemptionReason { get; set; }
    public string RegisteredBy { get; set; } = "";
    public DateTime RegisteredAt { get; set; }
    /// <summary>Who verified the cycle's total hours (总学时审验), null while unverified.</summary>
    public string? VerifiedBy { get; set; }
    public DateTime? VerifiedAt { get; set; }
}

/// <summary>An integrity finding (诚信档案) with its record period; eligibility refuses while it is in force.</summary>
public sealed class IntegrityRecordEntity
{
    public long Id { get; set; }
    public string UserName { get; set; } = "";
    public string Locality { get; set; } = "";
    public string Finding { get; set; } = "";
    /// <summary>yyyy-MM-dd; the record is in force from From up to (not including) Until.</summary>
    public string From { get; set; } = "";
    public string Until { get; set; } = "";
    /// <summary>What wrote it: "manual" or the revoked certificate ("certificate-revoked:ZC-…").</summary>
    public string Source { get; set; } = "manual";
    public string RecordedBy { get; set; } = "";
    public DateTime RecordedAt { get; set; }
}
