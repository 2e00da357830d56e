namespace Designer.Engine.Runtime;

/// <summary>
/// An activity that decides itself how it waits for its inbound connections (Elsa.FlowJoin: WaitAll or WaitAny).
/// The runtime asks it for its mode; every other activity takes customProperties.mergeMode (Stream by default).
/// </summary>
public interface IJoinActivity
{
    JoinMode JoinMode { get; }
}
