using Designer.Engine.Runtime;
using Designer.Persistence.Entities;

namespace Designer.Persistence;

/// <summary>
/// Unit posts kept in the database. A unit without a quota row for the kind and level is not limited (quotas are
/// configured per unit by the HR bureau; none configured means none enforced). Changes are saved with the
/// application that caused them, in the same unit of work.
/// </summary>
public sealed class DbQuotaLedger(DesignerDbContext db) : IQuotaLedger
{
    public bool TryReserve(string unit, string postKind, string level, string instanceId)
    {
        if (Reservations(unit, postKind, level).Any(r => r.InstanceId == instanceId)) return true;
        var quota = Quota(unit, postKind, level);
        if (quota is not null && Reservations(unit, postKind, level).Count() >= quota.Posts) return false;
        if (quota is not null) quota.Revision++;
        db.QuotaReservations.Add(new QuotaReservationRecord { Unit = unit, PostKind = postKind, Level = level, InstanceId = instanceId });
        return true;
    }

    public bool IsFiled(string unit, string postKind, string level) =>
        Quota(unit, postKind, level) is not { } quota || quota.Status == QuotaStatuses.Filed;

    public void Release(string unit, string postKind, string level, string instanceId)
    {
        foreach (var reservation in Reservations(unit, postKind, level).Where(r => r.InstanceId == instanceId))
        {
            db.QuotaReservations.Remove(reservation);
            if (Quota(unit, postKind, level) is { } quota) quota.Revision++;
        }
    }

    private QuotaRecord? Quota(string unit, string postKind, string level) =>
        db.Quotas.FirstOrDefault(q => q.Unit == unit && q.PostKind == postKind && q.Level == level);

    /// <summary>Saved reservations plus those added in this unit of work, less those removed in it.</summary>
    private IEnumerable<QuotaReservationRecord> Reservations(string unit, string postKind, string level) =>
        db.QuotaReservations.Where(r => r.Unit == unit && r.PostKind == postKind && r.Level == level).ToList()
            .Concat(db.ChangeTracker.Entries<QuotaReservationRecord>()
                .Where(e => e.State == Microsoft.EntityFrameworkCore.EntityState.Added).Select(e => e.Entity)
                .Where(r => r.Unit == unit && r.PostKind == postKind && r.Level == level))
            .Where(r => db.Entry(r).State != Microsoft.EntityFrameworkCore.EntityState.Deleted)
            .Distinct();
}
