using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Designer.LoadTest;

/// <summary>
/// The durable floor a task action is compared with: a bare SQLite commit of the rows one action writes (the
/// application's new state, the closed and the new task row, the journal entry, the audit entry, a notification), with the server's own
/// settings (WAL, synchronous=FULL, busy_timeout), on a scratch file beside the server's, from one writer. The same
/// rows committed in groups of 16 show what group commit can reach at most. Measured in the driver's process right
/// after the HTTP phase, so both figures come from one run on the same machine state.
/// </summary>
public static class BareCommit
{
    public sealed record Result(int GroupSize, int Actions, double Seconds)
    {
        public double ActionsPerSecond => Actions / Seconds;
    }

    /// <param name="stateJson">An instance state as the server stores it (the largest column an action writes).</param>
    /// <param name="journalJson">A journal entry as the server appends it (one per action of the load driver's loop).</param>
    public static Result Measure(string folder, string stateJson, string journalJson, int actions, int groupSize)
    {
        var file = Path.Combine(folder, $"bare-{groupSize}-{Guid.NewGuid():N}.db");
        using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        Execute(connection, null, """
            PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000;
            CREATE TABLE Applications (Id TEXT PRIMARY KEY, StateJson TEXT, DataJson TEXT, Status TEXT, UpdatedAt TEXT, Revision INTEGER NOT NULL);
            CREATE TABLE Tasks (Id TEXT PRIMARY KEY, ApplicationId TEXT, IsOpen INTEGER, ClosedAt TEXT, ClosedBy TEXT, ClosedAction TEXT, Title TEXT, Org TEXT, Role TEXT, CreatedAt TEXT);
            CREATE INDEX IX_Tasks_ApplicationId_IsOpen ON Tasks (ApplicationId, IsOpen);
            CREATE TABLE Audit (Sequence INTEGER PRIMARY KEY, Subject TEXT, Kind TEXT, DataJson TEXT, PreviousHash TEXT, Hash TEXT);
            CREATE TABLE JournalEntries (ApplicationId TEXT NOT NULL, Sequence INTEGER NOT NULL, Stage TEXT, Action TEXT, Date TEXT, Json TEXT, PRIMARY KEY (ApplicationId, Sequence));
            CREATE TABLE Notifications (Id INTEGER PRIMARY KEY AUTOINCREMENT, UserId TEXT, Title TEXT, Body TEXT, TaskId TEXT, CreatedAt TEXT);
            INSERT INTO Applications VALUES ('a1', '', '{}', 'Waiting', '', 0);
            INSERT INTO Tasks VALUES ('t0', 'a1', 1, NULL, NULL, NULL, '审核', 'org', 'reviewer', '');
            """);
        var hash = new string('a', 64);
        var clock = Stopwatch.StartNew();
        for (var done = 0; done < actions;)
        {
            using var transaction = connection.BeginTransaction();
            for (var i = 0; i < groupSize && done < actions; i++, done++)
            {
                var now = DateTime.UtcNow.ToString("O");
                Execute(connection, transaction, "UPDATE Applications SET StateJson = $state, Status = 'Waiting', UpdatedAt = $now, Revision = Revision + 1 WHERE Id = 'a1' AND Revision = $revision",
                    ("$state", stateJson), ("$now", now), ("$revision", done));
                Execute(connection, transaction, "UPDATE Tasks SET IsOpen = 0, ClosedAt = $now, ClosedBy = 'reviewer', ClosedAction = 'approve' WHERE Id = $id",
                    ("$now", now), ("$id", $"t{done}"));
                Execute(connection, transaction, "INSERT INTO Tasks VALUES ($id, 'a1', 1, NULL, NULL, NULL, '审核', 'org', 'reviewer', $now)", ("$id", $"t{done + 1}"), ("$now", now));
                Execute(connection, transaction, "INSERT INTO JournalEntries VALUES ('a1', $sequence, 'hr-review', 'approve', '2026-12-02', $json)",
                    ("$sequence", done), ("$json", journalJson));
                Execute(connection, transaction, "INSERT INTO Audit VALUES ($sequence, 'a1', 'application.step', '{\"action\":\"approve\"}', $hash, $hash)",
                    ("$sequence", done + 1), ("$hash", hash));
                Execute(connection, transaction, "INSERT INTO Notifications (UserId, Title, Body, TaskId, CreatedAt) VALUES ('u', '新待办', '待您办理', $id, $now)",
                    ("$id", $"t{done + 1}"), ("$now", now));
            }
            transaction.Commit();
        }
        clock.Stop();
        connection.Close();
        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            try { File.Delete(path); } catch (IOException) { }
        return new Result(groupSize, actions, clock.Elapsed.TotalSeconds);
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        command.ExecuteNonQuery();
    }
}
