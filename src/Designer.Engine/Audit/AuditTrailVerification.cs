using System.Security.Cryptography;
using System.Text;

namespace Designer.Engine.Audit;

/// <summary>A verified place in the chain: the entry at Sequence, whose hash was Hash (Sequence 0: before the first entry).</summary>
public sealed record ChainPoint(long Sequence, string Hash)
{
    public static readonly ChainPoint Start = new(0, AuditChain.GenesisHash);
}

/// <summary>
/// Checks stored audit rows: the hash chain (<see cref="AuditChain.Verify"/>) and that each row's data still matches its
/// DataHash. The server's GET /api/audit/verify and journal (through the persistence layer's AuditRecordVerification)
/// and `designer audit verify --db` all use it, so they give the same verdict and messages.
/// </summary>
public static class AuditTrailVerification
{
    /// <summary>Rows in Sequence order; names the first edited, reordered or deleted one, by the chain or by its data.</summary>
    public static ChainVerification Verify(IEnumerable<(AuditEntry Entry, string DataJson)> rows, ChainPoint? after = null)
    {
        var verifier = new TrailVerifier(after);
        foreach (var (entry, dataJson) in rows)
            if (!verifier.Add(entry, dataJson)) break;
        return verifier.Result;
    }

    /// <summary>The hash <see cref="AuditChain.HashData"/> gave the data DataJson was written from.</summary>
    public static string DataHashOf(string dataJson) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(dataJson)));
}

/// <summary>
/// Checks entries one at a time, in the order stored, from a verified point (the chain's start unless given): each must
/// follow the one before (sequence and previous hash), its hash must match its content and, when given, its data must
/// match its data hash. Holds nothing but the last entry's place, so a whole trail can be streamed through it.
/// </summary>
public sealed class TrailVerifier(ChainPoint? after = null)
{
    private ChainPoint _last = after ?? ChainPoint.Start;
    private int _count;
    private ChainVerification? _broken;

    /// <summary>The last entry checked intact (the starting point while none was).</summary>
    public ChainPoint Reached => _last;

    /// <summary>False once an entry broke the chain: later entries are not looked at.</summary>
    public bool Add(AuditEntry entry, string? dataJson = null)
    {
        if (_broken is not null) return false;
        _count++;
        var expected = _last.Sequence + 1;
        if (entry.Sequence != expected)
            return Broken(entry.Sequence, entry.Sequence > expected
                ? $"第 {expected} 条到第 {entry.Sequence - 1} 条记录缺失 (entries {expected}..{entry.Sequence - 1} are missing)"
                : $"第 {entry.Sequence} 条记录顺序被改动 (entry {entry.Sequence} is out of order; expected {expected})");
        if (entry.PreviousHash != _last.Hash)
            return Broken(entry.Sequence, $"第 {entry.Sequence} 条记录与前一条不衔接 (entry {entry.Sequence} does not chain to the entry before it)");
        if (!AuditChain.HashMatches(entry))
            return Broken(entry.Sequence, $"第 {entry.Sequence} 条记录内容被修改 (entry {entry.Sequence} was edited: its hash does not match)");
        if (dataJson is not null && AuditTrailVerification.DataHashOf(dataJson) != entry.DataHash)
            return Broken(entry.Sequence, $"第 {entry.Sequence} 条记录的数据被修改 (entry {entry.Sequence}'s data was edited: it does not match its data hash)");
        _last = new ChainPoint(entry.Sequence, entry.Hash);
        return true;
    }

    public ChainVerification Result => _broken ?? new ChainVerification(true, null, $"审计链完整，共 {_count} 条 (chain intact: {_count} entries)", _count);

    private bool Broken(long sequence, string message)
    {
        _broken = new ChainVerification(false, sequence, message, _count);
        return false;
    }
}
