using System.Text.Json.Serialization;

namespace Designer.Server.Auth;

/// <summary>The signed-in user: roles, locality, and for a reviewer the organisation, task roles, unit or county.</summary>
public sealed record Me(
    string UserName, string DisplayName, IReadOnlyList<string> Roles, string Locality, string? Org, IReadOnlyList<string> TaskRoles,
    string? Unit, string? County)
{
    public static Me Of(CurrentUser user) =>
        new(user.UserName, user.DisplayName, user.Roles, user.Locality, user.Org, user.TaskRoles, user.Unit, user.County);
}

/// <summary>A sign-in: the user, and unless a cookie was asked for (useCookies=true) the bearer token.</summary>
public sealed record LoginResult(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AccessToken,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? ExpiresIn,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? TokenType,
    Me User);

/// <summary>The antiforgery token a cookie session sends in headerName with every write.</summary>
public sealed record AntiforgeryToken(string? Token, string HeaderName);
