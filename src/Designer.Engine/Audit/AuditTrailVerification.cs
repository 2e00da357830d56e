using System.Security.Cryptography;
using System.Text;

namespace Designer.Engine.Audit;

/// <summary>
/// Checks stored audit rows: the hash chain (<see cref="AuditChain.Verify"/>) and that each row's data still matches its
/// DataHash. The server's GET /api/audit/verify (through the persistence layer's AuditRecordVerification) and
/// `designer audit verify --db` both use it, so they give the same verdict and messages.
/// </summary>
public static class AuditTrailVerification
{
    /// <summary>Rows in Sequence order; names the first edited, reordered or deleted one, by the chain or by its data.</summary>
    public static ChainVerification Verify(IReadOnlyList<(AuditEntry Entry, string DataJson)> rows)
    {
        var chain = AuditChain.Verify(rows.Select(r => r.Entry));
        var index = rows.ToList().FindIndex(r => DataHashOf(r.DataJson) != r.Entry.DataHash);
        if (index < 0) return chain;
        var sequence = rows[index].Entry.Sequence;
        if (chain.FirstBrokenSequence is { } broken && broken <= sequence) return chain;
        return new ChainVerification(false, sequence,
            $"第 {sequence} 条记录的数据被修改 (entry {sequence}'s data was edited: it does not match its data hash)", index + 1);
    }

    /// <summary>The hash <see cref="AuditChain.HashData"/> gave the data DataJson was written from.</summary>
    public static string DataHashOf(string dataJson) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(dataJson)));
}
