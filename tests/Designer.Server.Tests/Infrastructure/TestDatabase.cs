using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Designer.Server.Tests.Infrastructure;

/// <summary>
/// The database a test server keeps its state in. This project runs on SQLite (a file in the server's folder); the
/// same sources compiled with POSTGRES (tests/Designer.Server.Tests.Postgres) run on PostgreSQL, one database per
/// folder (so two servers over one folder are the same server restarted), on the cluster DESIGNER_TEST_POSTGRES names
/// or, without it, on the private cluster `.ci/postgres start` brings up.
/// </summary>
public static class TestDatabase
{
#if POSTGRES
    public static bool IsPostgres => true;
#else
    public static bool IsPostgres => false;
#endif

    /// <summary>The server settings that point it at the folder's database.</summary>
    public static Dictionary<string, string?> Settings(string folder, string sqliteFile = "designer.db") => IsPostgres
        ? new() { ["Database:Provider"] = "Postgres", ["ConnectionStrings:Designer"] = ConnectionString(folder) }
        : new() { ["ConnectionStrings:Designer"] = $"Data Source={Path.Combine(folder, sqliteFile)}" };

    /// <summary>A connection of the test's own to the server's database (tests that tamper with stored rows).</summary>
    public static DbConnection Open(string folder)
    {
        DbConnection connection = IsPostgres
            ? new NpgsqlConnection(ConnectionString(folder) + ";Pooling=false")
            : new SqliteConnection($"Data Source={Path.Combine(folder, "designer.db")};Pooling=False");
        connection.Open();
        return connection;
    }

    /// <summary>The database disappears under a running server (a dropped database, a deleted file).</summary>
    public static void Lose(string folder)
    {
        if (!IsPostgres)
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in Directory.GetFiles(folder, "designer.db*")) File.Delete(file);
            return;
        }
        NpgsqlConnection.ClearAllPools();
        Admin($"DROP DATABASE IF EXISTS \"{Name(folder)}\" WITH (FORCE)");
    }

    /// <summary>Drops the folder's PostgreSQL database (SQLite's file goes with the folder).</summary>
    public static void Drop(string folder)
    {
        if (!IsPostgres) return;
        try { Admin($"DROP DATABASE IF EXISTS \"{Name(folder)}\" WITH (FORCE)"); }
        catch (NpgsqlException) { }
    }

    private static string Name(string folder) => "t_" + Path.GetFileName(folder.TrimEnd('/')).ToLowerInvariant().Replace('-', '_');

    private static string ConnectionString(string folder) => $"{Cluster.Value};Database={Name(folder)}";

    private static void Admin(string sql)
    {
        using var connection = new NpgsqlConnection($"{Cluster.Value};Database=postgres;Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static readonly Lazy<string> Cluster = new(() =>
        Environment.GetEnvironmentVariable("DESIGNER_TEST_POSTGRES") is { Length: > 0 } configured ? configured : StartPrivateCluster());

    private static string StartPrivateCluster()
    {
        var script = Path.Combine(Hardening.ServerProcess.RepositoryRoot(), ".ci", "postgres");
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add("start");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd().Trim();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"No PostgreSQL for the tests: set DESIGNER_TEST_POSTGRES or install postgresql ({script} start: {error.Trim()})");
        return output.Split('\n').Last();
    }
}
