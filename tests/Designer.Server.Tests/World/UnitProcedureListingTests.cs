using System.Net;
using System.Text.Json.Nodes;
using Designer.Server.Tests.Infrastructure;

namespace Designer.Server.Tests.World;

/// <summary>
/// The unit's 自主评审 procedure (customProperties.applicant "unit") is listed only to whom may apply with it: the staff
/// user of a unit registered in the locality. A person without a unit does not see
/// it among the procedures, and applying with it anyway is refused with the reason on `$.unit`. Staff see every
/// procedure of their locality.
/// </summary>
public sealed class UnitProcedureListingTests(SampleCityFactory factory) : IClassFixture<SampleCityFactory>
{
    private const string Procedure = "sample-city-autonomous-evaluation";
    private readonly ApplicationDriver driver = new(factory);

    [Fact]
    public async Task Only_the_staff_of_a_registered_unit_see_the_units_procedure()
    {
        var admin = await driver.As("admin");
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var unitName = $"示例市列表医院{suffix}";
        (await admin.PostAsync("/api/organisations", new JsonObject
        {
            ["id"] = $"sample-city/unit/listing-{suffix}", ["name"] = unitName, ["kind"] = "unit", ["county"] = "sample-district",
            ["employmentType"] = "public-institution",
        })).Expect(HttpStatusCode.Created);
        var staff = await UserAsync($"unit-staff-{suffix}", unitName);
        var person = await factory.CreateApplicantAsync("sample-city");

        Assert.Contains(Procedure, await ProceduresAsync(staff));
        var others = await ProceduresAsync(person);
        Assert.DoesNotContain(Procedure, others);
        Assert.Contains("sample-city-evaluation-2021", others); // the person's own procedures are still there
        Assert.Contains(Procedure, await ProceduresAsync("sample-city-admin"));

        var refused = (await (await driver.As(person)).PostAsync("/api/applications", new JsonObject
        {
            ["definitionId"] = Procedure, ["data"] = new JsonObject
            {
                ["name"] = "李经办", ["unit"] = unitName, ["kind"] = "autonomous-evaluation", ["competentDepartment"] = "health", ["series"] = "health",
                ["levels"] = new JsonArray("intermediate"), ["expertCount"] = 30, ["reviewPlan"] = "卫生系列中级自主评审工作方案。",
                ["committeePlan"] = "组建本院卫生系列中级评委会。", ["standards"] = "执行省、市卫生系列评审标准条件。", ["truthfulnessPledge"] = true,
            },
        })).Expect((HttpStatusCode)422);
        Assert.Equal("$.unit", refused["errors"]![0]!["path"]!.GetValue<string>());
        Assert.Contains("单位经办人", refused["detail"]!.GetValue<string>());
    }

    private async Task<string> UserAsync(string userName, string unit)
    {
        (await (await driver.As("admin")).PostAsync("/api/users", new JsonObject
        {
            ["userName"] = userName, ["displayName"] = "单位职称经办人", ["password"] = DesignerFactory.Password, ["roles"] = new JsonArray("applicant"),
            ["locality"] = "sample-city", ["unit"] = unit,
        })).Expect(HttpStatusCode.Created);
        return userName;
    }

    private async Task<List<string>> ProceduresAsync(string userName) =>
        (await (await driver.As(userName)).GetOkAsync("/api/procedures?pageSize=200"))["items"]!.AsArray()
        .Select(p => p!["definitionId"]!.GetValue<string>()).ToList();
}
