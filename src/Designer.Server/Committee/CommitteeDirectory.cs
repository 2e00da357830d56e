using Designer.Engine.Committees;
using Designer.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.Committee;

/// <summary>
/// The committees as the engine sees them (validator and vote steps), read from the database at start and after
/// every committee write. The engine gets this snapshot as data, never the database.
/// </summary>
public sealed class CommitteeDirectory : ICommitteeCatalog
{
    private volatile IReadOnlyDictionary<string, CommitteeInfo> _committees = new Dictionary<string, CommitteeInfo>();

    public CommitteeInfo? Find(string id) => _committees.GetValueOrDefault(id);

    public async Task ReloadAsync(DesignerDbContext db)
    {
        var rows = await db.Committees.AsNoTracking().ToListAsync();
        _committees = rows.Select(CommitteeRegistryDtos.Info).ToDictionary(c => c.Id, StringComparer.Ordinal);
    }
}
