using System.Linq.Expressions;
using Designer.Persistence;
using Designer.Persistence.Entities;
using Designer.Server.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.Tasks;

/// <summary>
/// One page of an inbox in the inbox order (soonest due first, undated last, then oldest first, then id), found without
/// sorting every match. Each part of <see cref="TaskFilters.ReadableParts"/> is an equality on the leading columns of an
/// inbox index that continues with (DueDate, CreatedAt, Id), so it comes in order from its index; the parts are read as
/// one UNION ALL with the order on the compound, which SQLite merges (MERGE (UNION ALL), no temporary B-tree) and
/// PostgreSQL appends in order. Dated and undated tasks are two such unions: SQLite puts NULL first, so one union
/// ordered by COALESCE(DueDate, …) would need a sort. Then only the page's rows are read, as before.
/// </summary>
public static class InboxPage
{
    public static async Task<Paged<TaskRecord>> ReadAsync(DesignerDbContext db, IQueryable<TaskRecord> filtered,
        IReadOnlyList<Expression<Func<TaskRecord, bool>>> parts, int? page, int? pageSize)
    {
        var (number, size) = Paging.Checked(page, pageSize);
        var (dated, undated) = (Dated(filtered, parts), Undated(filtered, parts));
        var datedCount = await dated.CountAsync();
        var undatedCount = await undated.CountAsync();

        var offset = (number - 1) * size;
        var keys = new List<string>(size);
        if (offset < datedCount)
            keys.AddRange((await dated.Skip(offset).Take(size).ToListAsync()).Select(k => k.Id));
        if (keys.Count < size && undatedCount > 0)
            keys.AddRange((await undated.Skip(Math.Max(0, offset - datedCount)).Take(size - keys.Count).ToListAsync()).Select(k => k.Id));

        var rows = keys.Count == 0 ? [] : await db.Tasks.AsNoTracking().Where(t => keys.Contains(t.Id)).ToDictionaryAsync(t => t.Id);
        return new Paged<TaskRecord>(keys.Where(rows.ContainsKey).Select(k => rows[k]).ToList(), datedCount + undatedCount, number, size);
    }

    /// <summary>The dated tasks' keys, soonest due first.</summary>
    internal static IOrderedQueryable<InboxKey> Dated(IQueryable<TaskRecord> filtered, IReadOnlyList<Expression<Func<TaskRecord, bool>>> parts) =>
        Union(parts.Select(part => filtered.Where(part).Where(t => t.DueDate != null)))
            .OrderBy(k => k.DueDate).ThenBy(k => k.CreatedAt).ThenBy(k => k.Id);

    /// <summary>The undated tasks' keys, oldest first.</summary>
    internal static IOrderedQueryable<InboxKey> Undated(IQueryable<TaskRecord> filtered, IReadOnlyList<Expression<Func<TaskRecord, bool>>> parts) =>
        Union(parts.Select(part => filtered.Where(part).Where(t => t.DueDate == null))).OrderBy(k => k.CreatedAt).ThenBy(k => k.Id);

    /// <summary>
    /// The parts' sort keys as one UNION ALL. Only the keys are selected (all of them columns of the inbox indexes), so
    /// each part is read from its index alone, and the outer query selects every column of the union, which lets SQLite
    /// fold the outer ORDER BY into the compound (a merge) instead of sorting its result.
    /// </summary>
    private static IQueryable<InboxKey> Union(IEnumerable<IQueryable<TaskRecord>> parts) =>
        parts.Select(part => part.Select(t => new InboxKey { DueDate = t.DueDate, CreatedAt = t.CreatedAt, Id = t.Id }))
            .Aggregate((all, next) => all.Concat(next));

    internal sealed class InboxKey
    {
        public string? DueDate { get; init; }
        public DateTime CreatedAt { get; init; }
        public string Id { get; init; } = "";
    }
}
