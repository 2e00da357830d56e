using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.Hosting;

/// <summary>
/// Group commit on SQLite: the saves of concurrent actions queue here and are written one after another in ONE
/// transaction on one connection, each inside its own savepoint, then committed together; every caller is answered
/// only after that commit returned, i.e. after the write-ahead log was fsynced (WAL, `synchronous=FULL`, see
/// <see cref="SqliteBusyTimeout"/>). A commit costs one fsync whatever the group's size, so under load the commits per
/// second stop bounding the actions per second. A member that fails (a concurrent change of its application, a
/// constraint) is rolled back to its savepoint and gets its own exception; the others commit. Members are written in
/// the order they arrived, so one client's actions on an application keep their order.
/// The group holds the in-process <see cref="WriteGate"/> for its whole transaction, so other writers still queue.
/// On PostgreSQL each save is its own transaction (the database commits concurrent transactions together itself).
/// </summary>
public sealed class GroupCommit(WriteGate gate, SqliteBusyTimeout pragmas, ILogger<GroupCommit> log) : IDisposable
{
    /// <summary>Most members written in one transaction (a bound on how long the first of them waits).</summary>
    public const int MaxGroupSize = 64;

    private readonly Channel<Member> _queue = Channel.CreateUnbounded<Member>(new UnboundedChannelOptions { SingleReader = true });
    private readonly object _startLock = new();
    private SqliteConnection? _connection;
    private Task? _writer;

    private sealed record Member(DbContext Db, TaskCompletionSource<int> Done);

    /// <summary>How many commits and members so far (the load driver's report and the tests read them).</summary>
    public long Commits => Interlocked.Read(ref _commits);
    public long Members => Interlocked.Read(ref _members);
    private long _commits, _members;

    /// <summary>Saves the context's changes as a member of the next group; returns once they are durable. Throws the member's own failure.</summary>
    public Task<int> SaveAsync(DbContext db, CancellationToken cancellationToken = default)
    {
        // Inside a transaction of its own, or holding its connection open, a context saves by itself as before.
        if (db.Database.IsPostgres() || db.Database.CurrentTransaction is not null ||
            db.Database.GetDbConnection().State != System.Data.ConnectionState.Closed) return db.SaveChangesAsync(cancellationToken);
        EnsureWriter(db.Database.GetConnectionString()!);
        var member = new Member(db, new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(member)) throw new ObjectDisposedException(nameof(GroupCommit));
        return member.Done.Task;
    }

    private void EnsureWriter(string connectionString)
    {
        if (_writer is not null) return;
        lock (_startLock)
        {
            if (_writer is not null) return;
            _connection = new SqliteConnection(connectionString);
            _connection.Open();
            using (var command = _connection.CreateCommand())
            {
                command.CommandText = pragmas.Pragma;
                command.ExecuteNonQuery();
            }
            _writer = Task.Run(WriteGroupsAsync);
        }
    }

    private async Task WriteGroupsAsync()
    {
        var group = new List<Member>(MaxGroupSize);
        while (await _queue.Reader.WaitToReadAsync())
        {
            group.Clear();
            try
            {
                // The gate first, then the queue: whoever arrived while another writer held the database joins this group.
                using var lease = await gate.EnterGroupAsync(CancellationToken.None);
                while (group.Count < MaxGroupSize && _queue.Reader.TryRead(out var member)) group.Add(member);
                await WriteAsync(group);
            }
            catch (Exception e)
            {
                log.LogError(e, "group commit of {Count} saves failed", group.Count);
                foreach (var member in group) member.Done.TrySetException(e);
                // A gate that timed out: those waiting are answered (503) rather than left hanging.
                if (group.Count == 0 && e is ApiProblemException)
                    while (_queue.Reader.TryRead(out var waiting)) waiting.Done.TrySetException(e);
            }
        }
    }

    private async Task WriteAsync(List<Member> group)
    {
        var connection = _connection!;
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(); // BEGIN IMMEDIATE
        var results = new (int Rows, Exception? Error)[group.Count];
        for (var i = 0; i < group.Count; i++)
        {
            var savepoint = $"member{i}";
            await transaction.SaveAsync(savepoint);
            try
            {
                results[i] = (await SaveMemberAsync(group[i].Db, connection, transaction), null);
                await transaction.ReleaseAsync(savepoint);
            }
            catch (Exception e)
            {
                results[i] = (0, e);
                await transaction.RollbackAsync(savepoint);
                await transaction.ReleaseAsync(savepoint);
            }
        }
        await transaction.CommitAsync();
        Interlocked.Increment(ref _commits);
        Interlocked.Add(ref _members, group.Count);
        for (var i = 0; i < group.Count; i++)
        {
            if (results[i].Error is { } error) group[i].Done.TrySetException(error);
            else group[i].Done.TrySetResult(results[i].Rows);
        }
    }

    /// <summary>
    /// The member's SaveChanges on the group's connection and transaction; afterwards the context gets its own
    /// connection back (a fresh one from the pool: the request reads on with it while the group goes on).
    /// </summary>
    private async Task<int> SaveMemberAsync(DbContext db, SqliteConnection connection, SqliteTransaction transaction)
    {
        var database = db.Database;
        var ownConnectionString = database.GetConnectionString();
        gate.Adopt(db);
        database.SetDbConnection(connection);
        try
        {
            await database.UseTransactionAsync(transaction);
            return await db.SaveChangesAsync();
        }
        finally
        {
            await database.UseTransactionAsync(null);
            database.SetDbConnection(null);
            database.SetConnectionString(ownConnectionString);
            gate.Disown(db);
        }
    }

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        try { _writer?.Wait(TimeSpan.FromSeconds(10)); }
        catch (AggregateException) { }
        _connection?.Dispose();
    }
}
