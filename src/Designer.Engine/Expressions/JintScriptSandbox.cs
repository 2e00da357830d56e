using System.Globalization;
using System.Text.Json.Nodes;
using Designer.Engine.Calendar;
using Jint;
using JsEngine = Jint.Engine;

namespace Designer.Engine.Expressions;

/// <summary>
/// Runs workflow scripts in Jint 4 with no access to .NET. Each distinct script is parsed once (prepared, see
/// <see cref="PreparedScriptCache"/>); each evaluation gets a fresh engine holding only plain JSON data and the helper
/// functions, under Jint's time, statement, memory and recursion limits plus <see cref="ScriptNativeGuards"/>.
/// A fresh engine rather than a reused one: Jint's global snapshot restores the globals but not the built-in
/// prototypes, so a script that changed `Object.prototype` would change the next script's answer.
/// </summary>
public sealed class JintScriptSandbox(SandboxLimits limits, IWorkingDayCalendar calendar) : IScriptSandbox
{
    private readonly PreparedScriptCache _scripts = new();

    public JsonNode? Evaluate(string script, ScriptScope scope)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(scope);
        var prepared = _scripts.Get(script);
        if (prepared.Program is not { } program) throw ScriptFaults.Syntax(prepared.Error!);

        var engine = CreateEngine(scope.NowOrTodayAtNine);
        try
        {
            var variables = Install(engine, scope);
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

    private JsEngine CreateEngine(DateTimeOffset now) => new(options =>
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
        options.TimeSystem = new ScriptTimeSystem(now);
        options.Interop.Enabled = false;
        // Recursion that does not go through a call expression (getters, Proxy traps, `new`) faults instead of
        // overflowing the thread's stack, which would end the server process.
        options.Constraints.StackOverflowGuard = true;
        options.Constraints.MaxArraySize = limits.MaxArrayLength;
    });

    /// <summary>Guards and helpers first, then the scope's globals (which may shadow a helper), then variable names that are still free.</summary>
    private ScriptVariables Install(JsEngine engine, ScriptScope scope)
    {
        new ScriptNativeGuards(engine, limits).Install();
        ScriptJson.Install(engine);
        new ScriptHelpers(engine, scope.Calendar ?? calendar, scope.Today).Install();
        new RecordHelpers(engine, scope.Today).Install();
        var variables = new ScriptVariables(engine, scope);
        variables.InstallFunctions();
        foreach (var (name, value) in scope.Globals)
            engine.SetValue(name, JsonJsConverter.ToJs(engine, value));
        variables.InstallPerVariableNames();
        return variables;
    }
}
