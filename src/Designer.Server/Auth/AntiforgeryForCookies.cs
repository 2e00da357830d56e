using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Designer.Server.Hosting;

namespace Designer.Server.Auth;

/// <summary>
/// Cookie-authenticated writes must carry the X-XSRF-TOKEN header (from GET /api/auth/antiforgery). Bearer requests
/// are not exposed to cross-site forgery and skip the check.
/// </summary>
public sealed class AntiforgeryForCookies(RequestDelegate next, IAntiforgery antiforgery)
{
    public const string HeaderName = "X-XSRF-TOKEN";

    public async Task InvokeAsync(HttpContext context)
    {
        if (IsWrite(context.Request.Method) && context.Request.Path.StartsWithSegments("/api") &&
            !context.Request.Path.StartsWithSegments("/api/public") && !context.Request.Path.StartsWithSegments("/api/auth/login") &&
            context.Request.Headers.Authorization.Count == 0 &&
            context.Request.Cookies.ContainsKey(CookieName))
        {
            try { await antiforgery.ValidateRequestAsync(context); }
            catch (AntiforgeryValidationException)
            {
                await Problems.Problem(400, "缺少防伪令牌", $"以 Cookie 登录时，写操作须带 {HeaderName} 请求头 (antiforgery token missing or invalid)")
                    .ExecuteAsync(context);
                return;
            }
        }
        await next(context);
    }

    public const string CookieName = ".Designer.Identity";

    private static bool IsWrite(string method) => !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method));
}
