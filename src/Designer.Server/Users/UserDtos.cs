namespace Designer.Server.Users;

/// <summary>
/// A user as admins see them. The ID number is only ever the masked form; Disabled means signed out and refused;
/// MustChangePassword means an admin gave a temporary password.
/// </summary>
public sealed record UserView(
    string UserName, string DisplayName, IReadOnlyList<string> Roles, string Locality, string? Org, IReadOnlyList<string> TaskRoles,
    string? Unit, string? County, bool Disabled, bool MustChangePassword, string? Phone, string? IdNumber);

/// <summary>
/// Create (POST: userName, displayName, password and roles required) or edit (PUT: absent fields stay as they are).
/// An empty taskRoles list means the user acts in no task role.
/// </summary>
public sealed record UserWrite(
    string? UserName, string? DisplayName, string? Password, List<string>? Roles, string? Locality, string? Org, List<string>? TaskRoles,
    string? Unit, string? County, bool? Disabled, string? Phone);

/// <summary>An admin's password reset: the given password, or none for a generated one-time password.</summary>
public sealed record ResetPasswordRequest(string? Password);

/// <summary>The temporary password (only when generated; shown once) — the user must change it at the next sign-in.</summary>
public sealed record ResetPasswordResult(string UserName, string? TemporaryPassword, bool MustChangePassword);

/// <summary>An import: how many users were created, and every row refused (then none were created).</summary>
public sealed record ImportResult(int Imported, IReadOnlyList<RejectedRow> Rejected, IReadOnlyList<IssuedPassword> TemporaryPasswords);

/// <summary>A refused row: its number in the file (the header is row 1), the column and why.</summary>
public sealed record RejectedRow(int Row, string Message, string? Field);

/// <summary>A one-time password generated for an imported row without one.</summary>
public sealed record IssuedPassword(string UserName, string Password);

/// <summary>实名 self-registration of an applicant.</summary>
public sealed record RegisterRequest(
    string? UserName, string? Password, string? DisplayName, string? IdNumber, string? Phone, string? Locality, string? County, string? Unit);

/// <summary>GET /api/auth/register: whether self-registration is open, and the localities one may register in.</summary>
public sealed record RegistrationInfo(bool Enabled, IReadOnlyList<LocalityChoice> Localities);

public sealed record LocalityChoice(string Code, string Name);

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);
