using System.Data;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Designer.Engine.Audit;
using Designer.Engine.Model;
using Designer.Engine.Runtime;
using Designer.Persistence.Entities;
using Designer.Server.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Designer.Server.Audit;

/// <summary>
/// Chains the audit rows a SaveChanges is about to insert onto the stored trail. When there are some, it opens a
/// serialisable transaction first (SQLite: BEGIN IMMEDIATE, the database's write lock; PostgreSQL: an advisory lock), reads the last stored entry
/// inside it and commits once the save succeeded: two writers never chain onto the same entry, so the chain cannot
/// fork, and the rows are saved together with the change they record. The unique Sequence index backs this up.
/// </summary>
public sealed class AuditChainInterceptor(IClock clock) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, IDbContextTransaction> _ownTransactions = new();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && Pending(db) is { Count: > 0 } pending)
        {
            if (db.Database.CurrentTransaction is null)
                _ownTransactions.AddOrUpdate(db, await db.Database.BeginTransactionAsync(Isolation(db), cancellationToken));
            if (db.Database.IsPostgres()) await db.Database.ExecuteSqlRawAsync(LockTrail, cancellationToken);
            Chain(await Tail(db).FirstOrDefaultAsync(cancellationToken), pending);
        }
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } db && Pending(db) is { Count: > 0 } pending)
        {
            if (db.Database.CurrentTransaction is null) _ownTransactions.AddOrUpdate(db, db.Database.BeginTransaction(Isolation(db)));
            if (db.Database.IsPostgres()) db.Database.ExecuteSqlRaw(LockTrail);
            Chain(Tail(db).FirstOrDefault(), pending);
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Release(eventData.Context) is { } transaction)
            await using (transaction) await transaction.CommitAsync(cancellationToken);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (Release(eventData.Context) is { } transaction)
            using (transaction) transaction.Commit();
        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (Release(eventData.Context) is { } transaction) await transaction.DisposeAsync();
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Release(eventData.Context)?.Dispose();

    public override async Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        if (Release(eventData.Context) is { } transaction) await transaction.DisposeAsync();
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Release(eventData.Context)?.Dispose();

    /// <summary>
    /// PostgreSQL: writers on every node queue on one transaction-scoped advisory lock before reading the tail (a
    /// serialisable transaction there would fail one of two concurrent appends instead of queueing it).
    /// </summary>
    private const string LockTrail = "SELECT pg_advisory_xact_lock(4711001)";

    private static IsolationLevel Isolation(DbContext db) => db.Database.IsPostgres() ? IsolationLevel.ReadCommitted : IsolationLevel.Serializable;

    /// <summary>The last stored entry, without its data (all the chain needs of it).</summary>
    private static IQueryable<AuditEntry> Tail(DbContext db) => db.Set<AuditRecord>().AsNoTracking().OrderByDescending(r => r.Sequence)
        .Select(r => new AuditEntry(r.Sequence, new DateTimeOffset(r.Timestamp, TimeSpan.Zero), r.Actor, r.Kind, r.Subject, r.Summary, r.DataHash, r.PreviousHash, r.Hash));

    private static List<AuditRecord> Pending(DbContext db) =>
        db.ChangeTracker.Entries<AuditRecord>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).OrderBy(r => r.RecordedOrder).ToList();

    /// <summary>Sequence, timestamp and hashes from the engine's AuditChain; DataJson rewritten exactly as it was hashed.</summary>
    private void Chain(AuditEntry? tail, List<AuditRecord> pending)
    {
        var previous = tail;
        // Whole microseconds: what PostgreSQL's timestamptz keeps (a finer time would be hashed but not stored).
        var now = clock.Now;
        now = now.AddTicks(-(now.Ticks % (TimeSpan.TicksPerMillisecond / 1000)));
        foreach (var row in pending)
        {
            var data = JsonNode.Parse(row.DataJson);
            var entry = AuditChain.Append(previous, now, row.Actor, row.Kind, row.Subject, row.Summary, data);
            row.Sequence = entry.Sequence;
            row.Timestamp = entry.Timestamp.UtcDateTime;
            row.DataJson = JsonText.Write(data, indented: false);
            row.DataHash = entry.DataHash;
            row.PreviousHash = entry.PreviousHash;
            row.Hash = entry.Hash;
            previous = entry;
        }
    }

    /// <summary>The transaction this interceptor opened for the context's save, if any (disposing it rolls back).</summary>
    private IDbContextTransaction? Release(DbContext? db)
    {
        if (db is null || !_ownTransactions.TryGetValue(db, out var transaction)) return null;
        _ownTransactions.Remove(db);
        return transaction;
    }
}
