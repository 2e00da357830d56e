using System.Net;
using System.Text.Json.Nodes;
using Designer.Engine.Runtime;
using Designer.Server.Tests.Infrastructure;

namespace Designer.Server.Tests.World;

/// <summary>
/// Row 4.7 (004 §一(二)): a unit applies for autonomous evaluation (自主评审) through its own staff user, by the
/// deadline; its competent department reviews and the HR bureau approves. The approval writes the unit's record in the
/// organisation registry (reference and date, audited), and from then on its staff's applications are evaluated by the
/// unit itself (4.6) without an admin editing the registry. A refused application leaves the registry as it was.
/// The server's clock starts when the sample city's application window opens (its staff's runs move it on).
/// </summary>
public sealed class UnitAutonomyApplicationTests(SampleCityFactory factory) : IClassFixture<SampleCityFactory>
{
    private const string Procedure = "sample-city-autonomous-evaluation";
    private readonly ApplicationDriver driver = new(factory);

    /// <summary>A registered unit of the sample city (not approved) and its staff user who applies for it.</summary>
    private async Task<(string Id, string Name, string Contact)> UnitWithContactAsync()
    {
        var admin = await driver.As("admin");
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var (id, name) = ($"sample-city/unit/hospital-{suffix}", $"示例市自主评审医院{suffix}");
        (await admin.PostAsync("/api/organisations", new JsonObject
        {
            ["id"] = id, ["name"] = name, ["kind"] = "unit", ["county"] = "sample-district", ["employmentType"] = "public-institution",
        })).Expect(HttpStatusCode.Created);
        var contact = $"unit-hr-{suffix}";
        (await admin.PostAsync("/api/users", new JsonObject
        {
            ["userName"] = contact, ["displayName"] = "单位职称经办人", ["password"] = DesignerFactory.Password, ["roles"] = new JsonArray("applicant"),
            ["locality"] = "sample-city", ["unit"] = name,
        })).Expect(HttpStatusCode.Created);
        return (id, name, contact);
    }

    private static JsonObject Application(string unit) => new()
    {
        ["name"] = "李经办", ["unit"] = unit, ["kind"] = "autonomous-evaluation", ["competentDepartment"] = "health", ["series"] = "health",
        ["levels"] = new JsonArray("intermediate"), ["expertCount"] = 30, ["reviewPlan"] = "卫生系列中级自主评审工作方案。",
        ["committeePlan"] = "组建本院卫生系列中级评委会。", ["standards"] = "执行省、市卫生系列评审标准条件。", ["truthfulnessPledge"] = true,
    };

    private static JsonObject HrDecides(string action, string reference) => new()
    {
        ["hr-review"] = new JsonObject
        {
            ["action"] = action, ["data"] = new JsonObject { ["opinion"] = "经审核，评审方案符合规定。", ["documentNumber"] = reference },
        },
    };

    private async Task<JsonNode> RegisteredAsync(string id) =>
        Assert.Single((await (await driver.As("sample-city-admin")).GetOkAsync($"/api/organisations?q={Uri.EscapeDataString(id)}"))["items"]!.AsArray())!;

    /// <summary>A staff member's application, run to the HR-review step: the organisation that reviews and evaluates it.</summary>
    private async Task<string> ReviewedByAsync(string unit)
    {
        var applicant = await factory.CreateApplicantAsync("sample-city");
        var id = await driver.SubmitAsync(applicant, "sample-city-evaluation-2021", new JsonObject
        {
            ["name"] = "王医生", ["unit"] = unit, ["county"] = "示例区", ["employmentType"] = "public-institution", ["series"] = "health",
            ["level"] = "intermediate", ["kind"] = "general", ["enterpriseCommittee"] = "unit-committee",
        });
        await driver.RunAsync(id, applicant, stopAt: "hr-review");
        var tasks = (await (await driver.As("admin")).GetOkAsync($"/api/tasks?q={id}&pageSize=200"))["items"]!.AsArray();
        return tasks.Single(t => t!["stage"]!.GetValue<string>() == "hr-review")!["org"]!.GetValue<string>();
    }

    [Fact]
    public async Task The_HR_bureaus_approval_writes_the_registry_and_the_units_staff_are_then_evaluated_by_the_unit()
    {
        var (unitId, unitName, contact) = await UnitWithContactAsync();
        Assert.Equal("sample-city/hr", await ReviewedByAsync(unitName));

        var id = await driver.SubmitAsync(contact, Procedure, Application(unitName));
        var done = await driver.RunAsync(id, contact, HrDecides("approve", "示人社函〔2021〕31号"));

        Assert.True(done["status"]!.GetValue<string>() == "Completed", done.ToJsonString());
        Assert.Equal(["apply", "competent-review", "hr-review", "unit-approval"], ApplicationDriver.Stages(done));
        var unit = await RegisteredAsync(unitId);
        Assert.True(unit["autonomousEvaluation"]!.GetValue<bool>());
        Assert.Equal("示人社函〔2021〕31号", unit["autonomousEvaluationReference"]!.GetValue<string>());
        Assert.Equal(ChinaTime.DateOf(factory.Clock.Now).ToString("yyyy-MM-dd"), unit["autonomousEvaluationOn"]!.GetValue<string>());
        var audit = (await (await driver.As("auditor")).GetOkAsync($"/api/audit?subject={Uri.EscapeDataString($"organisation/{unitId}")}&pageSize=50"))["items"]!.AsArray();
        Assert.Contains(audit, e => e!["summary"]!.GetValue<string>().Contains("示人社函〔2021〕31号"));

        Assert.Equal("unit", await ReviewedByAsync(unitName));
    }

    [Fact]
    public async Task A_refused_application_leaves_the_registry_as_it_was()
    {
        var (unitId, unitName, contact) = await UnitWithContactAsync();
        var id = await driver.SubmitAsync(contact, Procedure, Application(unitName));
        var done = await driver.RunAsync(id, contact, HrDecides("reject", "示人社函〔2021〕32号"));

        Assert.Equal("Rejected", done["status"]!.GetValue<string>());
        var unit = await RegisteredAsync(unitId);
        Assert.False(unit["autonomousEvaluation"]!.GetValue<bool>());
        Assert.Null(unit["autonomousEvaluationReference"]);
        Assert.Equal("sample-city/hr", await ReviewedByAsync(unitName));
    }

    [Fact]
    public async Task A_unit_applies_only_through_its_own_staff()
    {
        var (_, unitName, _) = await UnitWithContactAsync();
        var (_, otherUnit, otherContact) = await UnitWithContactAsync();
        var other = await driver.As(otherContact);
        var forAnother = (await other.PostAsync("/api/applications", new JsonObject { ["definitionId"] = Procedure, ["data"] = Application(unitName) }))
            .Expect((HttpStatusCode)422);
        Assert.Equal("$.unit", forAnother["errors"]![0]!["path"]!.GetValue<string>());
        Assert.Contains(otherUnit, forAnother["detail"]!.GetValue<string>());

        var person = await driver.As(await factory.CreateApplicantAsync("sample-city"));
        var noUnit = (await person.PostAsync("/api/applications", new JsonObject { ["definitionId"] = Procedure, ["data"] = Application(unitName) }))
            .Expect((HttpStatusCode)422);
        Assert.Equal("$.unit", noUnit["errors"]![0]!["path"]!.GetValue<string>());
    }
}
