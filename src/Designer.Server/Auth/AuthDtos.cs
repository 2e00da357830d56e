using System.Text.Json.Serialization;

namespace Designer.Server.Auth;

/// <summary>
/// The signed-in user: roles, locality, and for a reviewer the organisation, task roles, unit or county;
/// MustChangePassword while they hold a temporary password (the Studio then asks for a new one first).
/// </summary>
public sealed record Me(
    string UserName, string DisplayName, IReadOnlyList<string> Roles, string Locality, string? Org, IReadOnlyList<string> TaskRoles,
    string? Unit, string? County, bool MustChangePassword)
{
    public static Me Of(CurrentUser user) =>
        new(user.UserName, user.DisplayName, user.Roles, user.Locality, user.Org, user.TaskRoles, user.Unit, user.County, user.MustChangePassword);
}

/// <summary>A sign-in: the user, and unless a cookie was asked for (useCookies=true) the bearer and refresh tokens.</summary>
public sealed record LoginResult(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AccessToken,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? ExpiresIn,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? TokenType,
    Me User)
{
    /// <summary>Exchanged at /connect/token (grant_type=refresh_token) for a new access token.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? RefreshToken { get; init; }
}

/// <summary>An upstream identity provider the sign-in page offers (GET /api/auth/providers).</summary>
public sealed record SignInProvider(string Name, string DisplayName, string SignInUrl);

/// <summary>The antiforgery token a cookie session sends in headerName with every write.</summary>
public sealed record AntiforgeryToken(string? Token, string HeaderName);
