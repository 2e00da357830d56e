using System.Text.Json.Nodes;
using Designer.Engine.Calendar;
using Designer.Engine.Expressions;
using Designer.Engine.Runtime;
using Designer.Engine.Tests.Support;
using static Designer.Engine.Tests.Support.TestFlow;

namespace Designer.Engine.Tests.Expressions;

/// <summary>Scripts are ECMAScript 2023: what the Studio's editor accepts runs, and what is newer is refused at save.</summary>
public class ModernSyntaxTests
{
    private readonly JintScriptSandbox _sandbox = new(SandboxLimits.Default, WorkingDayCalendar.WeekendsOnly);

    private JsonNode? Eval(string script, string application = """{"unit":{"level":"county"},"years":[2019,2021]}""")
    {
        var scope = new ScriptScope { Today = new DateOnly(2024, 9, 2) };
        scope.Globals["application"] = JsonNode.Parse(application);
        return _sandbox.Evaluate(script, scope);
    }

    [Theory]
    [InlineData("application.unit?.level", "\"county\"")]
    [InlineData("application.missing?.level", "null")]
    [InlineData("application.missing?.level ?? 'none'", "\"none\"")]
    [InlineData("application.unit.level ?? 'none'", "\"county\"")]
    [InlineData("`${application.unit.level}-${application.years.length}`", "\"county-2\"")]
    [InlineData("application.years.map(y => y + 1)", "[2020,2022]")]
    [InlineData("[...application.years, 2024].length", "3")]
    [InlineData("const { unit: { level } } = application; level", "\"county\"")]
    [InlineData("let n = 0; for (const y of application.years) n += y > 2020 ? 1 : 0; n", "1")]
    [InlineData("application.years.at(-1)", "2021")]
    [InlineData("application.years.findLast(y => y < 2021)", "2019")]
    [InlineData("application.years.toSorted((a, b) => b - a)", "[2021,2019]")]
    [InlineData("Object.hasOwn(application, 'unit')", "true")]
    [InlineData("class Rule { static min = 2; passes(a) { return a.years.length >= Rule.min; } } new Rule().passes(application)", "true")]
    [InlineData("let x = null; x ??= 5; x", "5")]
    [InlineData("1_000 + 1", "1001")]
    public void Es2023Syntax_Evaluates(string script, string expected) =>
        Assert.Equal(expected, Eval(script)?.ToJsonString() ?? "null");

    [Theory]
    [InlineData("/[\\p{L}--[a-z]]/v.test('A')", 1, 17, "Invalid regular expression flags")]   // ES2024
    [InlineData("using file = null;", 1, 7, "Unexpected identifier 'file'")]                    // explicit resource management
    public void SyntaxNewerThanEs2023_IsReportedWhereItIs(string script, int line, int column, string message) =>
        Assert.Equal(new ScriptSyntaxError(line, column, message), _sandbox.CheckSyntax(script));

    [Fact]
    public void FlowDecision_UsesOptionalChainingAndNullishCoalescing()
    {
        var flow = new TestFlow()
            .Add("decide", "Elsa.FlowDecision", ("condition", Js("(application.unit?.level ?? 'township') === 'county' && application.award?.name == null")))
            .Add("yes", "Elsa.WriteLine", ("text", Js("`county, ${application.years?.length ?? 0} years`")))
            .Write("no", "other")
            .Connect("decide", "yes", "True").Connect("decide", "no", "False");
        var engine = new TestEngine();
        var state = engine.Start(flow.Definition(), JsonNode.Parse("""{"unit":{"level":"county"},"years":[2019,2021]}""")!.AsObject());
        Assert.NotEqual(WorkflowStatus.Faulted, state.Status);
        Assert.Equal(["county, 2 years"], engine.Lines);
    }

    [Fact]
    public void APreparedScript_RunsAgainstEachScopeOnItsOwn()
    {
        const string script = "application.unit?.level ?? 'none'";
        Assert.Equal("county", Eval(script)!.GetValue<string>());
        Assert.Equal("none", Eval(script, "{}")!.GetValue<string>());
        Assert.Equal("city", Eval(script, """{"unit":{"level":"city"}}""")!.GetValue<string>());
    }
}
