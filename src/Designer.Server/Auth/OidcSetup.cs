using System.Security.Cryptography.X509Certificates;
using Designer.Persistence;
using Designer.Server.Hosting;
using Microsoft.Extensions.Options;
using OpenIddict.Client;
using OpenIddict.Client.AspNetCore;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Designer.Server.Auth;

/// <summary>
/// OpenIddict: the server (OAuth 2.0 / OpenID Connect provider), the validation of its tokens on every API request
/// (their token and authorization entries must still be valid: TokenEntryCheck), and the client for an upstream provider.
/// </summary>
public static class OidcSetup
{
    public static void AddOidc(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.Configure<OidcOptions>(configuration.GetSection("Auth"));
        services.AddScoped<TokenPrincipals>();
        services.AddScoped<SignInSessions>();
        services.AddScoped<PasswordCheck>();
        services.AddScoped<OAuthClients>();
        services.AddSingleton<InternalTokenEndpoint>();
        services.AddSingleton<DecryptedTokenCache>();

        services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<DesignerDbContext>())
            .AddServer(server =>
            {
                server.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetEndSessionEndpointUris("connect/logout")
                    .SetRevocationEndpointUris("connect/revoke");
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                    .AllowRefreshTokenFlow()
                    .AllowClientCredentialsFlow()
                    .AllowCustomFlow(DesignerGrants.SignInTicket);
                server.RegisterScopes(Scopes.Profile, Scopes.Roles, Scopes.OfflineAccess, DesignerScopes.Results);
                AddCredentials(server, configuration, environment);
                server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    // Behind a TLS-terminating proxy or on 127.0.0.1 the server itself speaks plain HTTP.
                    .DisableTransportSecurityRequirement();
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                // The token's entry and its authorization are checked by TokenEntryCheck (one untracked read by key)
                // instead of OpenIddict's EnableTokenEntryValidation / EnableAuthorizationEntryValidation.
                validation.AddEventHandler(TokenEntryCheck.Descriptor);
                validation.AddEventHandler(DecryptedTokenCache.Restore.Descriptor).AddEventHandler(DecryptedTokenCache.Keep.Descriptor);
                validation.UseAspNetCore();
            })
            .AddClient(client =>
            {
                client.AllowAuthorizationCodeFlow();
                client.SetRedirectionEndpointUris(ConnectEndpoints.UpstreamCallbackPath.TrimStart('/'));
                AddCredentials(client, configuration, environment);
                client.UseAspNetCore().EnableRedirectionEndpointPassthrough().DisableTransportSecurityRequirement();
                client.UseSystemNetHttp();
            });

        // The upstream sign-in's correlation cookie must survive plain HTTP on 127.0.0.1 (OpenIddict's default is
        // Secure + SameSite=None); the provider answers with a top-level GET (response_mode=query), which Lax allows.
        services.Configure<OpenIddictClientAspNetCoreOptions>(o =>
        {
            o.CookieBuilder.SameSite = SameSiteMode.Lax;
            o.CookieBuilder.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        // Read when the options are first used, so that a test host's settings (added at Build()) count.
        services.AddOptions<OpenIddictServerOptions>().Configure<IOptions<OidcOptions>, IOptions<AuthOptions>>((server, oidc, auth) =>
        {
            if (!string.IsNullOrWhiteSpace(oidc.Value.Issuer)) server.Issuer = new Uri(oidc.Value.Issuer);
            server.AccessTokenLifetime = TimeSpan.FromMinutes(auth.Value.TokenMinutes);
            server.RefreshTokenLifetime = TimeSpan.FromDays(oidc.Value.RefreshTokenDays);
            // PKCE with S256 only: a "plain" challenge is the verifier itself.
            server.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain);
        });
        services.AddOptions<OpenIddictClientOptions>().Configure<IOptions<OidcOptions>>((client, oidc) =>
        {
            var upstream = oidc.Value.Upstream;
            if (!upstream.Enabled) return;
            var registration = new OpenIddictClientRegistration
            {
                Issuer = new Uri(upstream.Issuer!, UriKind.Absolute),
                ClientId = upstream.ClientId,
                ClientSecret = string.IsNullOrEmpty(upstream.ClientSecret) ? null : upstream.ClientSecret,
                ProviderName = UpstreamSettings.ProviderName,
                ProviderDisplayName = upstream.DisplayName,
                RedirectUri = new Uri(ConnectEndpoints.UpstreamCallbackPath.TrimStart('/'), UriKind.Relative),
            };
            registration.Scopes.UnionWith(upstream.Scopes);
            client.Registrations.Add(registration);
        });
    }

    /// <summary>
    /// The PFX files in Auth:SigningCertificate / Auth:EncryptionCertificate when set; else OpenIddict's development
    /// certificates in Development, and keys in memory elsewhere (logged as a warning at startup).
    /// </summary>
    private static void AddCredentials(OpenIddictServerBuilder server, IConfiguration configuration, IHostEnvironment environment)
    {
        if (Certificates(configuration) is var (signing, encryption))
            server.AddSigningCertificate(signing).AddEncryptionCertificate(encryption);
        else if (environment.IsDevelopment())
            server.AddDevelopmentSigningCertificate().AddDevelopmentEncryptionCertificate();
        else server.AddEphemeralSigningKey().AddEphemeralEncryptionKey();
    }

    private static void AddCredentials(OpenIddictClientBuilder client, IConfiguration configuration, IHostEnvironment environment)
    {
        if (Certificates(configuration) is var (signing, encryption))
            client.AddSigningCertificate(signing).AddEncryptionCertificate(encryption);
        else if (environment.IsDevelopment())
            client.AddDevelopmentSigningCertificate().AddDevelopmentEncryptionCertificate();
        else client.AddEphemeralSigningKey().AddEphemeralEncryptionKey();
    }

    /// <summary>Outside Development without configured certificates the keys live in memory: a restart signs everyone out.</summary>
    public static bool UsesTemporaryKeys(IConfiguration configuration, IHostEnvironment environment) =>
        !environment.IsDevelopment() && Certificates(configuration) is null;

    private static (X509Certificate2 Signing, X509Certificate2 Encryption)? Certificates(IConfiguration configuration)
    {
        var signing = Load(configuration.GetSection("Auth:SigningCertificate"));
        var encryption = Load(configuration.GetSection("Auth:EncryptionCertificate"));
        return signing is null || encryption is null ? null : (signing, encryption);
    }

    private static X509Certificate2? Load(IConfigurationSection section)
    {
        var path = section["Path"];
        if (string.IsNullOrWhiteSpace(path)) return null;
        if (!File.Exists(path)) throw new InvalidOperationException($"{section.Path}:Path: no certificate file at {path}");
        return X509CertificateLoader.LoadPkcs12FromFile(path, section["Password"], X509KeyStorageFlags.EphemeralKeySet);
    }
}
