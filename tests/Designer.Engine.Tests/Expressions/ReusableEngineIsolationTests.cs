using System.Text.Json.Nodes;
using Designer.Engine.Calendar;
using Designer.Engine.Expressions;

namespace Designer.Engine.Tests.Expressions;

/// <summary>
/// Issue 14.1: scripts that declare nothing global run in one reused engine per thread. Each must still see only its
/// own scope and the built-ins as they are: nothing a script changes reaches the next one, the limits count afresh,
/// and the clock, today and the variables are the evaluation's own.
/// </summary>
public class ReusableEngineIsolationTests
{
    private readonly JintScriptSandbox _sandbox = new(SandboxLimits.Default with { Timeout = TimeSpan.FromMilliseconds(300) }, WorkingDayCalendar.WeekendsOnly);

    private static ScriptScope Scope(string today = "2024-09-27", string? application = null, Dictionary<string, JsonNode?>? variables = null)
    {
        var scope = new ScriptScope { Today = DateOnly.Parse(today), Variables = variables ?? new() };
        if (application is not null) scope.Globals["application"] = JsonNode.Parse(application);
        return scope;
    }

    private JsonNode? Eval(string script, ScriptScope? scope = null) => _sandbox.Evaluate(script, scope ?? Scope());

    [Fact]
    public void Changes_to_built_in_prototypes_do_not_reach_the_next_script()
    {
        Eval("Object.prototype.polluted = true, Array.prototype.map = function () { return 'hijacked'; }, String.prototype.trim = null, Math.max = Math.min, 1");
        Assert.Equal("undefined", Eval("typeof ({}).polluted")!.GetValue<string>());
        Assert.Equal(4, Eval("[1, 2].map(function (x) { return x * 2; })[1]")!.GetValue<long>());
        Assert.Equal("a", Eval("' a '.trim()")!.GetValue<string>());
        Assert.Equal(3, Eval("Math.max(1, 3)")!.GetValue<long>());
        // Redefining a built-in fails in the script that tries it, and the next one still has the original.
        Assert.Throws<ScriptFaultException>(() => Eval("Object.defineProperty(Array.prototype, 'includes', { value: function () { return true; } })"));
        Assert.False(Eval("[1].includes(2)")!.GetValue<bool>());
    }

    [Fact]
    public void Globals_a_script_creates_or_replaces_are_gone_for_the_next_one()
    {
        Assert.Equal(42, Eval("leaked = 42")!.GetValue<long>());
        Assert.Equal("undefined", Eval("typeof leaked")!.GetValue<string>());
        Assert.Equal(99, Eval("count = function () { return 99; }, count([1])")!.GetValue<long>());
        Assert.Equal(2, Eval("count([1, 2])")!.GetValue<long>());
        Eval("delete globalThis.Math, globalThis.JSON = null");
        Assert.Equal(2, Eval("Math.abs(-2)")!.GetValue<long>());
        Assert.Equal("[1]", Eval("JSON.stringify([1])")!.GetValue<string>());
    }

    [Fact]
    public void A_scopes_globals_and_variables_are_seen_by_its_own_evaluation_only()
    {
        var variables = new Dictionary<string, JsonNode?> { ["score"] = 80 };
        Assert.Equal(80, Eval("application.score", Scope(application: """{"score": 80}"""))!.GetValue<long>());
        Assert.Equal(85, Eval("score + 5", Scope(variables: variables))!.GetValue<long>());
        Eval("setScore(90)", Scope(variables: variables));
        Assert.Equal(90, variables["score"]!.GetValue<long>());
        Assert.Equal("undefined undefined undefined 0",
            Eval("[typeof application, typeof score, typeof getScore, Object.keys(variables).length].join(' ')")!.GetValue<string>());
    }

    [Fact]
    public void Scripts_that_declare_globals_still_run_each_on_its_own()
    {
        Assert.Equal(1, Eval("let y = 1; y")!.GetValue<long>());
        Assert.Equal(2, Eval("let y = 2; y")!.GetValue<long>());
        Assert.Equal(3, Eval("var z = 3; z")!.GetValue<long>());
        Assert.Equal("undefined", Eval("typeof z")!.GetValue<string>());
        Assert.Equal(6, Eval("if (true) { function twice(x) { return 2 * x; } } twice(3)")!.GetValue<long>());
        Assert.Equal("undefined", Eval("typeof twice")!.GetValue<string>());
    }

    [Fact]
    public void Function_bodies_that_declare_variables_keep_them_to_themselves_and_answer_as_scripts_do()
    {
        Assert.Equal("education", Eval("var departments = {teacher: 'education'}; return departments[application.series];",
            Scope(application: """{"series": "teacher"}"""))!.GetValue<string>());
        Assert.Equal("undefined", Eval("typeof departments")!.GetValue<string>());
        Assert.Equal(6, Eval("function twice(x) { return 2 * x; } return twice(3);")!.GetValue<long>());
        Assert.Equal("undefined", Eval("typeof twice")!.GetValue<string>());
        // A declared name that is the variable's global is that global, which setScore() writes.
        Assert.Equal(7, Eval("var score = 1; setScore(7); return score;", Scope(variables: new() { ["score"] = 80 }))!.GetValue<long>());
        // Not every way through ends in a return: the completion value is the answer, as in any script.
        Assert.Equal(5, Eval("if (application.never) return 1; var a = 2; a + 3", Scope(application: "{}"))!.GetValue<long>());
        Assert.Equal("number", Eval("var a = 1; return typeof globalThis.a;")!.GetValue<string>());
        Assert.Equal("undefined", Eval("typeof a")!.GetValue<string>());
    }

    [Fact]
    public void A_script_that_names_its_globals_gets_only_those_and_answers_as_if_it_had_them_all()
    {
        // "this" in a comment makes the engine install every global of the scope and check every global afterwards,
        // as for a script that may reach the global object; without it, only the names the script writes are installed.
        ScriptScope Rich() => new()
        {
            Today = DateOnly.Parse("2024-09-27"),
            Variables = new() { ["score"] = 80, ["count"] = 5, ["getScore"] = 1, ["lastAction"] = "approve", ["if"] = 2 },
            Globals = { ["application"] = JsonNode.Parse("""{"series": "teacher"}"""), ["locality"] = "bazhou" },
        };
        string[] scripts =
        [
            "[typeof score, typeof getScore, typeof setScore, typeof application, typeof variables, typeof getLastAction].join()",
            "count([1, 2]) + ',' + getScore() + ',' + score",
            "setScore(3), [score, getVariable('score'), variables.score].join()",
            "Object.keys(variables).join()",
            "var local = 1; return [typeof getScore, typeof local, application.series].join();",
            "[typeof getIf, typeof setIf, locality].join()",
            "leaked = 1, count = 2, delete Math, typeof Math",
        ];
        foreach (var script in scripts)
        {
            var everything = Eval(script + "\n// this", Rich())?.ToJsonString();
            Assert.Equal(everything, Eval(script, Rich())?.ToJsonString());
            Assert.Equal("undefined undefined undefined function object", Eval("[typeof leaked, typeof score, typeof application, typeof count, typeof Math].join(' ')")!.GetValue<string>());
        }
    }

    [Fact]
    public void The_variables_functions_are_shared_and_frozen_so_nothing_rides_on_them_to_the_next_script()
    {
        ScriptScope VariablesScope() => Scope(variables: new() { ["score"] = 80 });
        Eval("getScore.leak = 1, setScore.leak = 2, getVariable.leak = 3, setVariable.leak = 4, 0", VariablesScope());
        Assert.Equal("undefined,undefined,undefined,undefined",
            Eval("[typeof getScore.leak, typeof setScore.leak, typeof getVariable.leak, typeof setVariable.leak].join()", VariablesScope())!.GetValue<string>());
        Assert.Throws<ScriptFaultException>(() => Eval("Object.defineProperty(getScore, 'leak', { value: 1 })", VariablesScope()));
        Assert.Equal(81, Eval("getScore() + 1", VariablesScope())!.GetValue<long>());
    }

    [Fact]
    public void The_clock_and_today_are_each_evaluations_own()
    {
        Assert.Equal("2024-09-27", Eval("today()", Scope("2024-09-27"))!.GetValue<string>());
        Assert.Equal("2025-01-06", Eval("today()", Scope("2025-01-06"))!.GetValue<string>());
        Assert.Equal("2025-01-06", Eval("new Date().toISOString().slice(0, 10)", Scope("2025-01-06"))!.GetValue<string>());
        Assert.Equal("2024-09-30", Eval("addWorkingDays(today(), 1)", Scope("2024-09-27"))!.GetValue<string>());
    }

    [Fact]
    public void The_limits_count_afresh_for_each_evaluation_and_a_runaway_script_does_not_spoil_the_next()
    {
        // 150 000 statements each: twice under the 200 000 statement limit, not together.
        const string Busy = "(function () { for (let i = 0; i < 75000; i++) { } return 'done'; })()";
        Assert.Equal("done", Eval(Busy)!.GetValue<string>());
        Assert.Equal("done", Eval(Busy)!.GetValue<string>());
        Assert.Throws<ScriptFaultException>(() => Eval("(function () { while (true) { } })()"));
        Assert.Throws<ScriptFaultException>(() => Eval("(function () { const a = []; while (true) a.push('x'.repeat(1000)); })()"));
        Assert.Equal("done", Eval(Busy)!.GetValue<string>());
    }

    [Fact]
    public void Threads_evaluating_at_once_each_get_their_own_answers()
    {
        var results = new long[64];
        Parallel.For(0, results.Length, i =>
            results[i] = _sandbox.Evaluate("application.n * 2 + count(application.list)",
                Scope(application: $$"""{"n": {{i}}, "list": [{{string.Join(",", Enumerable.Repeat("0", i % 5))}}]}"""))!.GetValue<long>());
        Assert.Equal(Enumerable.Range(0, results.Length).Select(i => (long)(i * 2 + i % 5)), results);
    }
}
