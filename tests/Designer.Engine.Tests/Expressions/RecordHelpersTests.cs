using System.Text.Json.Nodes;
using Designer.Engine.Calendar;
using Designer.Engine.Expressions;
using Designer.Engine.Model;

namespace Designer.Engine.Tests.Expressions;

/// <summary>The applicant's record helpers as eligibility rules call them, on the engine's today.</summary>
public class RecordHelpersTests
{
    private readonly JintScriptSandbox _sandbox = new(SandboxLimits.Default, WorkingDayCalendar.FromJson("""{ "years": {} }"""));

    private const string Applicant = """
        {
          "level": "deputy-senior",
          "titles": [
            { "series": "teacher", "level": "assistant", "directed": false, "obtainedOn": "2012-12-20" },
            { "series": "teacher", "level": "intermediate", "directed": true, "obtainedOn": "2019-12-20" },
            { "series": "health", "level": "junior", "directed": false, "obtainedOn": "2021-06-01" }
          ],
          "educationHours": [
            { "year": 2021, "category": "public", "hours": 30 }, { "year": 2021, "category": "professional", "hours": 60 },
            { "year": 2022, "category": "public", "hours": 0, "exempt": true },
            { "year": 2023, "category": "public", "hours": 90 }, { "year": 2023, "category": "professional", "hours": 20 }
          ],
          "integrity": [ { "finding": "伪造学历", "from": "2022-03-01", "until": "2025-03-01" } ]
        }
        """;

    private JsonNode? Eval(string script, string today = "2024-12-19")
    {
        var scope = new ScriptScope { Today = DateOnly.Parse(today) };
        scope.Globals["applicant"] = JsonNode.Parse(Applicant);
        return _sandbox.Evaluate(script, scope);
    }

    [Fact]
    public void The_current_title_is_the_highest_and_its_years_count_whole_years_to_today()
    {
        Assert.Equal("intermediate", Eval("currentTitle(applicant.titles).level")!.GetValue<string>());
        Assert.Equal("junior", Eval("currentTitle(applicant.titles, 'health').level")!.GetValue<string>());
        Assert.Equal(4, Eval("yearsInTitle(currentTitle(applicant.titles))").AsNumber());
        Assert.Equal(5, Eval("yearsInTitle(currentTitle(applicant.titles))", today: "2024-12-20").AsNumber());
        Assert.Equal(0, Eval("yearsInTitle(currentTitle([]))").AsNumber());
    }

    [Fact]
    public void A_directed_basis_and_promotion_one_level_at_a_time_are_seen()
    {
        Assert.True(Eval("basisTitleDirected(applicant.titles, 'teacher')")!.GetValue<bool>());
        Assert.False(Eval("basisTitleDirected(applicant.titles, 'health')")!.GetValue<bool>());
        Assert.True(Eval("isNextLevel(currentTitle(applicant.titles).level, applicant.level)")!.GetValue<bool>());
        Assert.False(Eval("isNextLevel('assistant', 'deputy-senior')")!.GetValue<bool>());
    }

    [Fact]
    public void Hours_helpers_count_minimums_averages_and_cramming_with_exempt_years_meeting_any_minimum()
    {
        Assert.Equal(110, Eval("hoursInYear(applicant.educationHours, 2023)").AsNumber());
        Assert.Equal("[2023]", Eval("yearsShortOfHours(applicant.educationHours, 2021, 2023, 30, 'professional')")!.ToJsonString());
        Assert.Equal("[]", Eval("yearsShortOfHours(applicant.educationHours, 2021, 2023, 30, 'public')")!.ToJsonString());
        Assert.Equal(60, Eval("averageHours(applicant.educationHours, 2021, 2023, 'public')").AsNumber());
        Assert.Equal(0.75, Eval("largestYearShare(applicant.educationHours, 2021, 2023, 'public')").AsNumber());
        Assert.Equal(0, Eval("largestYearShare(undefined, 2021, 2023)").AsNumber());
    }

    [Fact]
    public void An_integrity_record_is_active_from_its_start_until_the_day_before_its_end()
    {
        Assert.Equal("伪造学历", Eval("activeIntegrityRecord(applicant.integrity).finding")!.GetValue<string>());
        Assert.Null(Eval("activeIntegrityRecord(applicant.integrity, '2025-03-01')"));
        Assert.Null(Eval("activeIntegrityRecord(applicant.integrity, '2022-02-28')"));
    }

    [Fact]
    public void A_helper_given_a_wrong_argument_faults_the_script_with_its_name()
    {
        var fault = Assert.Throws<ScriptFaultException>(() => Eval("hoursInYear(applicant.educationHours, '2023')"));
        Assert.Contains("hoursInYear", fault.Message);
        Assert.Throws<ScriptFaultException>(() => Eval("activeIntegrityRecord(applicant.integrity, 'soon')"));
    }
}
