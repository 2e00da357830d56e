namespace Designer.Server.Record;

/// <summary>Audit kinds of the applicant's record and the certificate lifecycle.</summary>
public static class RecordAuditKinds
{
    public const string TitleAdd = "record.title-add";
    public const string TitleImport = "record.title-import";
    public const string EducationHoursAdd = "record.education-hours-add";
    public const string EducationHoursVerify = "record.education-hours-verify";
    public const string IntegrityAdd = "record.integrity-add";
    public const string CertificateRevoke = "certificate.revoke";
    public const string CertificateReissue = "certificate.reissue";
    public const string CertificateReplace = "certificate.replace";

    public static string PersonSubject(string userName) => $"person/{userName}";
    public static string CertificateSubject(string number) => $"certificate/{number}";
}
