using System.Text;
using System.Text.Json.Nodes;
using Designer.Persistence.Entities;
using Microsoft.AspNetCore.DataProtection;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Designer.Server.Auth;

/// <summary>One-minute tickets naming a user whose password was just checked; only the server makes and reads them.</summary>
public static class SignInTickets
{
    public const string Parameter = "ticket";
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    public static string Issue(IServiceProvider services, string userId) => Protector(services).Protect(userId, Lifetime);

    public static string? Read(IServiceProvider services, string? ticket)
    {
        if (string.IsNullOrEmpty(ticket)) return null;
        try { return Protector(services).Unprotect(ticket); }
        catch (System.Security.Cryptography.CryptographicException) { return null; }
    }

    private static ITimeLimitedDataProtector Protector(IServiceProvider services) =>
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Designer.Auth.SignInTicket").ToTimeLimitedDataProtector();
}

public sealed record IssuedTokens(string AccessToken, long ExpiresIn, string? RefreshToken);

/// <summary>
/// Lets POST /api/auth/login answer with OpenIddict tokens: it runs a token request (the sign-in-ticket grant of the
/// Studio's client) through the token endpoint's own pipeline, in process, and reads the answer.
/// </summary>
public sealed class InternalTokenEndpoint
{
    private RequestDelegate? pipeline;

    /// <summary>Builds the branch: authentication (where OpenIddict's server handles /connect/token), then the exchange.</summary>
    public static void Build(IApplicationBuilder app)
    {
        var branch = app.New();
        branch.UseAuthentication();
        branch.Run(async context => await (await ConnectEndpoints.Exchange(context)).ExecuteAsync(context));
        app.ApplicationServices.GetRequiredService<InternalTokenEndpoint>().pipeline = branch.Build();
    }

    public async Task<IssuedTokens> IssueAsync(HttpContext outer, DesignerUser user)
    {
        var form = new Dictionary<string, string>
        {
            [Parameters.GrantType] = DesignerGrants.SignInTicket,
            [Parameters.ClientId] = StudioClient.ClientId,
            [SignInTickets.Parameter] = SignInTickets.Issue(outer.RequestServices, user.Id),
            [Parameters.Scope] = Scopes.OfflineAccess,
        };
        var body = await new FormUrlEncodedContent(form).ReadAsByteArrayAsync();
        // A scope of its own: authentication handlers are cached per scope, bound to the request they first saw.
        await using var scope = outer.RequestServices.CreateAsyncScope();
        var inner = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        inner.Request.Method = HttpMethods.Post;
        inner.Request.Scheme = outer.Request.Scheme;
        inner.Request.Host = outer.Request.Host;
        inner.Request.PathBase = outer.Request.PathBase;
        inner.Request.Path = "/connect/token";
        inner.Request.ContentType = "application/x-www-form-urlencoded";
        inner.Request.ContentLength = body.Length;
        inner.Request.Body = new MemoryStream(body);
        using var answer = new MemoryStream();
        inner.Response.Body = answer;

        await (pipeline ?? throw new InvalidOperationException("InternalTokenEndpoint.Build was not called")).Invoke(inner);

        var json = JsonNode.Parse(Encoding.UTF8.GetString(answer.ToArray()))?.AsObject();
        if (inner.Response.StatusCode != StatusCodes.Status200OK || json?["access_token"] is null)
            throw new InvalidOperationException($"the token endpoint refused the sign-in ticket: {inner.Response.StatusCode} {json?.ToJsonString()}");
        return new IssuedTokens(json["access_token"]!.GetValue<string>(), json["expires_in"]?.GetValue<long>() ?? 0, json["refresh_token"]?.GetValue<string>());
    }
}
