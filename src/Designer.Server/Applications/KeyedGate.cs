namespace Designer.Server.Applications;

/// <summary>
/// One in-process queue per key (a session, an application): callers with the same key run one after another, callers
/// with different keys do not wait for each other. Gates of keys nobody holds are dropped, so the map stays small.
/// </summary>
public sealed class KeyedGate
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
        return new Lease(this, key, entry);
    }

    private void Leave(string key, Entry entry, bool release)
    {
        if (release) entry.Semaphore.Release();
        lock (_gates)
            if (--entry.Users == 0) _gates.Remove(key);
    }

    private sealed class Lease(KeyedGate gate, string key, Entry entry) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) gate.Leave(key, entry, release: true);
        }
    }
}

/// <summary>One queue per application for writers that must not refuse each other (public objections, committee resumes).</summary>
public sealed class ApplicationGates
{
    public KeyedGate Gate { get; } = new();
}
