using Microsoft.EntityFrameworkCore;

namespace Designer.Server.Hosting;

/// <summary>One page of a list: the fixed list shape integrators read (`{items,total,page,pageSize}`, pageSize ≤ 200).</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

public static class Paging
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>The page asked for (1 when absent), counted and read in the query's order; a size outside 1…200 is a 422.</summary>
    public static async Task<Paged<TOut>> PageAsync<TIn, TOut>(this IQueryable<TIn> ordered, int? page, int? pageSize, Func<TIn, TOut> map)
    {
        var (number, size) = Checked(page, pageSize);
        var total = await ordered.CountAsync();
        var items = await ordered.Skip((number - 1) * size).Take(size).ToListAsync();
        return new Paged<TOut>(items.Select(map).ToList(), total, number, size);
    }

    /// <summary>
    /// The same in two steps for large tables: the page's keys first (counted and skipped in an index that holds the
    /// filter and order columns, no row read), then only the page's rows, put back in the keys' order.
    /// </summary>
    public static async Task<Paged<TIn>> PageByIdAsync<TIn>(this IQueryable<TIn> ordered, int? page, int? pageSize,
        System.Linq.Expressions.Expression<Func<TIn, string>> key, Func<List<string>, Task<List<TIn>>> load, Func<TIn, string> keyOf)
    {
        var (number, size) = Checked(page, pageSize);
        var total = await ordered.CountAsync();
        var keys = await ordered.Skip((number - 1) * size).Take(size).Select(key).ToListAsync();
        var rows = keys.Count == 0 ? [] : (await load(keys)).ToDictionary(keyOf);
        return new Paged<TIn>(keys.Where(rows.ContainsKey).Select(k => rows[k]).ToList(), total, number, size);
    }

    /// <summary>The same for a list already in memory (filtered by rules a database query cannot express).</summary>
    public static Paged<TOut> Page<TIn, TOut>(this IEnumerable<TIn> ordered, int? page, int? pageSize, Func<TIn, TOut> map)
    {
        var (number, size) = Checked(page, pageSize);
        var all = ordered as IReadOnlyList<TIn> ?? ordered.ToList();
        return new Paged<TOut>(all.Skip((number - 1) * size).Take(size).Select(map).ToList(), all.Count, number, size);
    }

    /// <summary>
    /// The page number (1 when absent or below 1) and size (50 when absent). A size over 200 is refused rather than cut
    /// short, so that a caller reading "all" in one request learns it must page.
    /// </summary>
    public static (int Page, int PageSize) Checked(int? page, int? pageSize)
    {
        if (pageSize is < 1 or > MaxPageSize)
            throw new ApiProblemException(Problems.Invalid("$.pageSize", $"每页条数须在 1 到 {MaxPageSize} 之间 (pageSize is 1 to {MaxPageSize})"));
        return (Math.Max(page ?? 1, 1), pageSize ?? DefaultPageSize);
    }
}
