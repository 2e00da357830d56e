using Microsoft.AspNetCore.Authorization;
using OpenIddict.Abstractions;

namespace Designer.Server.Auth;

/// <summary>Route-level gates by role; locality and ownership are checked by each handler (answering 404).</summary>
public static class Policies
{
    /// <summary>Those who see definitions: policy admin, locality admins, auditors.</summary>
    public const string Staff = "staff";
    public const string Applicant = "applicant";
    /// <summary>People management (/api/users): policy admin and locality admins (each handler narrows to what they manage).</summary>
    public const string UserAdmins = "user-admins";
    /// <summary>Simulation: admins and auditors.</summary>
    public const string Simulate = "simulate";

    /// <summary>Operations console actions (retry, move, cancel, reassign): policy admin, locality admins for their locality.</summary>
    public const string Operate = "operate";

    /// <summary>Integration clients (client credentials) with the "results" scope: results and certificates of their locality.</summary>
    public const string ReadResults = "read-results";

    public static void Add(AuthorizationOptions options)
    {
        // Every route that asks for a signed-in caller means a person: an integration client's token reaches only
        // the routes of its scopes.
        options.DefaultPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser()
            .RequireAssertion(context => !context.User.HasClaim(c => c.Type == DesignerClaims.Client)).Build();
        options.AddPolicy(ReadResults, p => p.RequireAuthenticatedUser().RequireClaim(DesignerClaims.Client)
            .RequireAssertion(context => context.User.HasScope(DesignerScopes.Results)));
        options.AddPolicy(Staff, p => p.RequireRole(Roles.PolicyAdmin, Roles.LocalityAdmin, Roles.Auditor));
        options.AddPolicy(Applicant, p => p.RequireRole(Roles.Applicant));
        options.AddPolicy(UserAdmins, p => p.RequireRole(Roles.PolicyAdmin, Roles.LocalityAdmin)
            .RequireAssertion(context => !context.User.HasClaim(c => c.Type == DesignerClaims.Client)));
        options.AddPolicy(Simulate, p => p.RequireRole(Roles.PolicyAdmin, Roles.LocalityAdmin, Roles.Auditor));
        options.AddPolicy(Operate, p => p.RequireRole(Roles.PolicyAdmin, Roles.LocalityAdmin));
    }
}
