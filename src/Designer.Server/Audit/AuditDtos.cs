using System.Text.Json.Nodes;
using Designer.Persistence.Entities;

namespace Designer.Server.Audit;

public static class AuditDtos
{
    public static object Entry(AuditRecord r) => new
    {
        sequence = r.Sequence,
        timestamp = r.ToEntry().Timestamp,
        actor = r.Actor,
        kind = r.Kind,
        subject = r.Subject,
        locality = r.Locality,
        summary = r.Summary,
        data = Parse(r.DataJson),
        dataHash = r.DataHash,
        previousHash = r.PreviousHash,
        hash = r.Hash,
    };

    /// <summary>An entry with whether the chain is intact up to and including it.</summary>
    public static object Entry(AuditRecord r, Engine.Audit.ChainVerification verification) => new
    {
        sequence = r.Sequence, timestamp = r.ToEntry().Timestamp, actor = r.Actor, kind = r.Kind, subject = r.Subject, locality = r.Locality,
        summary = r.Summary, data = Parse(r.DataJson), dataHash = r.DataHash, previousHash = r.PreviousHash, hash = r.Hash,
        verified = verification.FirstBrokenSequence is not { } broken || r.Sequence < broken,
    };

    public static object Verification(Engine.Audit.ChainVerification v) => new
    {
        intact = v.Intact, firstBrokenSequence = v.FirstBrokenSequence, message = v.Message, entriesChecked = v.EntriesChecked,
    };

    /// <summary>Stored data that no longer parses (edited by hand) is shown as the text it is.</summary>
    private static JsonNode? Parse(string json)
    {
        try { return JsonNode.Parse(json); }
        catch (System.Text.Json.JsonException) { return JsonValue.Create(json); }
    }
}
