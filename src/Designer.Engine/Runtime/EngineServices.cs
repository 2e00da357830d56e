using Designer.Engine.Calendar;
using Designer.Engine.Committees;
using Designer.Engine.Expressions;
using Designer.Engine.Forms;

namespace Designer.Engine.Runtime;

/// <summary>
/// Keeps count of a unit's posts (岗位职数). The server keeps real counts; simulations use an unlimited ledger
/// unless a case gives quotas.
/// </summary>
public interface IQuotaLedger
{
    /// <summary>Takes one post of the kind at the level for the unit; false when none is left.</summary>
    bool TryReserve(string unit, string postKind, string level, string instanceId);
    void Release(string unit, string postKind, string level, string instanceId);

    /// <summary>False when the unit's number of posts was set but not yet filed with the supervising HR bureau (备案); true when none is set.</summary>
    bool IsFiled(string unit, string postKind, string level) => true;
}

public sealed class UnlimitedQuotaLedger : IQuotaLedger
{
    public bool TryReserve(string unit, string postKind, string level, string instanceId) => true;
    public void Release(string unit, string postKind, string level, string instanceId) { }
}

/// <summary>What the engine is given from outside: time, calendar, scripts, forms, committees, quotas, an output for WriteLine.</summary>
public sealed class EngineServices
{
    public required IClock Clock { get; init; }
    public required IWorkingDayCalendar Calendar { get; init; }
    /// <summary>Per-locality holiday overlays and windows; without it every locality counts on <see cref="Calendar"/>.</summary>
    public CalendarInForce? CalendarInForce { get; init; }
    public required IScriptSandbox Scripts { get; init; }
    public IFormCatalog? Forms { get; init; }
    /// <summary>The committees a committee-vote step may name; without them the step waits at its assigneeOrg.</summary>
    public ICommitteeCatalog? Committees { get; init; }
    public IQuotaLedger Quotas { get; init; } = new UnlimitedQuotaLedger();
    public TextWriter Output { get; init; } = TextWriter.Null;
    public ActivityRegistry Registry { get; init; } = ActivityRegistry.Default;
    public ICertificateNumbers CertificateNumbers { get; init; } = Runtime.CertificateNumbers.Deterministic;

    /// <summary>Upper bound on activity executions in one run: a loop that never waits faults instead of hanging.</summary>
    public int MaxStepsPerRun { get; init; } = 10_000;

    /// <summary>The working days a locality's steps are counted on: national, with the locality's (and its parents') overlays.</summary>
    public IWorkingDayCalendar WorkingDaysOf(string locality) => CalendarInForce?.WorkingDaysOf(locality) ?? Calendar;
}
