using System.Text.Json.Nodes;
using Designer.Engine.Calendar;
using Designer.Engine.Expressions;

namespace Designer.Engine.Tests.Expressions;

public class JintScriptSandboxTests
{
    private static readonly WorkingDayCalendar China = WorkingDayCalendar.FromJson("""
        { "years": { "2024": { "holidays": [
            { "name": "国庆节", "from": "2024-10-01", "to": "2024-10-07", "workdays": ["2024-09-29", "2024-10-12"] } ] } } }
        """);

    private readonly JintScriptSandbox _sandbox = new(SandboxLimits.Default, China);

    private static ScriptScope Scope(string? application = null, string? variables = null, string today = "2024-09-27")
    {
        var scope = new ScriptScope
        {
            Today = DateOnly.Parse(today),
            Variables = JsonNode.Parse(variables ?? "{}")!.AsObject().ToDictionary(p => p.Key, p => p.Value?.DeepClone()),
        };
        if (application is not null) scope.Globals["application"] = JsonNode.Parse(application);
        return scope;
    }

    private JsonNode? Eval(string script, ScriptScope? scope = null) => _sandbox.Evaluate(script, scope ?? Scope());

    [Fact]
    public void Expression_ReadsGlobalsAndVariables()
    {
        var scope = Scope("""{"grassrootsYears": 8, "series": "teacher"}""", """{"x": 2}""");
        Assert.True(Eval("application.grassrootsYears >= 3 && x > 1", scope)!.GetValue<bool>());
        Assert.False(Eval("application.series === 'health' || x > 5", scope)!.GetValue<bool>());
    }

    [Fact]
    public void FunctionBody_WithTopLevelReturn_ReturnsItsValue()
    {
        var scope = Scope(variables: """{"x": 2}""");
        Assert.True(Eval("return x > 1;", scope)!.GetValue<bool>());
        Assert.Equal(6, Eval("var doubled = x * 2;\nif (doubled > 3) {\n  return doubled + 2;\n}\nreturn 0;", scope)!.GetValue<long>());
    }

    [Fact]
    public void Statements_WithoutReturn_YieldTheLastExpressionsValue()
    {
        Assert.Equal(3, Eval("var a = 1; var b = 2; a + b")!.GetValue<long>());
        Assert.Null(Eval("var a = 1;"));
        Assert.Null(Eval(""));
    }

    [Fact]
    public void Results_ConvertToJson_IntegersStayIntegers()
    {
        Assert.Equal("""{"n":3,"half":1.5,"list":[1,"a",null,true],"nested":{"ok":false}}""",
            Eval("({ n: 1 + 2, half: 3 / 2, list: [1, 'a', null, true], nested: { ok: false }, skipped: undefined, fn: function () {} })")!.ToJsonString());
        Assert.Equal("[null,null]", Eval("[NaN, function () {}]")!.ToJsonString());
        Assert.Equal("\"2024-10-09T00:00:00.000Z\"", Eval("new Date(Date.UTC(2024, 9, 9))")!.ToJsonString());
        Assert.Null(Eval("undefined"));
        Assert.Null(Eval("null"));
    }

    [Fact]
    public void Results_WithACycle_Fault()
    {
        var fault = Assert.Throws<ScriptFaultException>(() => Eval("var o = {}; o.self = o; o"));
        Assert.Contains("cycle", fault.Message);
    }

    [Fact]
    public void VariablesObject_AndGetVariable_SeeAllVariables_EvenNonIdentifierNames()
    {
        var scope = Scope(variables: """{"unit-score": 7, "count": 99, "level": "deputy-senior"}""");
        Assert.Equal(7, Eval("variables['unit-score']", scope)!.GetValue<long>());
        Assert.Equal(7, Eval("getVariable('unit-score')", scope)!.GetValue<long>());
        Assert.Equal("deputy-senior", Eval("level", scope)!.GetValue<string>());
        // A variable never hides a helper of the same name; it stays reachable through `variables`.
        Assert.Equal(2, Eval("count([1, 2]) + 0", scope)!.GetValue<long>());
        Assert.Equal(99, Eval("variables.count", scope)!.GetValue<long>());
        Assert.Null(Eval("getVariable('missing')", scope));
    }

    [Fact]
    public void SetVariable_WritesBackAsJson_AndLaterReadsSeeIt()
    {
        var scope = Scope(variables: """{"score": 1}""");
        var result = Eval("setVariable('score', score + 41); setVariable('notes', {passed: true, by: ['a', 'b']}); [score, variables.score, getVariable('score')]", scope);
        Assert.Equal("[42,42,42]", result!.ToJsonString());
        Assert.Equal(42, scope.Variables["score"]!.GetValue<long>());
        Assert.Equal("""{"passed":true,"by":["a","b"]}""", scope.Variables["notes"]!.ToJsonString());
    }

    [Fact]
    public void ElsaStyleAccessors_GetAndSetEachVariable()
    {
        var scope = Scope(variables: """{"approvalCount": 2, "decision": null}""");
        Eval("setApprovalCount(getApprovalCount() + 1); setDecision('approve')", scope);
        Assert.Equal(3, scope.Variables["approvalCount"]!.GetValue<long>());
        Assert.Equal("approve", scope.Variables["decision"]!.GetValue<string>());
    }

    [Fact]
    public void AFaultingScript_LeavesTheVariablesUnchanged()
    {
        var scope = Scope(variables: """{"score": 1}""");
        Assert.Throws<ScriptFaultException>(() => Eval("setScore(5); null.boom", scope));
        Assert.Equal(1, scope.Variables["score"]!.GetValue<long>());
    }

    [Fact]
    public void Globals_AreCopies_ScriptChangesDoNotLeakIntoTheScope()
    {
        var scope = Scope("""{"grassrootsYears": 8}""");
        Eval("application.grassrootsYears = 0; application.extra = 1", scope);
        Assert.Equal("""{"grassrootsYears":8}""", scope.Globals["application"]!.ToJsonString());
    }

    [Fact]
    public void Globals_ConvertedAsTheScriptReadsThem_BehaveAsPlainObjects()
    {
        const string Application = """{"a": {"b": [1, {"c": 2}]}, "n": 3, "x": 0.1, "big": 9007199254740993, "neg": -0, "huge": 1e400}""";
        var scope = Scope(Application);
        Assert.Equal("""a,n,x,big,neg,huge|{"a":{"b":[1,{"c":9}]},"n":4,"x":0.1,"big":9007199254740992,"neg":0,"huge":null}""",
            Eval("application.a.b[1].c = 9, application.n++, Object.keys(application).join() + '|' + JSON.stringify(application)", scope)!.GetValue<string>());
        Assert.Equal(JsonNode.Parse(Application)!.ToJsonString(), scope.Globals["application"]!.ToJsonString());
        Assert.Equal("0.30000000000000004 true true Infinity", Eval("[application.x + 0.2, Object.is(application.neg, -0), 'b' in application.a, application.huge].join(' ')", scope)!.GetValue<string>());
        Assert.Equal("true false 2", Eval("Object.freeze(application.a), [Object.isFrozen(application.a), delete application.a.b, Object.entries(application.a.b[1]).flat()[1]].join(' ')", scope)!.GetValue<string>());
        Assert.Equal("""{"b":[1,{"c":2}]}""", Eval("return application.a;", scope)!.ToJsonString());
    }

    [Fact]
    public void DateHelpers_UseTheScopesTodayAndTheCalendar()
    {
        var scope = Scope(today: "2024-09-27");
        Assert.Equal("2024-09-27", Eval("today()", scope)!.GetValue<string>());
        Assert.Equal("2024-10-10", Eval("addWorkingDays(today(), 5)", scope)!.GetValue<string>());
        Assert.Equal(4, Eval("workingDaysBetween('2024-09-27', '2024-10-09')", scope)!.GetValue<long>());
        Assert.True(Eval("isWorkingDay('2024-09-29')", scope)!.GetValue<bool>());      // make-up Sunday
        Assert.False(Eval("isWorkingDay('2024-10-02')", scope)!.GetValue<bool>());
        Assert.Equal(2024, Eval("yearOf(today())", scope)!.GetValue<long>());
        Assert.Equal(2023, Eval("yearOf('2023-12-31T23:00:00Z')", scope)!.GetValue<long>());
    }

    [Fact]
    public void DateHelpers_RejectBadDatesWithAScriptError()
    {
        var fault = Assert.Throws<ScriptFaultException>(() => Eval("isWorkingDay('27/09/2024')"));
        Assert.StartsWith("脚本错误:", fault.Message);
        Assert.Contains("yyyy-MM-dd", fault.Message);
        // Scripts can catch helper errors like any other JS error.
        Assert.Equal("caught", Eval("try { yearOf(42) } catch (e) { 'caught' }")!.GetValue<string>());
    }

    [Fact]
    public void Count_CountsAllOrMatchingElements()
    {
        var scope = new ScriptScope();
        scope.Globals["history"] = JsonNode.Parse("""[{"year": 2024, "kind": "general"}, {"year": 2023, "kind": "directed"}, {"year": 2024, "kind": "directed"}]""");
        Assert.Equal(3, _sandbox.Evaluate("count(history)", scope)!.GetValue<long>());
        Assert.Equal(2, _sandbox.Evaluate("count(history, function (h) { return h.year === 2024; })", scope)!.GetValue<long>());
        Assert.Equal(0, _sandbox.Evaluate("count(undefined)", scope)!.GetValue<long>());
    }

    [Fact]
    public void EachEvaluation_IsIsolated()
    {
        Eval("var leaked = 1; Object.prototype.polluted = true;");
        Assert.Equal("undefined", Eval("typeof leaked")!.GetValue<string>());
        Assert.Equal("undefined", Eval("typeof ({}).polluted")!.GetValue<string>());
    }
}
