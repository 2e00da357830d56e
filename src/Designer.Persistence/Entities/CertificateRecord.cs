namespace Designer.Persistence.Entities;

/// <summary>An electronic certificate, verifiable by its number.</summary>
public sealed class CertificateRecord
{
    public string Number { get; set; } = "";
    public string ApplicationId { get; set; } = "";
    public string Locality { get; set; } = "";
    public string Holder { get; set; } = "";
    public string Series { get; set; } = "";
    public string Level { get; set; } = "";
    public bool Directed { get; set; }
    public string? ValidIn { get; set; }
    public string IssuedOn { get; set; } = "";
    /// <summary>The holder's account, when the certificate was issued to an applicant of this system.</summary>
    public string? HolderUserName { get; set; }
    /// <summary>valid, revoked, or replaced (a reissue or replacement took its place).</summary>
    public string Status { get; set; } = CertificateStatuses.Valid;
    public string? RevokedOn { get; set; }
    public string? RevokedBy { get; set; }
    public string? RevocationReason { get; set; }
    /// <summary>The number this certificate was reissued or replaced from (补发/换发), and why.</summary>
    public string? Replaces { get; set; }
    public string? ReplacedBy { get; set; }
    public string? ReplacementReason { get; set; }
}

public static class CertificateStatuses
{
    public const string Valid = "valid";
    public const string Revoked = "revoked";
    public const string Replaced = "replaced";
}
