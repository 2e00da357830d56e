using System.Text.Json.Nodes;

namespace Designer.Engine.Expressions;

/// <summary>
/// Limits every script runs under. A script that exceeds one faults its workflow instance; no script can catch that.
/// The time limit covers single built-in calls too: regular expressions stop at it, and the calls that could build a
/// huge value in one step (a string or array beyond the length limits, JSON.stringify of a large graph) are refused.
/// </summary>
public sealed record SandboxLimits
{
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(1);
    public int MaxStatements { get; init; } = 200_000;
    public int MaxRecursionDepth { get; init; } = 64;
    public long MaxMemoryBytes { get; init; } = 32L * 1024 * 1024;
    /// <summary>Longest string a built-in may build in one call (UTF-16 code units).</summary>
    public int MaxStringLength { get; init; } = 4 * 1024 * 1024;
    /// <summary>Longest array a script may create.</summary>
    public uint MaxArrayLength { get; init; } = 1 << 20;
    public static SandboxLimits Default { get; } = new();
}

/// <summary>What a script can see: named JSON globals and the workflow's variables (read and write).</summary>
public sealed class ScriptScope
{
    /// <summary>Read-only globals, e.g. "application", "forms", "history". Each becomes a JS global of that name.</summary>
    public Dictionary<string, JsonNode?> Globals { get; } = new();

    /// <summary>
    /// Read-only object globals whose properties are computed only when a script first uses the global (e.g.
    /// "applicant", which merges two documents): most scripts never read them. Installed after <see cref="Globals"/>.
    /// </summary>
    public Dictionary<string, Func<IEnumerable<KeyValuePair<string, JsonNode?>>>> DeferredGlobals { get; } = new();

    /// <summary>Workflow variables; a script may change them through setVariable(name, value) or setX(value).</summary>
    public Dictionary<string, JsonNode?> Variables { get; init; } = new();

    /// <summary>"Today" for the script (from the engine's clock, never the machine's).</summary>
    public DateOnly Today { get; init; }

    /// <summary>The working days the script's helpers count on (the workflow locality's); the sandbox's own calendar when null.</summary>
    public Calendar.IWorkingDayCalendar? Calendar { get; init; }

    /// <summary>
    /// The instant `new Date()`, `Date.now()` and `Date()` read: the engine's clock. When not given, 09:00 China time
    /// of <see cref="Today"/>.
    /// </summary>
    public DateTimeOffset? Now { get; init; }

    internal DateTimeOffset NowOrTodayAtNine => Now ?? new DateTimeOffset(Today.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8));
}

public sealed class ScriptFaultException(string message) : Exception(message);

public sealed record ScriptSyntaxError(int Line, int Column, string Message);

public interface IScriptSandbox
{
    /// <summary>
    /// Evaluates a JavaScript expression (`x > 1`) or an Elsa-style function body (`return x > 1;`).
    /// Returns the value as JSON (null for undefined). Throws <see cref="ScriptFaultException"/> with a clear
    /// message on a runtime error, a syntax error, or an exceeded limit.
    /// </summary>
    JsonNode? Evaluate(string script, ScriptScope scope);

    /// <summary>Null when the script parses; otherwise where and why it does not.</summary>
    ScriptSyntaxError? CheckSyntax(string script);
}
