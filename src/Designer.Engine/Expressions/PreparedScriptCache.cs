using System.Collections.Concurrent;

namespace Designer.Engine.Expressions;

/// <summary>
/// Each distinct script text is parsed once. A definition version never changes, so its scripts — keyed by their
/// text — stay prepared for as long as it runs; a prepared script is immutable and shared by every thread.
/// Bounded: past <see cref="Capacity"/> entries (ad-hoc scripts from simulations and tests) the cache starts over.
/// </summary>
internal sealed class PreparedScriptCache
{
    public const int Capacity = 4096;
    private readonly ConcurrentDictionary<string, PreparedScript> _scripts = new(StringComparer.Ordinal);

    public PreparedScript Get(string script)
    {
        if (_scripts.TryGetValue(script, out var prepared)) return prepared;
        prepared = ScriptSource.Prepare(script);
        if (_scripts.Count >= Capacity) _scripts.Clear();
        _scripts.TryAdd(script, prepared);
        return prepared;
    }
}
