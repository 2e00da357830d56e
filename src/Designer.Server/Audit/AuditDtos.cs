using System.Text.Json;
using System.Text.Json.Nodes;
using Designer.Engine.Diff;
using Designer.Persistence.Entities;

namespace Designer.Server.Audit;

/// <summary>One entry of the audit trail with its place in the hash chain.</summary>
public sealed record AuditTrailEntry(
    long Sequence, DateTimeOffset Timestamp, string Actor, string Kind, string Subject, string Locality, string Summary, JsonNode? Data,
    string DataHash, string PreviousHash, string Hash);

/// <summary>An entry with whether the chain is intact up to and including it.</summary>
public sealed record CheckedAuditEntry(
    long Sequence, DateTimeOffset Timestamp, string Actor, string Kind, string Subject, string Locality, string Summary, JsonNode? Data,
    string DataHash, string PreviousHash, string Hash, bool Verified)
{
    /// <summary>The actor's display name and organisation where the page names people (the journal); Actor stays the user name.</summary>
    public string? ActorName { get; init; }
    public string? ActorOrg { get; init; }
    /// <summary>The committee session a vote entry names (its data's comment "评审会 &lt;id&gt;"), by committee and date.</summary>
    public string? SessionName { get; init; }
}

/// <summary>How much a diff changed, counted by kind.</summary>
public sealed record DiffCounts(
    int Definition, int ActivitiesAdded, int ActivitiesRemoved, int ActivitiesChanged, int ActivitiesMoved, int Connections, int Variables, int FormFields)
{
    public static DiffCounts Of(WorkflowDiff diff) => DiffSummary.Counts(diff).Deserialize<DiffCounts>(ApiJson.Options)!;
}

public static class AuditDtos
{
    public static AuditTrailEntry Entry(AuditRecord r) => new(
        r.Sequence, r.ToEntry().Timestamp, r.Actor, r.Kind, r.Subject, r.Locality, r.Summary, Parse(r.DataJson), r.DataHash, r.PreviousHash, r.Hash);

    public static CheckedAuditEntry Entry(AuditRecord r, Engine.Audit.ChainVerification verification) => new(
        r.Sequence, r.ToEntry().Timestamp, r.Actor, r.Kind, r.Subject, r.Locality, r.Summary, Parse(r.DataJson), r.DataHash, r.PreviousHash, r.Hash,
        verification.FirstBrokenSequence is not { } broken || r.Sequence < broken);

    /// <summary>Stored data that no longer parses (edited by hand) is shown as the text it is.</summary>
    private static JsonNode? Parse(string json)
    {
        try { return JsonNode.Parse(json); }
        catch (JsonException) { return JsonValue.Create(json); }
    }
}

/// <summary>A diff as the API shows it: in words (summary), in numbers, in full, and as text.</summary>
public sealed record DiffOverview(bool HasSemanticChanges, bool HasLayoutChanges, string Summary, DiffCounts Counts, WorkflowDiff Diff, string Text)
{
    public static DiffOverview Of(WorkflowDiff diff) =>
        new(diff.HasSemanticChanges, diff.HasLayoutChanges, DiffSummary.Describe(diff), DiffCounts.Of(diff), diff, DiffText.Render(diff));
}
