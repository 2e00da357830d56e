using System.Text.Json.Nodes;
using Designer.Server.Tests.Infrastructure;

namespace Designer.Server.Tests;

/// <summary>Qiaocheng 2023 (003 §二(三)): a bachelor after one probation year is recognised as assistant by the district.</summary>
public sealed class QiaochengRecognitionTests(QiaochengFactory factory) : IClassFixture<QiaochengFactory>
{
    [Fact]
    public async Task A_bachelor_after_probation_is_recognised_as_assistant_by_the_district()
    {
        var driver = new ApplicationDriver(factory);
        var applicant = await factory.CreateApplicantAsync("qiaocheng");
        var procedures = (await (await driver.As(applicant)).GetOkAsync("/api/procedures?kind=initial-recognition"))["items"]!.AsArray();
        var definitionId = procedures.Single()!["definitionId"]!.GetValue<string>();

        var id = await driver.SubmitAsync(applicant, definitionId, new JsonObject
        {
            ["name"] = "孙悦", ["county"] = "谯城区", ["unit"] = "亳州学院", ["employmentType"] = "public-institution", ["workplaceLevel"] = "county",
            ["series"] = "engineering", ["kind"] = "initial-recognition", ["education"] = "bachelor", ["probationYears"] = 1, ["yearsInField"] = 0,
            ["fullTime"] = true, ["majorMatchesPost"] = true,
        });
        var done = await driver.RunAsync(id, applicant);

        Assert.Equal("Completed", done["status"]!.GetValue<string>());
        Assert.Equal("assistant", done["granted"]!["level"]!.GetValue<string>());
        Assert.Equal("engineering", done["granted"]!["series"]!.GetValue<string>());
        Assert.Equal(["apply", "eligibility", "unit-recommend", "hr-review", "recognition", "certificate"], ApplicationDriver.Stages(done));
        var recognition = done["timeline"]!.AsArray().Single(e => e!["stage"]!.GetValue<string>() == "recognition")!;
        Assert.Equal("qiaocheng/hr", recognition["assignee"]!["org"]!.GetValue<string>());
        Assert.Equal("qiaocheng-reviewer-hr", recognition["actor"]!.GetValue<string>());
    }
}
