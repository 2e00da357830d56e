using Designer.Persistence.Entities;
using Designer.Server.Hosting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Designer.Server.Auth;

public sealed record LoginRequest(string? UserName, string? Password);

public static class AuthEndpoints
{
    public static void MapAuth(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Auth");
        auth.MapPost("/login", Login).AllowAnonymous().RequireRateLimiting(RateLimits.SignIn).Fails(401);
        auth.MapPost("/logout", async (HttpContext context, SignInSessions sessions) =>
        {
            await sessions.SignOutAsync(context);
            return TypedResults.NoContent();
        }).RequireAuthorization();
        auth.MapGet("/me", (HttpContext context) => TypedResults.Ok(Me.Of(context.CurrentUser()))).RequireAuthorization();
        auth.MapGet("/antiforgery", (HttpContext context, IAntiforgery antiforgery) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(context);
            return TypedResults.Ok(new AntiforgeryToken(tokens.RequestToken, AntiforgeryForCookies.HeaderName));
        }).RequireAuthorization();
        auth.MapGet("/providers", (int? page, int? pageSize, IOptions<OidcOptions> options) =>
        {
            List<SignInProvider> providers = options.Value.Upstream.Enabled
                ? [new SignInProvider(UpstreamSettings.ProviderName, options.Value.Upstream.DisplayName, ConnectEndpoints.UpstreamPath)]
                : [];
            return TypedResults.Ok(providers.Page(page, pageSize, p => p));
        }).AllowAnonymous().Fails(422);
    }

    private static async Task<Results<Ok<LoginResult>, ProblemHttpResult>> Login(LoginRequest request, bool? useCookies, HttpContext context,
        PasswordCheck passwords, SignInManager<DesignerUser> signIn, SignInSessions sessions, InternalTokenEndpoint tokens)
    {
        var (user, failure) = await passwords.VerifyAsync(request.UserName, request.Password, context);
        if (user is null) return failure!.ToProblem();

        var me = Me.Of(new CurrentUser(await signIn.CreateUserPrincipalAsync(user)));
        if (useCookies == true)
        {
            await sessions.SignInWithCookieAsync(user);
            return TypedResults.Ok(new LoginResult(null, null, null, me));
        }
        var issued = await tokens.IssueAsync(context, user);
        return TypedResults.Ok(new LoginResult(issued.AccessToken, issued.ExpiresIn, "Bearer", me) { RefreshToken = issued.RefreshToken });
    }
}
