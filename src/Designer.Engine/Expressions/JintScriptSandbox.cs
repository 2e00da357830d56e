using System.Globalization;
using System.Text.Json.Nodes;
using Designer.Engine.Calendar;
using JsEngine = Jint.Engine;

namespace Designer.Engine.Expressions;

/// <summary>
/// Runs workflow scripts in Jint 2 with no access to .NET: every call gets a fresh engine holding only plain
/// JSON data and the helper functions, under the time, statement, recursion and memory limits.
/// </summary>
public sealed class JintScriptSandbox(SandboxLimits limits, IWorkingDayCalendar calendar) : IScriptSandbox
{
    public JsonNode? Evaluate(string script, ScriptScope scope)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(scope);
        var program = ScriptSource.Parse(script, out var syntaxError) ?? throw ScriptFaults.Syntax(syntaxError!);

        var engine = CreateEngine();
        try
        {
            var variables = Install(engine, scope);
            ScriptMemoryGuard.Attach(engine, limits.MaxMemoryBytes);
            engine.Execute(program);
            var result = JsonJsConverter.ToJson(engine.GetCompletionValue());
            variables.Commit();
            return result;
        }
        catch (Exception ex)
        {
            throw ScriptFaults.From(ex, limits, engine);
        }
    }

    public ScriptSyntaxError? CheckSyntax(string script)
    {
        ArgumentNullException.ThrowIfNull(script);
        ScriptSource.Parse(script, out var error);
        return error;
    }

    private JsEngine CreateEngine() => new(options => options
        .TimeoutInterval(limits.Timeout)
        .MaxStatements(limits.MaxStatements)
        .LimitRecursion(limits.MaxRecursionDepth)
        .DebugMode()   // for the memory guard's per-statement hook
        .LocalTimeZone(TimeZoneInfo.Utc)
        .Culture(CultureInfo.InvariantCulture));

    /// <summary>Helpers first, then the scope's globals (which may shadow a helper), then variable names that are still free.</summary>
    private ScriptVariables Install(JsEngine engine, ScriptScope scope)
    {
        new ScriptHelpers(engine, calendar, scope.Today).Install();
        var variables = new ScriptVariables(engine, scope);
        variables.InstallFunctions();
        foreach (var (name, value) in scope.Globals)
            engine.SetValue(name, JsonJsConverter.ToJs(engine, value));
        variables.InstallPerVariableNames();
        return variables;
    }
}
