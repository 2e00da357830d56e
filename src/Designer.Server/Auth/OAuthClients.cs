using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Designer.Server.Auth;

/// <summary>The Studio's own public client: cookie sessions belong to it, and it may sign in with code + PKCE.</summary>
public static class StudioClient
{
    public const string ClientId = "designer-studio";
    public const string CallbackPath = "/auth/callback";
}

/// <summary>A grant only the server itself uses: POST /api/auth/login exchanges a one-minute sign-in ticket for tokens.</summary>
public static class DesignerGrants
{
    public const string SignInTicket = "urn:designer:params:oauth:grant-type:sign-in-ticket";
}

/// <summary>
/// Registers the OAuth clients at startup: the Studio's, and every one under Auth:Clients (created, or updated when
/// its settings changed). A client removed from the settings keeps its registration until deleted by hand.
/// </summary>
public sealed class OAuthClients(IOpenIddictApplicationManager applications, IOpenIddictAuthorizationManager authorizations,
    IOpenIddictTokenManager tokens, IOptions<OidcOptions> options, IConfiguration configuration, IHostEnvironment environment, ILogger<OAuthClients> logger)
{
    public async Task RegisterAsync()
    {
        if (OidcSetup.UsesTemporaryKeys(configuration, environment))
            logger.LogWarning("Auth:SigningCertificate and Auth:EncryptionCertificate are not set: tokens are signed with keys held in memory, " +
                "so every token and upstream sign-in in progress stops working when the server restarts (see docs/api.md, Auth)");
        // Without it each node names itself (its own address) as the issuer, and refuses every token another node issued.
        if (Hosting.DatabaseSetup.Provider(configuration) == Hosting.DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(options.Value.Issuer))
            logger.LogWarning("Auth:Issuer is not set: with several nodes, a token issued by one node is refused by a node reached at another address; " +
                "give every node the same Auth:Issuer, the address clients use (README, \"On PostgreSQL, with several nodes\")");
        await SaveAsync(StudioDescriptor());
        // Expired or revoked tokens and finished sessions older than the longest refresh-token life are of no use.
        var threshold = DateTimeOffset.UtcNow.AddDays(-options.Value.RefreshTokenDays - 1);
        await tokens.PruneAsync(threshold);
        await authorizations.PruneAsync(threshold);
        foreach (var client in options.Value.Clients)
        {
            if (string.IsNullOrWhiteSpace(client.ClientId)) throw new InvalidOperationException("Auth:Clients: every client needs a ClientId");
            await SaveAsync(Describe(client));
        }
    }

    private async Task SaveAsync(OpenIddictApplicationDescriptor descriptor)
    {
        var existing = await applications.FindByClientIdAsync(descriptor.ClientId!);
        if (existing is null) await applications.CreateAsync(descriptor);
        else await applications.UpdateAsync(existing, descriptor);
    }

    private OpenIddictApplicationDescriptor StudioDescriptor()
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = StudioClient.ClientId,
            ClientType = ClientTypes.Public,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "职称评审流程设计器",
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        descriptor.Permissions.UnionWith(SignInPermissions);
        descriptor.Permissions.UnionWith([Permissions.Prefixes.GrantType + DesignerGrants.SignInTicket,
            Permissions.Scopes.Profile, Permissions.Scopes.Roles, Permissions.Prefixes.Scope + Scopes.OfflineAccess]);
        var redirects = options.Value.StudioRedirectUris.Count > 0
            ? options.Value.StudioRedirectUris
            : (configuration["Urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(url => url.TrimEnd('/') + StudioClient.CallbackPath).ToList();
        foreach (var uri in redirects.Where(u => Uri.IsWellFormedUriString(u, UriKind.Absolute)))
        {
            descriptor.RedirectUris.Add(new Uri(uri));
            descriptor.PostLogoutRedirectUris.Add(new Uri(new Uri(uri), "/"));
        }
        return descriptor;
    }

    private static OpenIddictApplicationDescriptor Describe(ClientSettings client)
    {
        var confidential = !string.IsNullOrEmpty(client.ClientSecret);
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = client.ClientId,
            ClientSecret = confidential ? client.ClientSecret : null,
            ClientType = confidential ? ClientTypes.Confidential : ClientTypes.Public,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = client.DisplayName ?? client.ClientId,
        };
        descriptor.Permissions.UnionWith([Permissions.Endpoints.Token, Permissions.Endpoints.Revocation]);
        if (confidential) descriptor.Permissions.Add(Permissions.GrantTypes.ClientCredentials);
        if (client.RedirectUris.Count > 0)
        {
            descriptor.Permissions.UnionWith(SignInPermissions);
            descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
            foreach (var uri in client.RedirectUris) descriptor.RedirectUris.Add(new Uri(uri));
            foreach (var uri in client.PostLogoutRedirectUris) descriptor.PostLogoutRedirectUris.Add(new Uri(uri));
        }
        foreach (var scope in client.Scopes.Where(s => s != Scopes.OpenId)) descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        return descriptor;
    }

    private static readonly string[] SignInPermissions =
    [
        Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession, Permissions.Endpoints.Revocation,
        Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code,
    ];
}
