using Designer.Persistence.Entities;
using Designer.Server.Hosting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Designer.Server.Auth;

public sealed record LoginRequest(string? UserName, string? Password);

public static class AuthEndpoints
{
    public static void MapAuth(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Auth");
        auth.MapPost("/login", Login).AllowAnonymous();
        auth.MapPost("/logout", async (HttpContext context, SignInSessions sessions) =>
        {
            await sessions.SignOutAsync(context);
            return Results.NoContent();
        }).RequireAuthorization();
        auth.MapGet("/me", (HttpContext context) => Results.Ok(context.CurrentUser().ToDto())).RequireAuthorization();
        auth.MapGet("/antiforgery", (HttpContext context, IAntiforgery antiforgery) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(context);
            return Results.Ok(new { token = tokens.RequestToken, headerName = AntiforgeryForCookies.HeaderName });
        }).RequireAuthorization();
        auth.MapGet("/providers", (IOptions<OidcOptions> options) => Results.Ok(options.Value.Upstream.Enabled
            ? new[] { new { name = UpstreamSettings.ProviderName, displayName = options.Value.Upstream.DisplayName, signInUrl = ConnectEndpoints.UpstreamPath } }
            : [])).AllowAnonymous();
    }

    private static async Task<IResult> Login(LoginRequest request, bool? useCookies, HttpContext context,
        PasswordCheck passwords, SignInManager<DesignerUser> signIn, SignInSessions sessions, InternalTokenEndpoint tokens)
    {
        var (user, failure) = await passwords.VerifyAsync(request.UserName, request.Password);
        if (user is null) return failure!.ToProblem();

        var me = new CurrentUser(await signIn.CreateUserPrincipalAsync(user)).ToDto();
        if (useCookies == true)
        {
            await sessions.SignInWithCookieAsync(user);
            return Results.Ok(new { user = me });
        }
        var issued = await tokens.IssueAsync(context, user);
        return Results.Ok(new { accessToken = issued.AccessToken, expiresIn = issued.ExpiresIn, refreshToken = issued.RefreshToken, tokenType = "Bearer", user = me });
    }
}
