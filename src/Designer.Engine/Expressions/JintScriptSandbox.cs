using System.Globalization;
using System.Text.Json.Nodes;
using Designer.Engine.Calendar;
using Jint;
using JsEngine = Jint.Engine;

namespace Designer.Engine.Expressions;

/// <summary>
/// Runs workflow scripts in Jint 4 with no access to .NET. Each distinct script is parsed once (prepared, see
/// <see cref="PreparedScriptCache"/>); it runs under Jint's time, statement, memory and recursion limits plus
/// <see cref="ScriptNativeGuards"/>, seeing only plain JSON data and the helper functions.
/// A script that cannot declare anything global (no top-level `var`, `let`, `const`, function or class: see
/// <see cref="PreparedScript.Reusable"/>) runs in this thread's prepared engine (<see cref="ReusableScriptEngine"/>:
/// built-ins frozen, globals put back after every evaluation), which saves building an engine per evaluation; so does
/// a function body whose declarations can be kept local by running it as a function (<see cref="PreparedScript.AsFunction"/>).
/// Any other script, and any script while the thread's engine is busy, gets a fresh engine as before.
/// </summary>
public sealed class JintScriptSandbox(SandboxLimits limits, IWorkingDayCalendar calendar) : IScriptSandbox
{
    private readonly PreparedScriptCache _scripts = new();
    private readonly ThreadLocal<ReusableScriptEngine?> _reusable = new();

    public JsonNode? Evaluate(string script, ScriptScope scope)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(scope);
        var prepared = _scripts.Get(script);
        if (prepared.Program is not { } program) throw ScriptFaults.Syntax(prepared.Error!);

        if ((prepared.Reusable || prepared.AsFunction is not null) && ReusableEngine() is { } reusable)
        {
            try
            {
                if (prepared.Reusable) return reusable.Evaluate(program, scope, prepared.Names);
                if (prepared.AsFunction is { } asFunction && reusable.TryEvaluate(asFunction, scope, prepared.Names, prepared.Declared, out var result)) return result;
            }
            finally
            {
                // After a fault (or a script that left something behind) the engine is dropped: the next one starts clean.
                if (reusable.Broken) _reusable.Value = null;
            }
        }

        var day = new ScriptDay(scope.Today, scope.Calendar ?? calendar);
        var engine = CreateEngine(limits, new ScriptTimeSystem(scope.NowOrTodayAtNine));
        try
        {
            var functions = InstallShared(engine, limits, day);
            var variables = InstallScope(engine, scope, functions);
            var completion = engine.Evaluate(program);
            var result = JsonJsConverter.ToJson(completion);
            variables.Commit();
            return result;
        }
        catch (Exception ex)
        {
            throw ScriptFaults.From(ex, limits);
        }
    }

    public ScriptSyntaxError? CheckSyntax(string script)
    {
        ArgumentNullException.ThrowIfNull(script);
        return _scripts.Get(script).Error;
    }

    private ReusableScriptEngine? ReusableEngine()
    {
        var engine = _reusable.Value ??= ReusableScriptEngine.Create(limits, calendar);
        return engine.InUse ? null : engine;
    }

    internal static JsEngine CreateEngine(SandboxLimits limits, ScriptTimeSystem time) => new(options =>
    {
        options
            .TimeoutInterval(limits.Timeout)
            .MaxStatements(limits.MaxStatements)
            .LimitRecursion(limits.MaxRecursionDepth)
            .LimitMemory(limits.MaxMemoryBytes)
            .RegexTimeoutInterval(limits.Timeout)
            .DisableStringCompilation()
            .Strict(false)
            .LocalTimeZone(TimeZoneInfo.Utc)
            .Culture(CultureInfo.InvariantCulture);
        options.TimeSystem = time;
        options.Interop.Enabled = false;
        // Recursion that does not go through a call expression (getters, Proxy traps, `new`) faults instead of
        // overflowing the thread's stack, which would end the server process.
        options.Constraints.StackOverflowGuard = true;
        options.Constraints.MaxArraySize = limits.MaxArrayLength;
    });

    /// <summary>
    /// What every evaluation sees the same way: the guards, JSON.stringify, the helpers (reading the day given),
    /// getVariable and setVariable (acting on the evaluation running).
    /// </summary>
    internal static ScriptVariableFunctions InstallShared(JsEngine engine, SandboxLimits limits, ScriptDay day)
    {
        new ScriptNativeGuards(engine, limits).Install();
        ScriptJson.Install(engine);
        new ScriptHelpers(engine, day).Install();
        new RecordHelpers(engine, day).Install();
        var functions = new ScriptVariableFunctions(engine);
        functions.Install();
        return functions;
    }

    /// <summary>
    /// The evaluation's own: `variables`, then the scope's globals (which may shadow a helper), then variable names
    /// that are still free. Objects are converted when a script first uses them (<see cref="LazyJsonObject"/>).
    /// </summary>
    internal static ScriptVariables InstallScope(JsEngine engine, ScriptScope scope, ScriptVariableFunctions functions,
        ScriptNames? named = null, IReadOnlySet<string>? built = null, HashSet<string>? taken = null)
    {
        var variables = new ScriptVariables(engine, scope, functions, named, built, taken);
        variables.InstallFunctions();
        variables.InstallGlobals();
        variables.InstallPerVariableNames();
        return variables;
    }
}
