namespace Designer.Engine.Model;

public sealed record Endpoint(string Activity, string Port);

/// <summary>
/// A connection between two activities of one flowchart. Read from either of Elsa's forms:
/// {"source":{"activity","port"},"target":{...}} or the legacy flat {"source","target","sourcePort","targetPort"}.
/// </summary>
public sealed record Connection(Endpoint Source, Endpoint Target)
{
    public string Key => $"{Source.Activity}:{Source.Port}->{Target.Activity}:{Target.Port}";
    public override string ToString() => Key;
}
