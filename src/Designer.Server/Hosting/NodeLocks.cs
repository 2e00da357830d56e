using Medallion.Threading.Postgres;

namespace Designer.Server.Hosting;

/// <summary>
/// Locks that hold across every node over one database: on PostgreSQL a session advisory lock per name (committee
/// sessions, applications), so two nodes never close one session or resume one application together. On SQLite there
/// is one node and the in-process queue (KeyedGate) is the whole lock.
/// </summary>
public interface INodeLocks
{
    ValueTask<IDisposable?> AcquireAsync(string name, CancellationToken cancellationToken);
}

public sealed class SingleNodeLocks : INodeLocks
{
    public ValueTask<IDisposable?> AcquireAsync(string name, CancellationToken cancellationToken) => ValueTask.FromResult<IDisposable?>(null);
}

public sealed class PostgresNodeLocks(string connectionString) : INodeLocks
{
    public async ValueTask<IDisposable?> AcquireAsync(string name, CancellationToken cancellationToken) =>
        await new PostgresDistributedLock(new PostgresAdvisoryLockKey(name, allowHashing: true), connectionString).AcquireAsync(cancellationToken: cancellationToken);
}
