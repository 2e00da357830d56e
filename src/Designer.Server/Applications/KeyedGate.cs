using Designer.Server.Hosting;

namespace Designer.Server.Applications;

/// <summary>
/// One in-process queue per key (a session, an application): callers with the same key run one after another, callers
/// with different keys do not wait for each other. Gates of keys nobody holds are dropped, so the map stays small.
/// Whoever is first in the queue then takes the key's lock across nodes (INodeLocks: none on SQLite).
/// </summary>
public sealed class KeyedGate(string scope, INodeLocks nodes)
{
    private readonly Dictionary<string, Entry> _gates = new(StringComparer.Ordinal);

    private sealed class Entry
    {
        public readonly SemaphoreSlim Semaphore = new(1, 1);
        public int Users;
    }

    public async Task<IDisposable> EnterAsync(string key, CancellationToken cancellationToken = default)
    {
        Entry entry;
        lock (_gates)
        {
            if (!_gates.TryGetValue(key, out entry!)) _gates[key] = entry = new Entry();
            entry.Users++;
        }
        try { await entry.Semaphore.WaitAsync(cancellationToken); }
        catch
        {
            Leave(key, entry, release: false);
            throw;
        }
        IDisposable? acrossNodes;
        try { acrossNodes = await nodes.AcquireAsync($"designer:{scope}:{key}", cancellationToken); }
        catch
        {
            Leave(key, entry, release: true);
            throw;
        }
        return new Lease(this, key, entry, acrossNodes);
    }

    private void Leave(string key, Entry entry, bool release, IDisposable? acrossNodes = null)
    {
        acrossNodes?.Dispose();
        if (release) entry.Semaphore.Release();
        lock (_gates)
            if (--entry.Users == 0) _gates.Remove(key);
    }

    private sealed class Lease(KeyedGate gate, string key, Entry entry, IDisposable? acrossNodes) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) gate.Leave(key, entry, release: true, acrossNodes);
        }
    }
}

/// <summary>One queue per application for writers that must not refuse each other (public objections, committee resumes).</summary>
public sealed class ApplicationGates(INodeLocks nodes)
{
    public KeyedGate Gate { get; } = new("application", nodes);
}
