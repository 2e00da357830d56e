using System.ComponentModel.DataAnnotations.Schema;
using Designer.Engine.Audit;
using Microsoft.EntityFrameworkCore;

namespace Designer.Persistence.Entities;

/// <summary>
/// One row of the append-only audit trail. Sequence, PreviousHash and Hash come from <see cref="AuditChain.Append"/>
/// when the row is saved (the server's audit interceptor assigns them under the database's write lock); DataJson is
/// the entry's data as hashed into DataHash. Rows are never updated or deleted.
/// </summary>
[Index(nameof(Sequence), IsUnique = true)]
[Index(nameof(Subject))]
[Index(nameof(Kind))]
[Index(nameof(Locality))]
public sealed class AuditRecord
{
    public long Id { get; set; }
    public long Sequence { get; set; }
    /// <summary>UTC.</summary>
    public DateTime Timestamp { get; set; }
    public string Actor { get; set; } = "";
    /// <summary>"workflow.publish", "form.save-draft", "application.act", …</summary>
    public string Kind { get; set; } = "";
    /// <summary>"workflow/&lt;definitionId&gt;/v&lt;version&gt;", "form/&lt;formId&gt;/v&lt;version&gt;", "application/&lt;id&gt;".</summary>
    public string Subject { get; set; } = "";
    /// <summary>The locality the subject belongs to ("" for shared forms), for filtering.</summary>
    public string Locality { get; set; } = "";
    public string Summary { get; set; } = "";
    public string DataJson { get; set; } = "null";
    public string DataHash { get; set; } = "";
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";

    /// <summary>Order in which unsaved rows were recorded in one unit of work (they are chained in this order).</summary>
    [NotMapped]
    public long RecordedOrder { get; set; }

    public AuditEntry ToEntry() => new(Sequence, new DateTimeOffset(DateTime.SpecifyKind(Timestamp, DateTimeKind.Utc)), Actor, Kind, Subject,
        Summary, DataHash, PreviousHash, Hash);
}

/// <summary>Stored rows checked by <see cref="AuditTrailVerification"/>.</summary>
public static class AuditRecordVerification
{
    /// <summary>Rows in Sequence order, from the chain's start or from a verified point.</summary>
    public static ChainVerification Verify(IEnumerable<AuditRecord> rows, ChainPoint? after = null) =>
        AuditTrailVerification.Verify(rows.Select(r => (r.ToEntry(), r.DataJson)), after);
}
