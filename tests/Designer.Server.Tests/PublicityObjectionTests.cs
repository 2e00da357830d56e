using System.Net;
using System.Text.Json.Nodes;
using Designer.Server.Tests.Infrastructure;

namespace Designer.Server.Tests;

/// <summary>Anyone may object to a publicity (公示) without signing in; when it ends, the flow takes its objection branch.</summary>
public sealed class PublicityObjectionTests(BazhouFactory factory) : IClassFixture<BazhouFactory>
{
    [Fact]
    public async Task An_anonymous_objection_sends_the_candidate_back_to_the_unit()
    {
        var driver = new ApplicationDriver(factory);
        var applicant = await factory.CreateApplicantAsync("bazhou");
        var id = await driver.SubmitAsync(applicant, "bazhou-directed-deputy-senior", new JsonObject
        {
            ["name"] = "欧阳小明", ["county"] = "和静县", ["unit"] = "和静县第四中学", ["employmentType"] = "public-institution",
            ["workplaceLevel"] = "prefecture", ["series"] = "teacher", ["level"] = "deputy-senior", ["kind"] = "directed",
            ["grassrootsYears"] = 8, ["competentDepartment"] = "education",
        });
        var waiting = await driver.RunAsync(id, applicant, stopAt: "unit-publicity");

        var visitor = factory.Client();
        var notice = (await visitor.GetOkAsync("/api/public/publicity?locality=bazhou"))["items"]!.AsArray()
            .Single(n => n!["unit"]?.GetValue<string>() == "和静县第四中学")!;
        Assert.Equal("欧**明", notice["name"]!.GetValue<string>());
        Assert.Equal("unit-publicity", notice["stage"]!.GetValue<string>());
        var objection = await visitor.PostAsync($"/api/public/publicity/{notice["id"]!.GetValue<string>()}/objections", new JsonObject
        {
            ["name"] = "李四", ["contact"] = "13900000000", ["reason"] = "论文与他人雷同，请核查",
        });
        Assert.True(objection.Status == HttpStatusCode.Accepted, objection.Text);
        Assert.Empty((await visitor.GetOkAsync("/api/public/publicity?locality=kashgar"))["items"]!.AsArray()
            .Where(n => n!["unit"]?.GetValue<string>() == "和静县第四中学"));

        await driver.PassTimeAsync(waiting);
        var detail = await (await driver.As("admin")).GetOkAsync($"/api/applications/{id}");
        var publicity = detail["timeline"]!.AsArray().Single(e => e!["stage"]!.GetValue<string>() == "unit-publicity")!;
        Assert.Equal("object", publicity["action"]!.GetValue<string>());
        var unit = await driver.As("unit-reviewer-bazhou");
        Assert.Contains((await unit.GetOkAsync("/api/tasks?pageSize=200"))["items"]!.AsArray(), t => t!["applicationId"]!.GetValue<string>() == id);
        (await visitor.PostAsync($"/api/public/publicity/{notice["id"]!.GetValue<string>()}/objections", new JsonObject { ["reason"] = "迟到的异议" }))
            .Expect(HttpStatusCode.NotFound);
    }
}
