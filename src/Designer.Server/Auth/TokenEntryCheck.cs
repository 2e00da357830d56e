using Designer.Persistence;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.EntityFrameworkCore.Models;
using OpenIddict.Validation;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Validation.OpenIddictValidationEvents;
using static OpenIddict.Validation.OpenIddictValidationHandlers.Protection;

namespace Designer.Server.Auth;

/// <summary>
/// On every request with a bearer token: its token entry and its authorization must still be valid, read with one
/// untracked query by primary key (the token row joined to its authorization row), on SQLite and on PostgreSQL alike.
/// So a token revoked on any node (logout, the revocation endpoint, a user disabled, a password reset or changed, a
/// role removed, an entry changed by hand) is refused by every node on its next request.
/// It replaces OpenIddict's own token and authorization entry validation, which read the same rows as a tracked
/// query with two includes (the token, its client application and its authorization) and kept the three entities in
/// the request's change tracker: about 6 % of a task action's CPU (issue 14, docs/benchmarks-server.md).
/// </summary>
public sealed class TokenEntryCheck(DesignerDbContext db) : IOpenIddictValidationHandler<ValidateTokenContext>
{
    /// <summary>Where OpenIddict restores a token's entry, so its expiry, audience and type checks run on what the entry says.</summary>
    public static OpenIddictValidationHandlerDescriptor Descriptor { get; } = OpenIddictValidationHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
        .UseScopedHandler<TokenEntryCheck>()
        .SetOrder(RestoreTokenEntryProperties.Descriptor.Order)
        .SetType(OpenIddictValidationHandlerType.Custom)
        .Build();

    /// <summary>What the check needs of a token entry and its authorization, nothing else.</summary>
    public sealed record EntryState(string? Type, string? Status, DateTime? ExpirationDate, string? ReferenceId, string? AuthorizationId, string? AuthorizationStatus);

    private static readonly Func<DesignerDbContext, string, Task<EntryState?>> EntryOf =
        EF.CompileAsyncQuery((DesignerDbContext db, string id) => db.Set<OpenIddictEntityFrameworkCoreToken>().AsNoTracking()
            .Where(t => t.Id == id)
            .Select(t => new EntryState(t.Type, t.Status, t.ExpirationDate, t.ReferenceId,
                t.Authorization == null ? null : t.Authorization.Id, t.Authorization == null ? null : t.Authorization.Status))
            .FirstOrDefault());

    public async ValueTask HandleAsync(ValidateTokenContext context)
    {
        if (context.Principal is not { } principal) return;
        // Every token this server issues has an entry; one without is not ours to accept.
        if (principal.GetTokenId() is not { Length: > 0 } tokenId)
        {
            Refuse(context, "no token entry");
            return;
        }
        var entry = await EntryOf(db, tokenId);
        if (entry is null || (!context.IsReferenceToken && !string.IsNullOrEmpty(entry.ReferenceId)))
        {
            Refuse(context, "unknown token entry");
            return;
        }
        if (entry.Status != Statuses.Valid || (entry.Type is { } type && principal.GetTokenType() is { } claimed && type != claimed))
        {
            Refuse(context, "token entry no longer valid");
            return;
        }
        if (entry.AuthorizationId is not null && entry.AuthorizationStatus != Statuses.Valid)
        {
            Refuse(context, "authorization no longer valid");
            return;
        }
        // As OpenIddict's own restore: the entry's expiry and authorization count, not only the token's claims.
        if (entry.ExpirationDate is { } expires) principal.SetExpirationDate(new DateTimeOffset(DateTime.SpecifyKind(expires, DateTimeKind.Utc)));
        principal.SetAuthorizationId(context.AuthorizationId = entry.AuthorizationId);
        context.TokenId = tokenId;
    }

    private static void Refuse(ValidateTokenContext context, string why)
    {
        context.Logger.LogInformation("Bearer token refused: {Why}", why);
        context.Reject(error: Errors.InvalidToken, description: "The specified token is no longer valid.");
    }
}
