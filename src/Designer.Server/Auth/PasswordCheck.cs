using Designer.Persistence.Entities;
using Designer.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Designer.Server.Auth;

/// <summary>Why a sign-in failed, in words for the sign-in page and as a problem for the API.</summary>
public sealed record SignInFailure(int Status, string Title, string Detail)
{
    public ProblemHttpResult ToProblem() => Problems.Problem(Status, Title, Detail);
}

/// <summary>
/// User name and password, throttled per (user, client) by <see cref="SignInThrottle"/>: the one check behind
/// POST /api/auth/login and the sign-in page. A wrong password, an unknown user, a disabled account and a client
/// locked out of the account all get the same answer.
/// </summary>
public sealed class PasswordCheck(UserManager<DesignerUser> users, SignInManager<DesignerUser> signIn, SignInThrottle throttle)
{
    /// <summary>The user, or why not (400 missing input, 401 otherwise).</summary>
    public async Task<(DesignerUser? User, SignInFailure? Failure)> VerifyAsync(string? userName, string? password, HttpContext context)
    {
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password))
            return (null, new SignInFailure(400, "请求无效", "请输入用户名和密码 (userName and password are required)"));
        var user = await throttle.VerifyAsync(userName, password, context, users, signIn);
        return user is null ? (null, WrongPassword) : (user, null);
    }

    public static readonly SignInFailure WrongPassword = new(401, "登录失败", "用户名或密码错误 (wrong user name or password)");
    public static readonly SignInFailure Locked = new(401, "账户已锁定", "密码连续错误次数过多，账户已暂时锁定 (too many failed attempts: the account is locked)");
}
