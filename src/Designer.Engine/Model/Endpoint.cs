namespace Designer.Engine.Model;

public sealed record Endpoint(string Activity, string Port);

/// <summary>
/// A connection between two activities of one flowchart. Read from either of Elsa's forms:
/// {"source":{"activity","port"},"target":{...}} or the legacy flat {"source","target","sourcePort","targetPort"}.
/// </summary>
public sealed record Connection
{
    public Connection(Endpoint source, Endpoint target)
    {
        Source = source;
        Target = target;
        // Made once: the engine looks connections up by key at every step. Source and Target have no setter, so a
        // `with` copy cannot leave the key behind.
        Key = $"{source.Activity}:{source.Port}->{target.Activity}:{target.Port}";
    }

    public Endpoint Source { get; }
    public Endpoint Target { get; }
    public string Key { get; }

    public void Deconstruct(out Endpoint source, out Endpoint target) => (source, target) = (Source, Target);

    public override string ToString() => Key;
}
