using Designer.Persistence.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Designer.Server.Auth;

/// <summary>
/// Identity's user manager that ends a user's sessions whenever their right to them changes: a new password, a
/// role added or removed, a lockout (disabling), a new security stamp, deletion. Every token and cookie of the
/// user then gets 401 on its next request. Role changes also renew the security stamp (Identity does not).
/// </summary>
public sealed class DesignerUserManager(IUserStore<DesignerUser> store, IOptions<IdentityOptions> options, IPasswordHasher<DesignerUser> hasher,
    IEnumerable<IUserValidator<DesignerUser>> userValidators, IEnumerable<IPasswordValidator<DesignerUser>> passwordValidators,
    ILookupNormalizer normalizer, IdentityErrorDescriber errors, IServiceProvider services, ILogger<UserManager<DesignerUser>> logger)
    : UserManager<DesignerUser>(store, options, hasher, userValidators, passwordValidators, normalizer, errors, services, logger)
{
    private readonly IServiceProvider services = services;

    public override async Task<IdentityResult> ChangePasswordAsync(DesignerUser user, string currentPassword, string newPassword) =>
        await RevokingOnSuccess(user, base.ChangePasswordAsync(user, currentPassword, newPassword));

    public override async Task<IdentityResult> ResetPasswordAsync(DesignerUser user, string token, string newPassword) =>
        await RevokingOnSuccess(user, base.ResetPasswordAsync(user, token, newPassword));

    public override async Task<IdentityResult> AddPasswordAsync(DesignerUser user, string password) =>
        await RevokingOnSuccess(user, base.AddPasswordAsync(user, password));

    public override async Task<IdentityResult> RemovePasswordAsync(DesignerUser user) =>
        await RevokingOnSuccess(user, base.RemovePasswordAsync(user));

    public override async Task<IdentityResult> AddToRoleAsync(DesignerUser user, string role) =>
        await RenewingStampOnSuccess(user, base.AddToRoleAsync(user, role));

    public override async Task<IdentityResult> AddToRolesAsync(DesignerUser user, IEnumerable<string> roles) =>
        await RenewingStampOnSuccess(user, base.AddToRolesAsync(user, roles));

    public override async Task<IdentityResult> RemoveFromRoleAsync(DesignerUser user, string role) =>
        await RenewingStampOnSuccess(user, base.RemoveFromRoleAsync(user, role));

    public override async Task<IdentityResult> RemoveFromRolesAsync(DesignerUser user, IEnumerable<string> roles) =>
        await RenewingStampOnSuccess(user, base.RemoveFromRolesAsync(user, roles));

    /// <summary>A lockout end in the future disables the user.</summary>
    public override async Task<IdentityResult> SetLockoutEndDateAsync(DesignerUser user, DateTimeOffset? lockoutEnd)
    {
        var result = await base.SetLockoutEndDateAsync(user, lockoutEnd);
        return result.Succeeded && lockoutEnd > DateTimeOffset.UtcNow ? await UpdateSecurityStampAsync(user) : result;
    }

    public override async Task<IdentityResult> UpdateSecurityStampAsync(DesignerUser user) =>
        await RevokingOnSuccess(user, base.UpdateSecurityStampAsync(user));

    public override async Task<IdentityResult> DeleteAsync(DesignerUser user) =>
        await RevokingOnSuccess(user, base.DeleteAsync(user));

    private async Task<IdentityResult> RenewingStampOnSuccess(DesignerUser user, Task<IdentityResult> change)
    {
        var result = await change;
        return result.Succeeded ? await UpdateSecurityStampAsync(user) : result;
    }

    private async Task<IdentityResult> RevokingOnSuccess(DesignerUser user, Task<IdentityResult> change)
    {
        var result = await change;
        if (result.Succeeded) await services.GetRequiredService<SignInSessions>().RevokeAllOfAsync(user.Id);
        return result;
    }
}
