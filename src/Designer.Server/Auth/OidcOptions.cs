namespace Designer.Server.Auth;

/// <summary>The OAuth 2.0 / OpenID Connect settings under "Auth" (see docs/api.md, Auth).</summary>
public sealed class OidcOptions
{
    /// <summary>The issuer URI tokens name; empty: the address the request came to.</summary>
    public string? Issuer { get; set; }
    public int RefreshTokenDays { get; set; } = 14;
    /// <summary>How often a cookie's security stamp is compared with the user's (0: on every request).</summary>
    public int SecurityStampValidationSeconds { get; set; } = 60;
    /// <summary>The Studio's public client: its redirect URIs (empty: "/auth/callback" on each of the server's Urls).</summary>
    public List<string> StudioRedirectUris { get; set; } = [];
    public List<ClientSettings> Clients { get; set; } = [];
    public UpstreamSettings Upstream { get; set; } = new();
    /// <summary>Outside Development: the PFX files that sign and encrypt tokens.</summary>
    public CertificateSettings SigningCertificate { get; set; } = new();
    public CertificateSettings EncryptionCertificate { get; set; } = new();
}

/// <summary>
/// A client application: an integration with a secret (client credentials, e.g. the region's platform reading
/// results) or a sign-in client (authorization code with PKCE) when it has redirect URIs.
/// </summary>
public sealed class ClientSettings
{
    public string ClientId { get; set; } = "";
    /// <summary>Empty: a public client (it must use PKCE and cannot use client credentials).</summary>
    public string? ClientSecret { get; set; }
    public string? DisplayName { get; set; }
    /// <summary>Scopes it may ask for, e.g. "results" (results and certificates of its locality), "profile", "roles", "offline_access".</summary>
    public List<string> Scopes { get; set; } = [];
    public List<string> RedirectUris { get; set; } = [];
    public List<string> PostLogoutRedirectUris { get; set; } = [];
    /// <summary>The locality whose results and certificates a client-credentials token reads.</summary>
    public string? Locality { get; set; }
}

/// <summary>An upstream OpenID Connect provider (a government unified identity); off while Issuer is empty.</summary>
public sealed class UpstreamSettings
{
    public string? Issuer { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    public string DisplayName { get; set; } = "统一身份认证";
    public List<string> Scopes { get; set; } = ["openid", "profile"];
    /// <summary>
    /// At a person's first upstream sign-in, link them to the local user whose user name equals the upstream
    /// preferred_username. Off: only users already linked (AspNetUserLogins) may sign in this way.
    /// </summary>
    public bool LinkByUserName { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Issuer) && !string.IsNullOrWhiteSpace(ClientId);
    public const string ProviderName = "upstream";
}

public sealed class CertificateSettings
{
    public string? Path { get; set; }
    public string? Password { get; set; }
}

public static class DesignerScopes
{
    /// <summary>Read results and certificates of the client's locality.</summary>
    public const string Results = "results";
}
