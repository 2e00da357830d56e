using Npgsql;

namespace Designer.LoadTest;

/// <summary>A database of its own on the PostgreSQL cluster given (--postgres), dropped when the run ends.</summary>
public sealed class ScratchPostgres : IAsyncDisposable
{
    private readonly string _cluster;
    private readonly string _name;

    public string ConnectionString { get; }

    private ScratchPostgres(string cluster, string name)
    {
        _cluster = cluster;
        _name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(cluster) { Database = name }.ConnectionString;
    }

    public static async Task<ScratchPostgres> CreateAsync(string cluster)
    {
        var scratch = new ScratchPostgres(cluster, $"designer_load_{Guid.NewGuid().ToString("N")[..10]}");
        await scratch.ExecuteAsync($"CREATE DATABASE \"{scratch._name}\"");
        return scratch;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_cluster) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try { await ExecuteAsync($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)"); }
        catch (NpgsqlException) { }
    }
}
