using Designer.Engine.Calendar;
using Designer.Engine.Expressions;

namespace Designer.Engine.Tests.Expressions;

/// <summary>
/// Every runaway script faults with a message that says which limit it hit, including those that spend their time in
/// one built-in call (which no per-statement check sees). Each is run with a generous bound: without the guards these
/// scripts run for many seconds to minutes, or exhaust memory.
/// </summary>
public class RunawayScriptTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    private static ScriptFaultException Fault(string script, SandboxLimits? limits = null)
    {
        var sandbox = new JintScriptSandbox(limits ?? SandboxLimits.Default, WorkingDayCalendar.WeekendsOnly);
        var run = Task.Run(() => Assert.Throws<ScriptFaultException>(() => sandbox.Evaluate(script, new ScriptScope())));
        Assert.True(run.Wait(Bound), $"the script was still running after {Bound.TotalSeconds:0}s: {script}");
        return run.Result;
    }

    [Theory]
    [InlineData("while (true) {}")]
    [InlineData("for (;;) { 'x'.repeat(1); }")]
    [InlineData("try { for (;;) {} } catch (e) {} 'caught'")]
    public void EndlessLoops_StopAtTheTimeOrStatementLimit(string script) =>
        // A loop that allocates may reach the memory limit first (Jint counts garbage too): any limit stops it, named.
        Assert.Matches("^(脚本执行超时|内存超限)", Fault(script).Message);

    [Theory]
    [InlineData("function down(n) { return down(n + 1); } down(0)")]
    [InlineData("var o = { get x() { return this.x; } }; o.x")]
    [InlineData("function F() { new F(); } new F()")]
    [InlineData("var p = new Proxy({}, { get: function (t, k, r) { return r[k]; } }); p.x")]
    public void DeepRecursion_Faults(string script) => Assert.StartsWith("递归过深", Fault(script).Message);

    [Theory]
    [InlineData("var a = []; while (true) { a.push('xxxxxxxxxxxxxxxx' + a.length); }")]
    [InlineData("var s = 'x'; while (true) { s = s + s; }")]
    [InlineData("new Array(1e7).fill(0)")]
    [InlineData("Array.from({ length: 1e8 })")]
    public void HugeAllocations_StopAtTheMemoryLimit(string script) =>
        // Generous time and statement limits, so that only the memory limit can stop the script.
        Assert.StartsWith("内存超限", Fault(script, new SandboxLimits { Timeout = TimeSpan.FromSeconds(60), MaxStatements = 50_000_000 }).Message);

    [Fact]
    public void NewArrayOfTenMillion_Joined_IsRefusedAtOnce() =>
        Assert.Equal("内存超限 (array length limit 1048576 exceeded)", Fault("new Array(1e7).join('x')").Message);

    [Theory]
    [InlineData("/(a+)+$/.test('a'.repeat(30) + '!')")]
    [InlineData("new RegExp('(x+x+)+y').test('x'.repeat(40))")]
    [InlineData("('a'.repeat(40) + '!').replace(/(a+)+$/g, 'b')")]
    public void CatastrophicRegularExpressions_StopAtTheTimeLimit(string script) =>
        Assert.Equal("脚本执行超时 (a regular expression ran past the time limit 1s)", Fault(script).Message);

    [Theory]
    [InlineData("var a = [1]; for (var i = 0; i < 30; i++) a = [a, a]; JSON.stringify(a).length")]
    [InlineData("var o = { v: 1 }; for (var i = 0; i < 30; i++) o = { l: o, r: o }; JSON.stringify({ get big() { return o; } })")]
    [InlineData("var a = [1]; for (var i = 0; i < 30; i++) a = [a, a]; JSON.stringify(1, function (k, v) { return k === '' ? a : v; })")]
    public void JsonStringifyBombs_StopAtAScriptLimit(string script) =>
        Assert.Matches("^(脚本执行超时|内存超限)", Fault(script).Message);

    [Theory]
    [InlineData("'x'.repeat(5e8)", "String.prototype.repeat")]
    [InlineData("'x'.padStart(3e8)", "String.prototype.padStart/padEnd")]
    [InlineData("'a'.repeat(1e6).replaceAll('a', 'x'.repeat(300))", "String.prototype.replaceAll")]
    [InlineData("'a'.repeat(1e4).replace(/a/g, '$`')", "RegExp.prototype[Symbol.replace]")]
    [InlineData("var big = 'x'.repeat(4e6); big.concat(big, big)", "String.prototype.concat")]
    [InlineData("new Array(3000).join('x'.repeat(1e5))", "Array.prototype.join")]
    public void BuiltInsThatWouldBuildAHugeString_AreRefused(string script, string function)
    {
        var fault = Fault(script);
        Assert.StartsWith($"字符串过长 ({function} would build a string of ", fault.Message);
        Assert.EndsWith("characters; the limit is 4194304)", fault.Message);
    }

    [Theory]
    [InlineData("var a = [1]; for (var i = 0; i < 40; i++) a = [a, a]; a.flat(Infinity)")]
    [InlineData("var a = [1]; a.push(a); a.flat(Infinity)")]
    public void FlatteningAnExponentialOrEndlessArray_IsRefused(string script) =>
        Assert.StartsWith("数组过长 (Array.prototype.flat", Fault(script).Message);

    [Fact]
    public void SortingAHugeArrayNatively_IsRefused() =>
        Assert.StartsWith("数组过长，无法排序", Fault("new Array(1e6).fill(1).sort()").Message);

    [Theory]
    [InlineData("count([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], function () { for (var i = 0; i < 1000; i++) {} return true; })")]
    [InlineData("[0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map(function () { for (var i = 0; i < 1000; i++) {} return 1; })")]
    public void CallbacksFromHelpersAndBuiltIns_ShareTheScriptsStatementBudget(string script)
    {
        // Each call stays under the budget; together they do not (a call from .NET does not start a fresh budget).
        var fault = Fault(script, SandboxLimits.Default with { MaxStatements = 5_000 });
        Assert.Equal("脚本执行超时 (statement limit 5000 exceeded)", fault.Message);
    }

    [Theory]
    [InlineData("try { 'x'.repeat(5e8); } catch (e) { 'caught'; }")]
    [InlineData("try { new Array(1e7).join('x'); } catch (e) { 'caught'; }")]
    [InlineData("try { /(a+)+$/.test('a'.repeat(30) + '!'); } catch (e) { 'caught'; }")]
    public void AScriptCannotCatchALimit(string script) => Assert.DoesNotContain("caught", Fault(script).Message);

    [Theory]
    [InlineData("Function('return 1')()")]
    [InlineData("eval('1 + 1')")]
    [InlineData("[].constructor.constructor('return this')()")]
    public void CodeBuiltFromStrings_IsRefused(string script) =>
        Assert.Contains("String compilation has been disabled", Fault(script).Message);

    [Fact]
    public void TheGuardedBuiltIns_StillWorkOnOrdinaryValues()
    {
        var sandbox = new JintScriptSandbox(SandboxLimits.Default, WorkingDayCalendar.WeekendsOnly);
        var result = sandbox.Evaluate("""
            [ 'ab'.repeat(2), '7'.padStart(3, '0'), 'x'.padEnd(3), 'a-b-a'.replace('a', 'c'), 'a-b-a'.replaceAll('a', '[$&]'),
              'a1b2'.replace(/\d/g, '#'), 'a'.concat(1, null), [1, [2, [3]]].flat(Infinity).join('+'), [3, 1, 2].sort().join(),
              [1, 2].toString(), 'a,b'.split(',').length ]
            """, new ScriptScope());
        Assert.Equal("""["abab","007","x  ","c-b-a","[a]-b-[a]","a#b#","a1null","1\u002B2\u002B3","1,2,3","1,2",2]""", result!.ToJsonString());
    }

    [Fact]
    public void JsonStringify_BehavesAsTheStandardOne()
    {
        var sandbox = new JintScriptSandbox(SandboxLimits.Default, WorkingDayCalendar.WeekendsOnly);
        string Json(string script) => sandbox.Evaluate(script, new ScriptScope())!.GetValue<string>();
        Assert.Equal("""{"a":[1,"x",null,true,{}],"d":"1970-01-01T00:00:00.000Z","e":null}""",
            Json("JSON.stringify({ a: [1, 'x', null, true, { b: undefined, c: function () {} }], d: new Date(0), e: NaN, f: undefined })"));
        Assert.Equal("{\n  \"a\": [\n    1\n  ]\n}", Json("JSON.stringify({ a: [1] }, null, 2)"));
        Assert.Equal("""{"a":1,"c":3}""", Json("JSON.stringify({ a: 1, b: 2, c: 3 }, ['a', 'c'])"));
        Assert.Equal("""{"a":10,"b":"2"}""", Json("JSON.stringify({ a: 1, b: '2' }, (k, v) => typeof v === 'number' ? v * 10 : v)"));
        Assert.Equal("\"say \\\"hi\\\"\\n\"", Json("JSON.stringify('say \"hi\"\\n')"));
        Assert.Equal("""{"x":"y"}""", Json("JSON.stringify({ toJSON() { return { x: 'y' }; } })"));
        Assert.Equal("undefined", Json("typeof JSON.stringify(undefined)"));
        Assert.Equal("[1]|[2]", Json("var early = JSON.stringify; early([1]) + '|' + early([2])"));   // a reference taken before the first call
        var cycle = Fault("var o = {}; o.self = o; JSON.stringify(o)");
        Assert.Equal("脚本错误: TypeError: Converting circular structure to JSON", cycle.Message);
    }
}
