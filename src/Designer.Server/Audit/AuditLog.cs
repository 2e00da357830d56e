using System.Text.Json.Nodes;
using Designer.Engine.Model;
using Designer.Persistence;
using Designer.Persistence.Entities;

namespace Designer.Server.Audit;

/// <summary>
/// Records audit entries in the current unit of work: each is saved by the same SaveChanges as the change it records,
/// and chained (sequence, hashes, timestamp) by <see cref="AuditChainInterceptor"/> at that moment.
/// </summary>
public sealed class AuditLog(DesignerDbContext db)
{
    private static long _recorded;

    public void Record(string actor, string kind, string subject, string locality, string summary, JsonNode? data) =>
        db.AuditEntries.Add(new AuditRecord
        {
            Actor = actor, Kind = kind, Subject = subject, Locality = locality, Summary = summary,
            DataJson = JsonText.Write(data, indented: false), RecordedOrder = Interlocked.Increment(ref _recorded),
        });
}
