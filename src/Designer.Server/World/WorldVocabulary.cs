using Designer.Engine.Domain;
using Designer.Persistence;
using Designer.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.World;

/// <summary>
/// The database copy of the vocabulary and localities as one immutable <see cref="VocabularySet"/>: read at start
/// and again after every write (the version stamp changes), so the validator, simulator and catalog see a new code
/// at once without reading the tables on every request.
/// </summary>
public sealed class WorldVocabulary
{
    private VocabularySet _current = VocabularySet.Empty;
    private long _version;

    public VocabularySet Current => _current;

    /// <summary>Adds the codes of workflows/world/ that the database does not hold yet; edits made in the database stay.</summary>
    public async Task SeedAsync(DesignerDbContext db, string worldFolder)
    {
        var files = VocabularySet.Load(worldFolder);
        var known = (await db.VocabularyEntries.Select(v => new { v.Kind, v.Code }).ToListAsync()).Select(v => (v.Kind, v.Code)).ToHashSet();
        foreach (var kind in VocabularySet.Kinds)
            foreach (var entry in files.List(kind).Values.Where(e => !known.Contains((kind, e.Code))))
                db.VocabularyEntries.Add(new VocabularyEntryRecord { Kind = kind, Code = entry.Code, Name = entry.Name, NameEn = entry.NameEn });
        var localities = await db.Localities.Include(l => l.Counties).ToDictionaryAsync(l => l.Code);
        foreach (var locality in files.Localities.Values)
        {
            if (!localities.TryGetValue(locality.Code, out var record))
            {
                record = new LocalityRecord { Code = locality.Code, Name = locality.Name, NameEn = locality.NameEn, Parent = locality.Parent };
                db.Localities.Add(record);
            }
            foreach (var county in locality.Counties.Where(c => record.Counties.All(k => k.Code != c.Code)))
                record.Counties.Add(new CountyRecord { Locality = locality.Code, Code = county.Code, Name = county.Name });
        }
        await db.SaveChangesAsync();
        await RefreshAsync(db);
    }

    /// <summary>Reads the tables again; called after each write.</summary>
    public async Task RefreshAsync(DesignerDbContext db)
    {
        var entries = await db.VocabularyEntries.AsNoTracking().OrderBy(v => v.Kind).ThenBy(v => v.Code).ToListAsync();
        var localities = await db.Localities.AsNoTracking().Include(l => l.Counties).OrderBy(l => l.Code).ToListAsync();
        var version = Interlocked.Increment(ref _version);
        _current = new VocabularySet(
            localities.Select(l => new LocalityEntry(l.Code, l.Name, l.NameEn, l.Parent,
                l.Counties.OrderBy(c => c.Code).Select(c => new VocabularyEntry(c.Code, c.Name)).ToList())),
            entries.GroupBy(e => e.Kind).ToDictionary(g => g.Key,
                g => (IReadOnlyList<VocabularyEntry>)g.Select(e => new VocabularyEntry(e.Code, e.Name, e.NameEn)).ToList()),
            version.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

public static class WorldVocabularyExtensions
{
    /// <summary>The vocabulary as the request sees it (for the names of stages and actions in answers).</summary>
    public static VocabularySet Vocabulary(this HttpContext context) => context.RequestServices.GetRequiredService<WorldVocabulary>().Current;
}
