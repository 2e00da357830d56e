using Designer.Persistence.Entities;
using Microsoft.AspNetCore.Identity;

namespace Designer.Server.Auth;

/// <summary>
/// The one password policy, applied wherever a password is set (admin create and reset, import, registration,
/// change): at least 8 characters, letters and digits, not the user name. Identity's own rules are switched off so
/// every refusal is worded here, in Chinese with the English in brackets.
/// </summary>
public sealed class PasswordPolicy : IPasswordValidator<DesignerUser>
{
    public const int MinimumLength = 8;

    public Task<IdentityResult> ValidateAsync(UserManager<DesignerUser> manager, DesignerUser user, string? password)
    {
        var problem = FirstProblem(user.UserName, password);
        return Task.FromResult(problem is null ? IdentityResult.Success : IdentityResult.Failed(new IdentityError { Code = Code, Description = problem }));
    }

    /// <summary>The identity error code of a policy refusal (its description is the message).</summary>
    public const string Code = "PasswordPolicy";

    /// <summary>Why this password may not be used, or null.</summary>
    public static string? FirstProblem(string? userName, string? password)
    {
        if (string.IsNullOrEmpty(password)) return "请输入密码 (a password is required)";
        if (password.Length < MinimumLength) return $"密码至少 {MinimumLength} 位 (at least {MinimumLength} characters)";
        if (!password.Any(char.IsAsciiLetter) || !password.Any(char.IsAsciiDigit)) return "密码须同时包含字母和数字 (letters and digits are required)";
        if (!string.IsNullOrEmpty(userName) && password.Contains(userName, StringComparison.OrdinalIgnoreCase))
            return "密码不能包含用户名 (the password must not contain the user name)";
        return null;
    }

    public static void Configure(PasswordOptions options)
    {
        options.RequiredLength = 1;
        options.RequireDigit = false;
        options.RequireLowercase = false;
        options.RequireUppercase = false;
        options.RequireNonAlphanumeric = false;
        options.RequiredUniqueChars = 1;
    }
}
