using Designer.Engine.Calendar;
using Designer.Engine.Expressions;

namespace Designer.Engine.Tests.Expressions;

/// <summary>A script gives the same answer on every replay: no machine clock, no randomness.</summary>
public class DeterminismTests
{
    private readonly JintScriptSandbox _sandbox = new(SandboxLimits.Default, WorkingDayCalendar.WeekendsOnly);
    private readonly ScriptScope _scope = new() { Today = new DateOnly(2024, 9, 2) };

    [Theory]
    [InlineData("new Date().getUTCFullYear() * 10000 + (new Date().getUTCMonth() + 1) * 100 + new Date().getUTCDate()")]
    [InlineData("var d = new Date(Date.now()); d.getUTCFullYear() * 10000 + (d.getUTCMonth() + 1) * 100 + d.getUTCDate()")]
    public void The_clock_is_the_engines_date(string script) =>
        Assert.Equal(20240902, _sandbox.Evaluate(script, _scope)!.GetValue<long>());

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
