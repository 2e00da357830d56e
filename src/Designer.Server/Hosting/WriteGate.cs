using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Designer.Server.Hosting;

/// <summary>
/// One writer at a time in this process: SQLite lets one transaction write, so writers that would collide on its
/// lock queue here instead, in order, without sleeping. A context takes the gate when it starts saving or opens a
/// transaction and gives it back when that ends (commit, rollback, failure, or its connection closing); the audit
/// chain's serialisable append (AuditChainInterceptor) runs inside it unchanged.
/// </summary>
public sealed class WriteGate
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConditionalWeakTable<DbContext, object> _holders = new();
    private static readonly object Held = new();
    /// <summary>A member of a group commit: it writes under the group's hold of the gate and never releases it itself.</summary>
    private static readonly object Adopted = new();

    /// <summary>A missed release must not stop the server: after this a writer gives up with a 503.</summary>
    public TimeSpan MaxWait { get; init; } = TimeSpan.FromSeconds(30);

    public async ValueTask EnterAsync(DbContext? context, CancellationToken cancellationToken)
    {
        if (context is null || _holders.TryGetValue(context, out _)) return;
        if (!await _gate.WaitAsync(MaxWait, cancellationToken)) throw Busy();
        _holders.AddOrUpdate(context, Held);
    }

    public void Enter(DbContext? context)
    {
        if (context is null || _holders.TryGetValue(context, out _)) return;
        if (!_gate.Wait(MaxWait)) throw Busy();
        _holders.AddOrUpdate(context, Held);
    }

    public void Exit(DbContext? context)
    {
        if (context is null || !_holders.TryGetValue(context, out var hold) || ReferenceEquals(hold, Adopted)) return;
        if (_holders.Remove(context)) _gate.Release();
    }

    /// <summary>Takes the gate for a whole group commit (GroupCommit); disposing the lease gives it back.</summary>
    public async ValueTask<IDisposable> EnterGroupAsync(CancellationToken cancellationToken)
    {
        if (!await _gate.WaitAsync(MaxWait, cancellationToken)) throw Busy();
        return new GroupLease(_gate);
    }

    /// <summary>Lets a member's context write under the group's lease (its own saves then do not wait for the gate).</summary>
    public void Adopt(DbContext context) => _holders.AddOrUpdate(context, Adopted);

    public void Disown(DbContext context)
    {
        if (_holders.TryGetValue(context, out var hold) && ReferenceEquals(hold, Adopted)) _holders.Remove(context);
    }

    private sealed class GroupLease(SemaphoreSlim gate) : IDisposable
    {
        private int _disposed;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) gate.Release();
        }
    }

    /// <summary>Leaves unless the context is still inside a transaction (its end releases the gate).</summary>
    public void ExitOutsideTransaction(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null) Exit(context);
    }

    private static ApiProblemException Busy() =>
        new(Problems.Problem(503, "服务器繁忙", "写入排队超时，请稍后重试 (timed out waiting for the database writer)"));
}

/// <summary>Wires WriteGate into EF Core: SaveChanges, transactions and connections of every DesignerDbContext.</summary>
public sealed class WriteGateInterceptor(WriteGate gate) : SaveChangesInterceptor, IDbTransactionInterceptor, IDbConnectionInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        await gate.EnterAsync(eventData.Context, cancellationToken);
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        gate.Enter(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        gate.ExitOutsideTransaction(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        gate.ExitOutsideTransaction(eventData.Context);
        return result;
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        gate.ExitOutsideTransaction(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => gate.ExitOutsideTransaction(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        gate.ExitOutsideTransaction(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => gate.ExitOutsideTransaction(eventData.Context);

    async ValueTask<InterceptionResult<DbTransaction>> IDbTransactionInterceptor.TransactionStartingAsync(DbConnection connection,
        TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken)
    {
        await gate.EnterAsync(eventData.Context, cancellationToken);
        return result;
    }

    InterceptionResult<DbTransaction> IDbTransactionInterceptor.TransactionStarting(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result)
    {
        gate.Enter(eventData.Context);
        return result;
    }

    void IDbTransactionInterceptor.TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => gate.Exit(eventData.Context);

    Task IDbTransactionInterceptor.TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        gate.Exit(eventData.Context);
        return Task.CompletedTask;
    }

    void IDbTransactionInterceptor.TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => gate.Exit(eventData.Context);

    Task IDbTransactionInterceptor.TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        gate.Exit(eventData.Context);
        return Task.CompletedTask;
    }

    void IDbTransactionInterceptor.TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => gate.Exit(eventData.Context);

    Task IDbTransactionInterceptor.TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken)
    {
        gate.Exit(eventData.Context);
        return Task.CompletedTask;
    }

    // A transaction disposed without commit or rollback (a failed save, an abandoned scope) ends with its connection
    // closing, or with the context's disposal. A connection never closes inside a transaction, so either ends the write.
    // (The context may already be disposed here: nothing of it is touched.)
    void IDbConnectionInterceptor.ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => gate.Exit(eventData.Context);

    Task IDbConnectionInterceptor.ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        gate.Exit(eventData.Context);
        return Task.CompletedTask;
    }

    void IDbConnectionInterceptor.ConnectionDisposed(DbConnection connection, ConnectionEndEventData eventData) => gate.Exit(eventData.Context);

    Task IDbConnectionInterceptor.ConnectionDisposedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        gate.Exit(eventData.Context);
        return Task.CompletedTask;
    }
}
