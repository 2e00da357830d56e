using Designer.Persistence.Entities;
using Designer.Server.Hosting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Designer.Server.Auth;

public sealed record LoginRequest(string? UserName, string? Password);

public static class AuthEndpoints
{
    public static void MapAuth(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Auth");
        auth.MapPost("/login", Login).AllowAnonymous().RequireRateLimiting(RateLimits.SignIn).Fails(401);
        auth.MapPost("/logout", async (SignInManager<DesignerUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.NoContent();
        }).RequireAuthorization();
        auth.MapGet("/me", (HttpContext context) => TypedResults.Ok(Me.Of(context.CurrentUser()))).RequireAuthorization();
        auth.MapGet("/antiforgery", (HttpContext context, IAntiforgery antiforgery) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(context);
            return TypedResults.Ok(new AntiforgeryToken(tokens.RequestToken, AntiforgeryForCookies.HeaderName));
        }).RequireAuthorization();
    }

    private static async Task<Results<Ok<LoginResult>, ProblemHttpResult>> Login(LoginRequest request, bool? useCookies, HttpContext context,
        UserManager<DesignerUser> users, SignInManager<DesignerUser> signIn, BearerTokenIssuer tokens, SignInThrottle throttle)
    {
        if (string.IsNullOrWhiteSpace(request.UserName) || string.IsNullOrEmpty(request.Password))
            return Problems.BadRequest("请输入用户名和密码 (userName and password are required)");
        var user = await throttle.VerifyAsync(request.UserName, request.Password, context, users, signIn);
        if (user is null) return Unauthorized();

        var principal = await signIn.CreateUserPrincipalAsync(user);
        var me = Me.Of(new CurrentUser(principal));
        if (useCookies == true)
        {
            await signIn.SignInAsync(user, isPersistent: false);
            return TypedResults.Ok(new LoginResult(null, null, null, me));
        }
        var (token, expiresIn) = tokens.Issue(principal);
        return TypedResults.Ok(new LoginResult(token, expiresIn, "Bearer", me));
    }

    private static ProblemHttpResult Unauthorized() => Problems.Problem(401, "登录失败", "用户名或密码错误 (wrong user name or password)");
}
