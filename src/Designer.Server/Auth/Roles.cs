namespace Designer.Server.Auth;

public static class Roles
{
    public const string PolicyAdmin = "policy-admin";
    public const string LocalityAdmin = "locality-admin";
    public const string Applicant = "applicant";
    public const string Reviewer = "reviewer";
    public const string Auditor = "auditor";
    public static readonly string[] All = [PolicyAdmin, LocalityAdmin, Applicant, Reviewer, Auditor];
}

public static class DesignerClaims
{
    public const string Locality = "designer:locality";
    public const string Org = "designer:org";
    public const string TaskRoles = "designer:task-roles";
    public const string Unit = "designer:unit";
    public const string County = "designer:county";
    public const string DisplayName = "designer:display-name";
    /// <summary>"true" while the user holds a temporary password an admin gave: only /api/auth/* answers until it is changed.</summary>
    public const string MustChangePassword = "designer:must-change-password";
    /// <summary>On a client-credentials token: the integration client it was issued to (never a person).</summary>
    public const string Client = "designer:client";
    /// <summary>On a cookie: the sign-in session (an OpenIddict authorization) that logout and user changes revoke.</summary>
    public const string Session = "designer:session";
}
