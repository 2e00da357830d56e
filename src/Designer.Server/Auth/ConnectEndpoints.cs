using System.Security.Claims;
using Designer.Persistence.Entities;
using Designer.Server.Hosting;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Client.AspNetCore;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Designer.Server.Auth;

/// <summary>
/// The OpenID Connect provider's own pages and passthrough endpoints: /connect/authorize (code + PKCE), /connect/token
/// (code, refresh, client credentials, the server's sign-in ticket), /connect/logout, the sign-in page and the
/// upstream provider's sign-in. Discovery, keys and revocation are answered by OpenIddict itself.
/// </summary>
public static class ConnectEndpoints
{
    public const string LoginPath = "/connect/login";
    public const string UpstreamPath = "/connect/upstream";
    public const string UpstreamCallbackPath = "/connect/upstream/callback";

    public static void MapConnect(this IEndpointRouteBuilder app)
    {
        var connect = app.MapGroup("/connect").WithTags("OpenID Connect").AllowAnonymous().ExcludeFromDescription();
        connect.MapMethods("/authorize", ["GET", "POST"], Authorize);
        connect.MapPost("/token", (Func<HttpContext, Task<IResult>>)Exchange);
        connect.MapMethods("/logout", ["GET", "POST"], EndSession);
        connect.MapGet("/login", ShowSignIn);
        connect.MapPost("/login", SignIn).RequireRateLimiting(RateLimits.SignIn);
        connect.MapGet("/upstream", ChallengeUpstream);
        connect.MapMethods("/upstream/callback", ["GET", "POST"], UpstreamCallback);
    }

    private static async Task<IResult> Authorize(HttpContext context, UserManager<DesignerUser> users, TokenPrincipals principals, SignInSessions sessions)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("not an OpenID Connect request");
        var cookie = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var user = cookie.Succeeded ? await users.GetUserAsync(cookie.Principal!) : null;
        if (user is null)
        {
            if (request.HasPromptValue(PromptValues.None))
                return Refuse(Errors.LoginRequired, "用户未登录 (the user is not signed in)");
            return Results.Redirect($"{LoginPath}?returnUrl={Uri.EscapeDataString(context.Request.PathBase + context.Request.Path + context.Request.QueryString)}");
        }
        var principal = await principals.ForUserAsync(user, request.GetScopes());
        principal.SetAuthorizationId(await sessions.CreateAsync(principal, user.Id, request.ClientId!, request.GetScopes()));
        return Results.SignIn(principal, null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>The token endpoint (OpenIddict has already checked the client, the code's PKCE verifier and the scopes).</summary>
    public static async Task<IResult> Exchange(HttpContext context)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("not an OpenID Connect request");
        var services = context.RequestServices;
        var principals = services.GetRequiredService<TokenPrincipals>();
        var users = services.GetRequiredService<UserManager<DesignerUser>>();

        if (request.IsClientCredentialsGrantType())
        {
            var client = services.GetRequiredService<IOptions<OidcOptions>>().Value.Clients.FirstOrDefault(c => c.ClientId == request.ClientId);
            if (client is null) return Refuse(Errors.InvalidClient, "该客户端未在配置中登记 (the client is not configured)");
            return Issue(TokenPrincipals.ForClient(client, request.GetScopes()));
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var granted = (await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal!;
            var user = await users.FindByIdAsync(granted.GetClaim(Claims.Subject) ?? "");
            if (user is null || await users.IsLockedOutAsync(user) ||
                granted.GetClaim(TokenPrincipals.SecurityStampClaim) != await users.GetSecurityStampAsync(user))
                return Refuse(Errors.InvalidGrant, "该账户已停用，或密码、角色已变更：请重新登录 (the account is disabled or changed: sign in again)");
            var principal = await principals.ForUserAsync(user, granted.GetScopes());
            principal.SetAuthorizationId(granted.GetAuthorizationId());
            return Issue(principal);
        }

        if (request.GrantType == DesignerGrants.SignInTicket)
        {
            var userId = SignInTickets.Read(services, request.GetParameter(SignInTickets.Parameter)?.ToString());
            var user = userId is null ? null : await users.FindByIdAsync(userId);
            if (user is null) return Refuse(Errors.InvalidGrant, "登录凭据无效或已过期 (the sign-in ticket is invalid or expired)");
            var principal = await principals.ForUserAsync(user, request.GetScopes());
            principal.SetAuthorizationId(await services.GetRequiredService<SignInSessions>().CreateAsync(principal, user.Id, request.ClientId!, request.GetScopes()));
            return Issue(principal);
        }

        return Refuse(Errors.UnsupportedGrantType, "不支持该授权类型 (unsupported grant type)");
    }

    private static async Task<IResult> EndSession(HttpContext context, SignInSessions sessions)
    {
        var cookie = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (cookie.Succeeded)
        {
            context.User = cookie.Principal!;
            await sessions.SignOutAsync(context);
        }
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    private static IResult ShowSignIn(HttpContext context, string? returnUrl, IAntiforgery antiforgery, IOptions<OidcOptions> options) =>
        SignInPage.Render(Page(context, antiforgery, options, LocalOrRoot(returnUrl)));

    private static async Task<IResult> SignIn(HttpContext context, IAntiforgery antiforgery, IOptions<OidcOptions> options, PasswordCheck passwords,
        SignInSessions sessions)
    {
        if (!context.Request.HasFormContentType) return SignInPage.Message("登录失败", "请从登录页提交 (submit the sign-in form)", 400);
        var form = await context.Request.ReadFormAsync();
        var returnUrl = LocalOrRoot(form["returnUrl"]);
        if (!await antiforgery.IsRequestValidAsync(context))
            return SignInPage.Render(Page(context, antiforgery, options, returnUrl, form["userName"], "页面已过期，请重新登录 (the page expired: sign in again)"), 400);
        var (user, failure) = await passwords.VerifyAsync(form["userName"], form["password"], context);
        if (user is null)
            return SignInPage.Render(Page(context, antiforgery, options, returnUrl, form["userName"], failure!.Detail), failure.Status);
        await sessions.SignInWithCookieAsync(user);
        return Results.Redirect(returnUrl);
    }

    private static IResult ChallengeUpstream(string? returnUrl, IOptions<OidcOptions> options)
    {
        if (!options.Value.Upstream.Enabled) return SignInPage.Message("未启用", "未配置统一身份认证 (no upstream identity provider is configured)", 404);
        var properties = new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictClientAspNetCoreConstants.Properties.ProviderName] = UpstreamSettings.ProviderName,
        }) { RedirectUri = LocalOrRoot(returnUrl) };
        return Results.Challenge(properties, [OpenIddictClientAspNetCoreDefaults.AuthenticationScheme]);
    }

    /// <summary>The upstream provider sent the person back: find (or link) their local user and sign them in with the cookie.</summary>
    private static async Task<IResult> UpstreamCallback(HttpContext context, UserManager<DesignerUser> users, SignInSessions sessions, IOptions<OidcOptions> options)
    {
        var upstream = options.Value.Upstream;
        var result = await context.AuthenticateAsync(OpenIddictClientAspNetCoreDefaults.AuthenticationScheme);
        var subject = result.Principal?.FindFirstValue(Claims.Subject);
        if (!result.Succeeded || subject is null)
            return SignInPage.Message("登录失败", $"{upstream.DisplayName}未能完成登录 (the upstream sign-in failed)", 401);

        var user = await users.FindByLoginAsync(UpstreamSettings.ProviderName, subject);
        if (user is null && upstream.LinkByUserName && result.Principal!.FindFirstValue(Claims.PreferredUsername) is { } userName)
        {
            user = await users.FindByNameAsync(userName);
            if (user is not null) await users.AddLoginAsync(user, new UserLoginInfo(UpstreamSettings.ProviderName, subject, upstream.DisplayName));
        }
        if (user is null)
            return SignInPage.Message("无法登录", $"该{upstream.DisplayName}账户未关联本系统用户，请联系管理员 (the upstream account is not linked to a user)", 403);
        if (await users.IsLockedOutAsync(user))
            return SignInPage.Message("无法登录", PasswordCheck.Locked.Detail, 403);
        await sessions.SignInWithCookieAsync(user);
        return Results.Redirect(LocalOrRoot(result.Properties?.RedirectUri));
    }

    private static SignInPage.Model Page(HttpContext context, IAntiforgery antiforgery, IOptions<OidcOptions> options, string returnUrl,
        string? userName = null, string? error = null)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var upstream = options.Value.Upstream;
        return new SignInPage.Model(returnUrl, tokens.FormFieldName, tokens.RequestToken!, userName, error, upstream.Enabled ? upstream.DisplayName : null);
    }

    /// <summary>Only a path on this server (never "//host" or an absolute URI): no open redirect.</summary>
    public static string LocalOrRoot(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) ? url : "/";

    private static IResult Issue(ClaimsPrincipal principal) =>
        Results.SignIn(principal, null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);

    private static IResult Refuse(string error, string description) => Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
    {
        [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
        [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
    }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
