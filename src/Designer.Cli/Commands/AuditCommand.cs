using Designer.Engine.Audit;
using Designer.Engine.Model;

namespace Designer.Cli.Commands;

/// <summary>
/// `designer audit verify FILE`: checks an exported audit trail (GET /api/audit/export) and names the first entry
/// that was edited, reordered or deleted. Exit 0 when intact, 1 when broken.
/// </summary>
internal sealed class AuditCommand(CliContext context, TextWriter output)
{
    public int Run(IReadOnlyList<string> arguments)
    {
        if (arguments.Count != 2 || arguments[0] != "verify")
            throw new UsageException("用法 (usage): designer audit verify FILE");
        var path = context.Resolve(arguments[1]);
        List<AuditEntry> entries;
        try { entries = JsonText.Deserialize<List<AuditEntry>>(File.ReadAllText(path)) ?? []; }
        catch (System.Text.Json.JsonException e) { throw new UsageException($"{path}: 不是审计导出文件 (not an audit export): {e.Message}"); }
        var result = AuditChain.Verify(entries);
        output.WriteLine(result.Message);
        return result.Intact ? Cli.Ok : Cli.ProblemsFound;
    }
}
