using Designer.Engine.Audit;
using Designer.Engine.Runtime;
using Designer.Persistence;
using Designer.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.Audit;

/// <summary>
/// What this server process knows of the audit chain between requests: a checkpoint (the last entry a verification
/// reached intact, by sequence and hash) and the last break found. Kept in memory, never in the database an editor
/// could reach: a process starts with none, and its first journal (or the auditor's full verification) verifies the
/// whole chain once, streaming it.
///
/// The journal then checks only what could have changed since: every entry after the checkpoint (the chain onward from
/// it: an edit, a deletion or a reordering there is named), the checkpoint's own entry, and each of the application's
/// own entries before it (content, data and the link to the next entry). An edit to another subject's entry before
/// the checkpoint is what only the full verification catches (GET /api/audit/verify, `designer audit verify --db`);
/// once any verification found a break, every journal reports it until a full verification finds the chain intact.
/// </summary>
public sealed class AuditChainWatch(IClock clock)
{
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _full = new(1, 1);
    private ChainPoint? _checkpoint;
    private ChainVerification? _broken;
    private DateTimeOffset? _lastFull;

    /// <summary>The checkpoint journals verify from (null until this process verified the chain once).</summary>
    public ChainPoint? Checkpoint
    {
        get { lock (_gate) return _checkpoint; }
    }

    /// <summary>Every entry from the first, streamed; the verdict becomes the journals' too.</summary>
    public async Task<ChainVerification> VerifyAllAsync(DesignerDbContext db, CancellationToken cancellationToken = default)
    {
        await _full.WaitAsync(cancellationToken);
        try
        {
            var verifier = new TrailVerifier();
            await foreach (var row in db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
                if (!verifier.Add(row.ToEntry(), row.DataJson)) break;
            var verdict = verifier.Result;
            lock (_gate)
            {
                _lastFull = clock.Now;
                _broken = verdict.Intact ? null : verdict;
                Advance(verifier.Reached);
            }
            return verdict;
        }
        finally { _full.Release(); }
    }

    /// <summary>
    /// The verdict on an application's journal: its own entries (<paramref name="own"/>, read before this is called) and
    /// the chain from the checkpoint to the tail.
    /// </summary>
    public async Task<ChainVerification> VerifyJournalAsync(DesignerDbContext db, IReadOnlyList<AuditRecord> own, CancellationToken cancellationToken = default)
    {
        if (Checkpoint is null)
        {
            await _full.WaitAsync(cancellationToken); // a journal arriving while another establishes the checkpoint waits for it
            _full.Release();
            if (Checkpoint is null && await VerifyAllAsync(db, cancellationToken) is { Intact: false } first) return first;
        }
        ChainPoint checkpoint;
        lock (_gate)
        {
            if (_broken is not null) return _broken;
            checkpoint = _checkpoint!;
        }
        var onward = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence > checkpoint.Sequence).OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        var chain = AuditRecordVerification.Verify(onward, checkpoint);
        var earlier = own.Where(r => r.Sequence < checkpoint.Sequence).ToList();
        var anchored = await AnchoredAsync(db, earlier, checkpoint, cancellationToken);
        var checkedCount = chain.EntriesChecked + earlier.Count + (checkpoint.Sequence > 0 ? 1 : 0);
        var verdict = new[] { chain, anchored }.Where(v => !v.Intact).MinBy(v => v.FirstBrokenSequence)
            ?? new ChainVerification(true, null,
                $"本申报的 {own.Count} 条记录完整，检查点第 {checkpoint.Sequence} 条之后的 {onward.Count} 条记录衔接完整；全链上次完整校验于 {LastFull:yyyy-MM-dd HH:mm} " +
                $"(this application's {own.Count} entries are intact, and so are the {onward.Count} entries after checkpoint #{checkpoint.Sequence}; " +
                $"the whole chain was last verified at {LastFull:O})",
                checkedCount);
        lock (_gate)
        {
            if (verdict.Intact) Advance(onward.Count > 0 ? new ChainPoint(onward[^1].Sequence, onward[^1].Hash) : checkpoint);
            else _broken ??= verdict;
        }
        return verdict with { EntriesChecked = checkedCount };
    }

    private DateTimeOffset? LastFull
    {
        get { lock (_gate) return _lastFull; }
    }

    /// <summary>
    /// Entries before the checkpoint, each checked by itself: its content and data against its hashes, and the next
    /// entry's link to it (so a rewritten hash shows too). The checkpoint's own entry must still carry the checkpoint's hash.
    /// </summary>
    private static async Task<ChainVerification> AnchoredAsync(DesignerDbContext db, List<AuditRecord> earlier, ChainPoint checkpoint, CancellationToken cancellationToken)
    {
        if (checkpoint.Sequence == 0) return Intact;
        var next = earlier.Select(r => r.Sequence + 1).Distinct().ToList();
        var linkOf = await db.AuditEntries.AsNoTracking().Where(e => next.Contains(e.Sequence))
            .ToDictionaryAsync(e => e.Sequence, e => e.PreviousHash, cancellationToken);
        var anchor = await db.AuditEntries.AsNoTracking().FirstOrDefaultAsync(e => e.Sequence == checkpoint.Sequence, cancellationToken);
        var problems = new List<(long Sequence, string Message)>();
        if (anchor is null || anchor.Hash != checkpoint.Hash)
            problems.Add((checkpoint.Sequence, anchor is null
                ? $"第 {checkpoint.Sequence} 条记录缺失 (entry {checkpoint.Sequence} is missing)"
                : $"第 {checkpoint.Sequence} 条记录内容被修改 (entry {checkpoint.Sequence} was edited: its hash is not the one verified)"));
        foreach (var row in anchor is null ? earlier : earlier.Append(anchor))
        {
            var s = row.Sequence;
            if (!AuditChain.HashMatches(row.ToEntry()))
                problems.Add((s, $"第 {s} 条记录内容被修改 (entry {s} was edited: its hash does not match)"));
            else if (AuditTrailVerification.DataHashOf(row.DataJson) != row.DataHash)
                problems.Add((s, $"第 {s} 条记录的数据被修改 (entry {s}'s data was edited: it does not match its data hash)"));
            else if (s < checkpoint.Sequence && !linkOf.ContainsKey(s + 1))
                problems.Add((s + 1, $"第 {s + 1} 条记录缺失 (entry {s + 1} is missing)"));
            else if (s < checkpoint.Sequence && linkOf[s + 1] != row.Hash)
                problems.Add((s + 1, $"第 {s + 1} 条记录与前一条不衔接 (entry {s + 1} does not chain to the entry before it)"));
        }
        if (problems.Count == 0) return Intact;
        var (sequence, message) = problems.MinBy(p => p.Sequence);
        return new ChainVerification(false, sequence, message, earlier.Count);
    }

    private static readonly ChainVerification Intact = new(true, null, "", 0);

    private void Advance(ChainPoint reached)
    {
        if (_checkpoint is null || reached.Sequence > _checkpoint.Sequence) _checkpoint = reached;
    }
}
