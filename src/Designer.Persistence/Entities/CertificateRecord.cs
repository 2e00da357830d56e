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
}
