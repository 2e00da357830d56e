using System.Collections.Concurrent;
using System.Security.Claims;
using OpenIddict.Abstractions;
using OpenIddict.Validation;
using static OpenIddict.Validation.OpenIddictValidationEvents;
using static OpenIddict.Validation.OpenIddictValidationHandlers.Protection;

namespace Designer.Server.Auth;

/// <summary>
/// Remembers what decrypting and verifying an access token gave, keyed by the token's exact text, so that a client's
/// next request with the same token skips the RSA decryption of its content key (about half of a task action's CPU
/// before, issue 14). Only that step is skipped: every request still goes through OpenIddict's other checks on the
/// remembered principal (expiry, audience, the token entry and its authorization in the database, TokenEntryCheck: a revoked token or
/// a signed-out session is refused at once, as before). An entry lives until its token expires, at most
/// <see cref="MaxAge"/>; the cache is emptied when it holds <see cref="MaxEntries"/> tokens.
/// </summary>
public sealed class DecryptedTokenCache
{
    public const int MaxEntries = 20_000;
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<string, (ClaimsPrincipal Principal, DateTimeOffset Until)> _entries = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    public DecryptedTokenCache(TimeProvider? time = null) => _time = time ?? TimeProvider.System;

    /// <summary>How many tokens were taken from the cache (tests and the load driver's report).</summary>
    public long Hits => Interlocked.Read(ref _hits);
    private long _hits;

    /// <summary>A copy of the principal the token decrypted to (later handlers change the principal they are given).</summary>
    public ClaimsPrincipal? Find(string token)
    {
        if (!_entries.TryGetValue(token, out var entry)) return null;
        if (entry.Until <= _time.GetUtcNow())
        {
            _entries.TryRemove(token, out _);
            return null;
        }
        Interlocked.Increment(ref _hits);
        return Copy(entry.Principal);
    }

    public bool Holds(string token) => _entries.ContainsKey(token);

    public void Remember(string token, ClaimsPrincipal principal)
    {
        var now = _time.GetUtcNow();
        var until = now + MaxAge;
        if (principal.GetExpirationDate() is { } expires && expires < until) until = expires;
        if (until <= now) return;
        if (_entries.Count >= MaxEntries) _entries.Clear();
        _entries[token] = (Copy(principal), until);
    }

    /// <summary>
    /// A deep copy: ClaimsPrincipal.Clone shares its identities (and their claim lists), which the handlers after this
    /// one change; requests sharing them failed with "Collection was modified" under load.
    /// </summary>
    private static ClaimsPrincipal Copy(ClaimsPrincipal principal) => new(principal.Identities.Select(identity => identity.Clone()));

    /// <summary>Before OpenIddict decrypts the token: a remembered principal makes it skip that step.</summary>
    public sealed class Restore(DecryptedTokenCache cache) : IOpenIddictValidationHandler<ValidateTokenContext>
    {
        public static OpenIddictValidationHandlerDescriptor Descriptor { get; } = OpenIddictValidationHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
            .UseSingletonHandler<Restore>()
            .SetOrder(ValidateIdentityModelToken.Descriptor.Order - 1)
            .SetType(OpenIddictValidationHandlerType.Custom)
            .Build();

        public ValueTask HandleAsync(ValidateTokenContext context)
        {
            if (context.Principal is null && !string.IsNullOrEmpty(context.Token) && cache.Find(context.Token) is { } principal)
                context.Principal = principal;
            return default;
        }
    }

    /// <summary>Right after OpenIddict decrypted and verified the token: remembers what it gave.</summary>
    public sealed class Keep(DecryptedTokenCache cache) : IOpenIddictValidationHandler<ValidateTokenContext>
    {
        public static OpenIddictValidationHandlerDescriptor Descriptor { get; } = OpenIddictValidationHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
            .UseSingletonHandler<Keep>()
            .SetOrder(ValidateIdentityModelToken.Descriptor.Order + 1)
            .SetType(OpenIddictValidationHandlerType.Custom)
            .Build();

        public ValueTask HandleAsync(ValidateTokenContext context)
        {
            if (context.Principal is { } principal && !context.IsRejected && !string.IsNullOrEmpty(context.Token) && !context.IsReferenceToken &&
                !cache.Holds(context.Token))
                cache.Remember(context.Token, principal);
            return default;
        }
    }
}
