using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Designer.Engine.Model;

namespace Designer.Engine.Audit;

/// <summary>
/// One entry of the tamper-evident trail: who did what to which subject, when, a hash of the data, and a hash chaining
/// it to the entry before. Editing, reordering or deleting any entry breaks the chain from that entry on.
/// </summary>
public sealed record AuditEntry(
    long Sequence, DateTimeOffset Timestamp, string Actor, string Kind, string Subject, string Summary, string DataHash, string PreviousHash, string Hash);

public sealed record ChainVerification(bool Intact, long? FirstBrokenSequence, string Message, int EntriesChecked);

public static class AuditChain
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string HashData(JsonNode? data) => Sha256(JsonText.Write(data, indented: false));

    public static AuditEntry Append(AuditEntry? previous, DateTimeOffset timestamp, string actor, string kind, string subject, string summary, JsonNode? data)
    {
        var sequence = (previous?.Sequence ?? 0) + 1;
        var previousHash = previous?.Hash ?? GenesisHash;
        var dataHash = HashData(data);
        return new AuditEntry(sequence, timestamp, actor, kind, subject, summary, dataHash, previousHash,
            EntryHash(sequence, timestamp, actor, kind, subject, summary, dataHash, previousHash));
    }

    /// <summary>Checks the entries in the order given (the order they are stored) and names the first broken one.</summary>
    public static ChainVerification Verify(IEnumerable<AuditEntry> entries, ChainPoint? after = null)
    {
        var verifier = new TrailVerifier(after);
        foreach (var entry in entries)
            if (!verifier.Add(entry)) break;
        return verifier.Result;
    }

    /// <summary>Whether the entry's hash is still the hash of its content (an edit without rewriting the hash shows here).</summary>
    public static bool HashMatches(AuditEntry entry) =>
        EntryHash(entry.Sequence, entry.Timestamp, entry.Actor, entry.Kind, entry.Subject, entry.Summary, entry.DataHash, entry.PreviousHash) == entry.Hash;

    private static string EntryHash(long sequence, DateTimeOffset timestamp, string actor, string kind, string subject, string summary, string dataHash, string previousHash) =>
        Sha256(string.Join('\u001f', sequence, timestamp.ToUniversalTime().ToString("O"), actor, kind, subject, summary, dataHash, previousHash));

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
