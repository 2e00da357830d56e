using Designer.Engine.Audit;
using Designer.Engine.Model;
using Designer.Persistence.Entities;
using Microsoft.Data.Sqlite;

namespace Designer.Cli.Commands;

/// <summary>
/// `designer audit verify FILE`: checks an exported audit trail (GET /api/audit/export); `designer audit verify --db PATH`:
/// checks the server's SQLite table itself (the hash chain and each row's data). Names the first entry that was
/// edited, reordered or deleted. Exit 0 when intact, 1 when broken.
/// </summary>
internal sealed class AuditCommand(CliContext context, TextWriter output)
{
    public const string Usage = "用法 (usage): designer audit verify FILE | designer audit verify --db data/designer.db";

    public int Run(IReadOnlyList<string> arguments, string? database)
    {
        if (arguments.Count == 0 || arguments[0] != "verify" || arguments.Count != (database is null ? 2 : 1)) throw new UsageException(Usage);
        var result = database is null ? VerifyExport(context.Resolve(arguments[1])) : VerifyTable(context.Resolve(database));
        output.WriteLine(result.Message);
        return result.Intact ? Cli.Ok : Cli.ProblemsFound;
    }

    private static ChainVerification VerifyExport(string path)
    {
        List<AuditEntry> entries;
        try { entries = JsonText.Deserialize<List<AuditEntry>>(File.ReadAllText(path)) ?? []; }
        catch (System.Text.Json.JsonException e) { throw new UsageException($"{path}: 不是审计导出文件 (not an audit export): {e.Message}"); }
        return AuditChain.Verify(entries);
    }

    /// <summary>The AuditEntries table in Sequence order, checked as the server's GET /api/audit/verify checks it.</summary>
    private static ChainVerification VerifyTable(string path)
    {
        if (!File.Exists(path)) throw new UsageException($"找不到数据库文件 {path} (no such database file)");
        var rows = new List<(AuditEntry, string)>();
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly }.ToString());
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT Sequence, Timestamp, Actor, Kind, Subject, Summary, DataJson, DataHash, PreviousHash, Hash FROM AuditEntries ORDER BY Sequence";
            using var reader = command.ExecuteReader();
            while (reader.Read())
                rows.Add((new AuditEntry(reader.GetInt64(0), new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(1), DateTimeKind.Utc)),
                    reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetString(7), reader.GetString(8),
                    reader.GetString(9)), reader.GetString(6)));
        }
        catch (SqliteException e) { throw new UsageException($"{path}: 无法读取审计表 (cannot read the AuditEntries table): {e.Message}"); }
        return AuditTrailVerification.Verify(rows);
    }
}
