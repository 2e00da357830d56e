using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Designer.Server.Hosting;

/// <summary>
/// Sets SQLite's busy_timeout on every connection it opens: a writer that finds the database locked is woken by
/// SQLite as soon as the lock is free, instead of Microsoft.Data.Sqlite's own retry that sleeps a fixed 150 ms.
/// Also `synchronous=FULL` (SQLite's compiled default, stated so no build of SQLite can weaken it): in WAL mode every
/// commit is fsynced before it returns, so an acknowledged action survives a power cut, not only a crash.
/// </summary>
public sealed class SqliteBusyTimeout(int milliseconds) : DbConnectionInterceptor
{
    public string Pragma => $"PRAGMA busy_timeout={milliseconds}; PRAGMA synchronous=FULL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
