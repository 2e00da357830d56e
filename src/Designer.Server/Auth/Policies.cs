using Microsoft.AspNetCore.Authorization;

namespace Designer.Server.Auth;

/// <summary>Route-level gates by role; locality and ownership are checked by each handler (answering 404).</summary>
public static class Policies
{
    /// <summary>Those who see definitions: policy admin, locality admins, auditors.</summary>
    public const string Staff = "staff";
    public const string Applicant = "applicant";
    /// <summary>Simulation: admins and auditors.</summary>
    public const string Simulate = "simulate";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Staff, p => p.RequireRole(Roles.PolicyAdmin, Roles.LocalityAdmin, Roles.Auditor));
        options.AddPolicy(Applicant, p => p.RequireRole(Roles.Applicant));
        options.AddPolicy(Simulate, p => p.RequireRole(Roles.PolicyAdmin, Roles.LocalityAdmin, Roles.Auditor));
    }
}
