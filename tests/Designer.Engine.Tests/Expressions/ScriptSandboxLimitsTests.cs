using Designer.Engine.Calendar;
using Designer.Engine.Expressions;

namespace Designer.Engine.Tests.Expressions;

public class ScriptSandboxLimitsTests
{
    private static JintScriptSandbox Sandbox(SandboxLimits limits) => new(limits, WorkingDayCalendar.WeekendsOnly);

    private static ScriptFaultException Fault(string script, SandboxLimits? limits = null) =>
        Assert.Throws<ScriptFaultException>(() => Sandbox(limits ?? SandboxLimits.Default).Evaluate(script, new ScriptScope()));

    // Generous time and statement limits, so that only the limit under test can stop the script.
    private static readonly SandboxLimits Unhurried = new() { Timeout = TimeSpan.FromSeconds(60), MaxStatements = 50_000_000 };

    [Fact]
    public void EndlessLoop_HitsTheTimeLimit()
    {
        var fault = Fault("while (true) {}", new SandboxLimits { Timeout = TimeSpan.FromMilliseconds(300), MaxStatements = 0 });
        Assert.Equal("脚本执行超时 (time limit 300ms exceeded)", fault.Message);
    }

    [Fact]
    public void EndlessLoop_HitsTheStatementLimit()
    {
        var fault = Fault("for (;;) { var i = 1; }", new SandboxLimits { Timeout = TimeSpan.FromSeconds(30), MaxStatements = 5_000 });
        Assert.Equal("脚本执行超时 (statement limit 5000 exceeded)", fault.Message);
    }

    [Fact]
    public void EndlessLoop_CannotBeCaughtByTheScript()
    {
        var fault = Fault("try { while (true) {} } catch (e) { 'caught' }", new SandboxLimits { Timeout = TimeSpan.FromMilliseconds(200) });
        Assert.StartsWith("脚本执行超时", fault.Message);
    }

    [Fact]
    public void DeepRecursion_Faults()
    {
        var fault = Fault("function down(n) { return down(n + 1); } down(0)");
        Assert.Equal("递归过深 (recursion depth limit 64 exceeded)", fault.Message);
    }

    [Fact]
    public void ProxyTrapRecursion_FaultsInsteadOfOverflowingTheStack()
    {
        // Not a call expression, so only Jint's stack guard sees it; without it the test process would die.
        var fault = Fault("var p = new Proxy({}, { get: function (t, k, r) { return r[k]; } }); p.x");
        Assert.StartsWith("递归过深", fault.Message);
    }

    [Fact]
    public void MemoryBomb_IsStoppedByTheMemoryLimit_BeforeTimeOrStatementLimits()
    {
        var limits = Unhurried with { MaxMemoryBytes = 4L * 1024 * 1024 };
        var fault = Fault("var a = []; while (true) { a.push('xxxxxxxxxx' + a.length); }", limits);
        Assert.Equal("内存超限 (memory limit 4 MB exceeded)", fault.Message);
    }

    [Theory]
    [InlineData("var s = 'x'; while (true) { s = s + s; }")]
    [InlineData("var keep = (function () { var big = []; return function () { big.push('yyyyyyyyyy' + big.length); }; })(); while (true) keep();")]
    [InlineData("function fill() { var a = []; while (true) { a.push(label(a.length)); } } function label(i) { return 'zzzzzzzzzz' + i; } fill()")]
    [InlineData("var a = []; try { while (true) { a.push({ i: a.length }); } } catch (e) { 'caught' }")]
    public void MemoryBombs_InClosuresCallersAndTry_AreStoppedToo(string script)
    {
        var fault = Fault(script, Unhurried with { MaxMemoryBytes = 1024 * 1024 });
        Assert.StartsWith("内存超限", fault.Message);
    }

    [Fact]
    public void BusyButSmallScript_StaysWithinTheDefaultMemoryLimit()
    {
        // Jint's memory limit counts what a script allocates, garbage included; the default leaves room for real work.
        var script = "var total = 0; for (var i = 0; i < 20000; i++) { var o = { list: [1, 2, 3], label: 'n' + i }; total += o.list.length; } total";
        var result = Sandbox(Unhurried).Evaluate(script, new ScriptScope());
        Assert.Equal(60000, result!.GetValue<long>());
    }

    [Theory]
    [InlineData("System.IO.File.ReadAllText('/etc/passwd')")]
    [InlineData("importNamespace('System.IO')")]
    [InlineData("new System.Object()")]
    [InlineData("clr.System")]
    public void ClrAccess_IsImpossible(string script)
    {
        var fault = Fault(script);
        Assert.StartsWith("脚本错误: ReferenceError:", fault.Message);
    }

    [Fact]
    public void HelperFunctions_ExposeNoDotNetMembers()
    {
        var result = Sandbox(SandboxLimits.Default).Evaluate("[typeof System, typeof today.GetType, typeof today().GetType, typeof this.System]", new ScriptScope());
        Assert.Equal("""["undefined","undefined","undefined","undefined"]""", result!.ToJsonString());
    }

    [Fact]
    public void RuntimeError_NamesTheMessageAndLine()
    {
        var fault = Fault("var a = 1;\nvar b = 2;\nundefinedThing + 1");
        Assert.Equal("脚本错误: ReferenceError: undefinedThing is not defined (line 3)", fault.Message);
        Assert.Equal("脚本错误: Error: 材料不全 (line 2)", Fault("var ok = false;\nif (!ok) throw new Error('材料不全');").Message);
        Assert.StartsWith("脚本错误: boom", Fault("throw 'boom'").Message);
    }

    [Fact]
    public void RuntimeError_InAFunctionBody_KeepsTheScriptsLineNumbers()
    {
        var fault = Fault("var a = 1;\nreturn a + missing;");
        Assert.Equal("脚本错误: ReferenceError: missing is not defined (line 2)", fault.Message);
    }

    [Fact]
    public void SyntaxError_FaultsWithLineAndColumn()
    {
        var fault = Fault("var a = 1;\nvar b = (2 +;");
        Assert.Equal("语法错误: Unexpected token ';' (syntax error at line 2, column 13)", fault.Message);
    }

    [Fact]
    public void CheckSyntax_AcceptsBothFormsAndReportsWhereAScriptBreaks()
    {
        var sandbox = Sandbox(SandboxLimits.Default);
        Assert.Null(sandbox.CheckSyntax("application.grassrootsYears >= 3 && x > 1"));
        Assert.Null(sandbox.CheckSyntax("return x > 1;"));
        Assert.Null(sandbox.CheckSyntax("var y = x * 2;\nif (y > 3) { return true; }\nreturn false; // done"));

        Assert.Equal(new ScriptSyntaxError(2, 13, "Unexpected token ';'"), sandbox.CheckSyntax("var a = 1;\nvar b = (2 +;"));
        Assert.Equal(new ScriptSyntaxError(1, 9, "Unexpected end of input"), sandbox.CheckSyntax("x > 1 &&"));
        var inBody = sandbox.CheckSyntax("return x >;");
        Assert.NotNull(inBody);
        Assert.Equal(1, inBody.Line);
        Assert.Equal(11, inBody.Column);
    }
}
