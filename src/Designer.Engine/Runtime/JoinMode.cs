namespace Designer.Engine.Runtime;

/// <summary>
/// How an activity with several inbound connections waits for them. A join activity (<see cref="IJoinActivity"/>,
/// e.g. Elsa.FlowJoin with its `mode`) gives its own; any other activity takes customProperties.mergeMode (Stream by
/// default; WaitAll and WaitAny are for join activities only).
/// </summary>
public enum JoinMode
{
    /// <summary>Runs once every forward inbound connection has been decided, if at least one was taken (dead paths ignored).</summary>
    Stream,
    /// <summary>Runs when every forward inbound connection was taken; a dead path blocks it.</summary>
    Merge,
    /// <summary>Runs when every inbound connection, loop back edges included, was taken.</summary>
    Converge,
    /// <summary>Runs once per arriving connection.</summary>
    Cascade,
    /// <summary>Runs on the first arrival; later arrivals of the same round are ignored.</summary>
    Race,
    /// <summary>Join WaitAll: every forward inbound connection decided; runs if all were taken, else is skipped.</summary>
    WaitAll,
    /// <summary>Join WaitAny: runs on the first arrival and cancels what still waits on the other branches.</summary>
    WaitAny,
}
