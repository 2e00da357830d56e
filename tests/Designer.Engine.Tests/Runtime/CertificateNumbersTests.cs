using Designer.Engine.Calendar;
using Designer.Engine.Expressions;
using Designer.Engine.Runtime;

namespace Designer.Engine.Tests.Runtime;

/// <summary>Issue 13.8: a certificate serial the server issues cannot be computed; a simulation's is the same every run.</summary>
public sealed class CertificateNumbersTests
{
    [Fact]
    public void Random_serials_are_unguessable_even_for_the_same_instance()
    {
        var serials = Enumerable.Range(0, 200).Select(_ => CertificateNumbers.Random.Serial("instance-1", "certificate")).ToList();
        Assert.Equal(200, serials.Distinct().Count());
        Assert.All(serials, s => Assert.Matches("^[0-9A-HJKMNP-TV-Z]{12}$", s));
    }

    [Fact]
    public void Simulations_get_the_same_serial_for_the_same_case_and_a_different_one_for_another()
    {
        var first = CertificateNumbers.Deterministic.Serial("instance-1", "certificate");
        Assert.Equal(first, CertificateNumbers.Deterministic.Serial("instance-1", "certificate"));
        Assert.NotEqual(first, CertificateNumbers.Deterministic.Serial("instance-2", "certificate"));
        Assert.Same(CertificateNumbers.Deterministic, new EngineServices
        {
            Clock = new ManualClock(DateTimeOffset.UnixEpoch), Calendar = WorkingDayCalendar.WeekendsOnly,
            Scripts = new JintScriptSandbox(SandboxLimits.Default, WorkingDayCalendar.WeekendsOnly),
        }.CertificateNumbers);
    }
}
