using Designer.Engine.Forms;
using Designer.Persistence;
using Designer.Persistence.Entities;
using Designer.Server.Auth;
using Designer.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Designer.Server.Users;

/// <summary>Registration:* — applicant self-registration, and the key of the ID-number hash.</summary>
public sealed class RegistrationOptions
{
    public bool Enabled { get; set; } = true;
    /// <summary>HMAC key of the stored ID-number hash; set one per installation (changing it breaks the one-account-per-ID check).</summary>
    public string IdNumberKey { get; set; } = "";

    public string EffectiveKey => IdNumberKey.Length > 0 ? IdNumberKey : "designer-id-number";
}

/// <summary>A person's own account: 实名 self-registration (anonymous) and changing one's password.</summary>
public static class AccountEndpoints
{
    public static void MapAccounts(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Auth");
        auth.MapPost("/register", Register).AllowAnonymous().RequireRateLimiting(RateLimits.Register).Fails(403, 422, 429);
        auth.MapGet("/register", (IOptions<RegistrationOptions> options, World.WorldVocabulary world) => TypedResults.Ok(new RegistrationInfo(options.Value.Enabled,
            new UserDirectory(world.Current).Localities.Select(l => new LocalityChoice(l.Key, l.Value)).ToList()))).AllowAnonymous();
        auth.MapPost("/change-password", ChangePassword).RequireAuthorization().RequireRateLimiting(RateLimits.SignIn).Fails(422, 429);
    }

    private static async Task<Results<Created<UserView>, ProblemHttpResult>> Register(RegisterRequest body, UserManager<DesignerUser> users,
        DesignerDbContext db, IOptions<RegistrationOptions> options, World.WorldVocabulary world)
    {
        var directory = new UserDirectory(world.Current);
        if (!options.Value.Enabled) return Problems.Forbidden("本系统未开放自助注册，请联系管理员开通账户 (self-registration is switched off)");
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(body.UserName)) errors.Add(new("$.userName", "请输入用户名 (userName is required)"));
        else if (await users.FindByNameAsync(body.UserName) is not null) errors.Add(new("$.userName", $"用户名 '{body.UserName}' 已存在 (the user name is taken)"));
        if (PasswordPolicy.FirstProblem(body.UserName, body.Password) is { } weak) errors.Add(new("$.password", weak));
        if (string.IsNullOrWhiteSpace(body.DisplayName)) errors.Add(new("$.displayName", "请输入真实姓名 (displayName is required)"));
        else if (body.DisplayName.Length > 100) errors.Add(new("$.displayName", "姓名不能超过 100 个字符 (at most 100 characters)"));
        if (IdNumber.Problem(body.IdNumber) is { } idProblem) errors.Add(new("$.idNumber", idProblem));
        if (string.IsNullOrWhiteSpace(body.Phone)) errors.Add(new("$.phone", "请输入手机号 (phone is required)"));
        else if (!UserAdmin.PhonePattern().IsMatch(body.Phone.Trim())) errors.Add(new("$.phone", "手机号须为 11 位，以 1 开头 (an 11-digit mobile number)"));
        var locality = body.Locality?.Trim() ?? "";
        if (locality.Length == 0) errors.Add(new("$.locality", "请选择所在地区 (locality is required)"));
        else if (!directory.LocalityExists(locality)) errors.Add(new("$.locality", $"未知地区 '{locality}' (unknown locality)"));
        if (string.IsNullOrWhiteSpace(body.County)) errors.Add(new("$.county", "请输入所在县（市、区） (county is required)"));
        else if (body.County.Length > 50) errors.Add(new("$.county", "县名不能超过 50 个字符 (at most 50 characters)"));
        if (body.Unit is { Length: > 100 }) errors.Add(new("$.unit", "单位名称不能超过 100 个字符 (at most 100 characters)"));

        string? hash = null;
        if (errors.All(e => e.Path != "$.idNumber") && locality.Length > 0)
        {
            hash = IdNumber.Hash(body.IdNumber!, options.Value.EffectiveKey);
            if (await db.Users.AnyAsync(u => u.Locality == locality && u.IdNumberHash == hash))
                errors.Add(new("$.idNumber", "该身份证号已在本地区注册账户，请直接登录或联系管理员 (an account with this ID number exists in the locality)"));
        }
        if (errors.Count > 0) return Problems.FormErrors(errors, errors[0].Message);

        var user = new DesignerUser
        {
            UserName = body.UserName!.Trim(), DisplayName = body.DisplayName!.Trim(), Locality = locality, County = body.County!.Trim(),
            UnitName = UserAdmin.Blank(body.Unit), PhoneNumber = body.Phone!.Trim(), IdNumberMasked = IdNumber.Mask(body.IdNumber!),
            IdNumberHash = hash, LockoutEnabled = true,
        };
        IdentityResult created;
        try { created = await users.CreateAsync(user, body.Password!); }
        catch (DbUpdateException)
        {
            // Two registrations with the same ID number at once: the unique index decides.
            return Problems.Invalid("$.idNumber", "该身份证号已在本地区注册账户 (an account with this ID number exists in the locality)");
        }
        if (!created.Succeeded)
        {
            var failures = UserAdmin.IdentityErrors(created, "$.password");
            return Problems.FormErrors(failures, failures[0].Message);
        }
        await users.AddToRoleAsync(user, Roles.Applicant);
        return TypedResults.Created("/api/auth/me", UserAdmin.View(user, [Roles.Applicant]));
    }

    /// <summary>
    /// 204 and every session of the user ends (DesignerUserManager), except that a cookie caller (the Studio) is signed in
    /// again at once; a bearer-token caller signs in again with the new password.
    /// </summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> ChangePassword(ChangePasswordRequest body, HttpContext context,
        UserManager<DesignerUser> users, SignInSessions sessions)
    {
        var caller = context.CurrentUser();
        var user = await users.FindByIdAsync(caller.Id);
        if (user is null) return Problems.NotFound("找不到该用户 (no such user)");
        if (string.IsNullOrEmpty(body.CurrentPassword)) return Problems.Invalid("$.currentPassword", "请输入当前密码 (currentPassword is required)");
        if (PasswordPolicy.FirstProblem(user.UserName, body.NewPassword) is { } weak) return Problems.Invalid("$.newPassword", weak);
        if (body.NewPassword == body.CurrentPassword) return Problems.Invalid("$.newPassword", "新密码不能与当前密码相同 (the new password must differ)");
        if (!await users.CheckPasswordAsync(user, body.CurrentPassword)) return Problems.Invalid("$.currentPassword", "当前密码不正确 (the current password is wrong)");

        user.MustChangePassword = false;
        var changed = await users.ChangePasswordAsync(user, body.CurrentPassword, body.NewPassword!);
        if (!changed.Succeeded)
        {
            var failures = UserAdmin.IdentityErrors(changed, "$.newPassword");
            return Problems.FormErrors(failures, failures[0].Message);
        }
        if (caller.Principal.FindFirst(DesignerClaims.Session) is not null) await sessions.SignInWithCookieAsync(user);
        return TypedResults.NoContent();
    }
}

/// <summary>
/// A user with a temporary password (MustChangePassword) reaches only /api/auth/* (me, change-password, logout) until
/// they change it: every other API route answers 403 saying so.
/// </summary>
public sealed class PasswordChangeGate(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/api") && !path.StartsWithSegments("/api/auth") && context.User.HasClaim(DesignerClaims.MustChangePassword, "true"))
        {
            await Problems.Problem(403, "请先修改密码", "管理员已重置您的密码，请先修改密码 (change your temporary password first: POST /api/auth/change-password)")
                .ExecuteAsync(context);
            return;
        }
        await next(context);
    }
}
