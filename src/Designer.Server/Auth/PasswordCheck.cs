using Designer.Persistence.Entities;
using Designer.Server.Hosting;
using Microsoft.AspNetCore.Identity;

namespace Designer.Server.Auth;

/// <summary>Why a sign-in failed, in words for the sign-in page and as a problem for the API.</summary>
public sealed record SignInFailure(int Status, string Title, string Detail)
{
    public IResult ToProblem() => Problems.Problem(Status, Title, Detail);
}

/// <summary>User name and password, with Identity's lockout: the one check behind POST /api/auth/login and the sign-in page.</summary>
public sealed class PasswordCheck(UserManager<DesignerUser> users, SignInManager<DesignerUser> signIn)
{
    /// <summary>The user, or why not (400 missing input, 401 wrong or locked).</summary>
    public async Task<(DesignerUser? User, SignInFailure? Failure)> VerifyAsync(string? userName, string? password)
    {
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password))
            return (null, new SignInFailure(400, "请求无效", "请输入用户名和密码 (userName and password are required)"));
        var user = await users.FindByNameAsync(userName);
        if (user is null) return (null, WrongPassword);
        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (result.IsLockedOut) return (null, Locked);
        if (!result.Succeeded) return (null, WrongPassword);
        return (user, null);
    }

    public static readonly SignInFailure WrongPassword = new(401, "登录失败", "用户名或密码错误 (wrong user name or password)");
    public static readonly SignInFailure Locked = new(401, "账户已锁定", "密码连续错误次数过多，账户已暂时锁定 (too many failed attempts: the account is locked)");
}
