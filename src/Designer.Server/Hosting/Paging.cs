using Microsoft.EntityFrameworkCore;

namespace Designer.Server.Hosting;

/// <summary>One page of a list: the fixed list shape integrators read (`{items,total,page,pageSize}`, pageSize ≤ 200).</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

public static class Paging
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>The page asked for (1 when absent or below 1; the size clamped to 1…200), counted and read in the query's order.</summary>
    public static async Task<Paged<TOut>> PageAsync<TIn, TOut>(this IQueryable<TIn> ordered, int? page, int? pageSize, Func<TIn, TOut> map)
    {
        var size = Math.Clamp(pageSize ?? DefaultPageSize, 1, MaxPageSize);
        var number = Math.Max(page ?? 1, 1);
        var total = await ordered.CountAsync();
        var items = await ordered.Skip((number - 1) * size).Take(size).ToListAsync();
        return new Paged<TOut>(items.Select(map).ToList(), total, number, size);
    }

    /// <summary>The same for a list already in memory (filtered by rules a database query cannot express).</summary>
    public static Paged<TOut> Page<TIn, TOut>(this IEnumerable<TIn> ordered, int? page, int? pageSize, Func<TIn, TOut> map)
    {
        var size = Math.Clamp(pageSize ?? DefaultPageSize, 1, MaxPageSize);
        var number = Math.Max(page ?? 1, 1);
        var all = ordered as IReadOnlyList<TIn> ?? ordered.ToList();
        return new Paged<TOut>(all.Skip((number - 1) * size).Take(size).Select(map).ToList(), all.Count, number, size);
    }
}
