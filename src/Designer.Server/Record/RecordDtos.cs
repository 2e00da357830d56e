namespace Designer.Server.Record;

/// <summary>
/// A title held, as the record routes answer it (administration.md). `status`: valid, or what a transfer registered:
/// lapsed (失效), reevaluate (须重新评聘) or restricted (在现单位不得聘任), with `statusReason` and `statusOn`.
/// </summary>
public sealed record TitleHeld(
    long Id, string UserName, string Series, string Level, bool Directed, string? ValidIn, string ObtainedOn, string Source,
    string? CertificateNumber, string RegisteredBy, DateTime RegisteredAt)
{
    public string Status { get; init; } = "valid";
    public string? StatusReason { get; init; }
    public string? StatusOn { get; init; }
}

/// <summary>Body of POST /api/people/{userName}/titles.</summary>
public sealed record TitleRequest(string? Series, string? Level, bool? Directed, string? ValidIn, string? ObtainedOn, string? Source, string? CertificateNumber);

/// <summary>Continuing-education hours of one year and category; `registeredBy` is whoever registered them, `verifiedBy` who verified the cycle's total (null: not yet).</summary>
public sealed record EducationHours(
    long Id, string UserName, int Year, string Category, double Hours, string? Source, bool Exempt, string? ExemptionReason,
    string RegisteredBy, DateTime RegisteredAt, string? VerifiedBy, DateTime? VerifiedAt);

/// <summary>Body of POST /api/people/{userName}/education-hours/verify: the cycle's years, both included.</summary>
public sealed record VerifyHoursRequest(int? FromYear, int? ToYear);

/// <summary>The verified cycle (总学时审验): its hours by category and in total, how many entries, who verified and when, and the categories verified (all for HR; a registrar's own).</summary>
public sealed record EducationHoursVerification(
    string UserName, int FromYear, int ToYear, double PublicHours, double ProfessionalHours, double TotalHours, int Entries,
    string VerifiedBy, DateTime VerifiedAt, IReadOnlyList<string> Categories);

/// <summary>Body of POST /api/people/{userName}/education-hours (an exemption: `exempt` true with its `exemptionReason`).</summary>
public sealed record EducationHoursRequest(int? Year, string? Category, double? Hours, string? Source, bool? Exempt, string? ExemptionReason);

/// <summary>An integrity finding and its record period (from, until: until is not included).</summary>
public sealed record IntegrityEntry(
    long Id, string UserName, string Locality, string Finding, string From, string Until, string Source, string RecordedBy,
    DateTime RecordedAt, bool Active);

/// <summary>Body of POST /api/integrity-records; `until` defaults to three years after `from`.</summary>
public sealed record IntegrityRequest(string? UserName, string? Finding, string? From, string? Until);

/// <summary>A person's whole record, as the record page shows it.</summary>
public sealed record PersonRecord(
    string UserName, string DisplayName, string Locality, IReadOnlyList<TitleHeld> Titles, IReadOnlyList<EducationHours> EducationHours,
    IReadOnlyList<IntegrityEntry> Integrity, bool CanWrite);

/// <summary>One row an import refused: its row number in the file (the header is row 1) and why.</summary>
public sealed record ImportRowProblem(int Row, string Message);

public sealed record ImportReport(int Imported, IReadOnlyList<ImportRowProblem> Rejected);

public sealed record RevokeRequest(string? Reason, bool? RecordIntegrityFinding);

/// <summary>Body of reissue (补发, a lost certificate) and replacement (换发, e.g. a changed name): why, and for a replacement the new holder name.</summary>
public sealed record ReissueRequest(string? Reason, string? Holder);

/// <summary>A certificate with its lifecycle, as HR sees it.</summary>
public sealed record CertificateState(
    string Number, string ApplicationId, string Holder, string? HolderUserName, string Series, string Level, bool Directed, string? ValidIn,
    string IssuedOn, string Locality, string Status, string? RevokedOn, string? RevokedBy, string? RevocationReason,
    string? Replaces, string? ReplacedBy, string? ReplacementReason);
