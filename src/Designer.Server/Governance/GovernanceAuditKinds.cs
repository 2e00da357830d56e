namespace Designer.Server.Governance;

/// <summary>Audit kinds of the governance procedures: quotas, committee suspension, expert violations, invalidated results, complaints.</summary>
public static class GovernanceAuditKinds
{
    public const string QuotaSet = "quota.set";
    public const string QuotaFile = "quota.file";
    public const string CommitteeSuspend = "committee.suspend";
    public const string CommitteeReinstate = "committee.reinstate";
    public const string CommitteeRevoke = "committee.revoke";
    public const string ExpertViolation = "expert.violation";
    public const string ApplicationInvalidate = "application.invalidate";
    public const string ComplaintReceive = "complaint.receive";
    public const string ComplaintClose = "complaint.close";

    public static string QuotaSubject(Persistence.Entities.QuotaRecord quota) => $"quota/{quota.Unit}/{quota.PostKind}/{quota.Level}";
    public static string ComplaintSubject(string id) => $"complaint/{id}";
}
