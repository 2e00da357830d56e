using Designer.Engine.Calendar;
using Designer.Engine.Expressions;

namespace Designer.Engine.Tests.Expressions;

/// <summary>A script gives the same answer on every replay: the engine's clock, never the machine's; no randomness.</summary>
public class DeterminismTests
{
    private readonly JintScriptSandbox _sandbox = new(SandboxLimits.Default, WorkingDayCalendar.WeekendsOnly);
    private readonly ScriptScope _scope = new() { Today = new DateOnly(2024, 9, 2) };
    private static readonly DateTimeOffset EngineNow = new(2023, 3, 14, 15, 9, 26, TimeSpan.Zero);

    [Theory]
    [InlineData("new Date().getUTCFullYear() * 10000 + (new Date().getUTCMonth() + 1) * 100 + new Date().getUTCDate()")]
    [InlineData("var d = new Date(Date.now()); d.getUTCFullYear() * 10000 + (d.getUTCMonth() + 1) * 100 + d.getUTCDate()")]
    public void Without_an_instant_the_clock_is_nine_oclock_China_time_of_the_engines_date(string script) =>
        Assert.Equal(20240902, _sandbox.Evaluate(script, _scope)!.GetValue<long>());

    [Theory]
    [InlineData("new Date().toISOString()")]
    [InlineData("new Date(Date.now()).toISOString()")]
    [InlineData("new (Object.getPrototypeOf(new Date()).constructor)().toISOString()")]
    [InlineData("new (Date.prototype.constructor)().toISOString()")]
    [InlineData("Reflect.construct(Object.getPrototypeOf(new Date(0)).constructor, []).toISOString()")]
    [InlineData("new Date(Date.parse(Date())).toISOString().slice(0, 19) + '.000Z'")]
    public void Every_way_to_the_Date_constructor_reads_the_engines_clock(string script)
    {
        var scope = new ScriptScope { Today = new DateOnly(2023, 3, 14), Now = EngineNow };
        Assert.Equal("2023-03-14T15:09:26.000Z", _sandbox.Evaluate(script, scope)!.GetValue<string>());
    }

    [Fact]
    public void Apis_that_would_read_the_machines_clock_are_not_there() =>
        Assert.Equal("undefined undefined undefined",
            _sandbox.Evaluate("[typeof Intl, typeof Temporal, typeof performance].join(' ')", _scope)!.GetValue<string>());

    [Fact]
    public void Dates_built_from_parts_still_work() =>
        Assert.Equal(2020, _sandbox.Evaluate("new Date(2020, 5, 1).getFullYear()", _scope)!.GetValue<long>());

    [Fact]
    public void Math_random_is_refused_with_a_reason()
    {
        var fault = Assert.Throws<ScriptFaultException>(() => _sandbox.Evaluate("Math.random() > 0.5", _scope));
        Assert.Contains("Math.random", fault.Message);
    }
}
