using System.CommandLine;
using Designer.Engine.Audit;
using Designer.Engine.Model;
using Microsoft.Data.Sqlite;

namespace Designer.Cli.Commands;

/// <summary>
/// `designer audit verify FILE`: checks an exported audit trail (GET /api/audit/export); `designer audit verify --db PATH`:
/// checks the server's SQLite table itself (the hash chain and each row's data). Names the first entry that was
/// edited, reordered or deleted. Exit 0 when intact, 1 when broken.
/// </summary>
internal sealed class AuditCommand(CliContext context, TextWriter output)
{
    public static Command Create(Option<string?> root)
    {
        var export = new Argument<string?>("FILE") { Description = "审计导出文件（GET /api/audit/export）(an exported audit trail)", Arity = ArgumentArity.ZeroOrOne };
        var database = new Option<string?>("--db")
        {
            Description = "直接校验服务器数据库中的审计表，如 data/designer.db (check the server's SQLite file itself)", HelpName = "PATH",
        };
        var verify = new Command("verify", "校验审计链，指出第一条被修改、调换或删除的记录；损坏时退出码为 1 (verify the audit chain; exit 1 when broken)")
        {
            export, database,
        };
        verify.Validators.Add(result =>
        {
            var (hasFile, hasDatabase) = (result.GetValue(export) is not null, result.GetValue(database) is not null);
            if (hasFile == hasDatabase)
                result.AddError("audit verify 需要导出文件或 --db 二者之一 (give an export FILE or --db PATH, not both)");
        });
        verify.SetAction(parsed =>
        {
            var context = CliContext.From(parsed, root);
            return new AuditCommand(context, context.Output).Verify(parsed.GetValue(export), parsed.GetValue(database));
        });
        var audit = new Command("audit", "审计链的命令 (audit trail commands)") { verify };
        audit.SetAction(int (_) => throw new UsageException("audit 需要子命令：audit verify FILE 或 audit verify --db PATH (audit needs a subcommand: verify)"));
        return audit;
    }

    public int Verify(string? export, string? database)
    {
        var result = database is null ? VerifyExport(context.Resolve(export!)) : VerifyTable(context.Resolve(database));
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
