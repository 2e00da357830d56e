using System.Net;
using System.Text.Json.Nodes;
using Designer.Server.Tests.Hardening;
using Designer.Server.Tests.Infrastructure;

namespace Designer.Server.Tests.World;

/// <summary>
/// `county/&lt;department&gt;` resolves from the applicant's county as `county/hr` does: the county education bureau
/// `&lt;locality&gt;/wensu/education` acts on a 温宿县 applicant's step; the bureau of the neighbouring county does not see it.
/// </summary>
public sealed class CountyBureauTests(DesignerFactory factory) : IClassFixture<DesignerFactory>
{
    [Fact]
    public async Task A_county_education_step_goes_to_the_education_bureau_of_the_applicants_county_only()
    {
        var admin = await factory.SignInAsync("admin");
        var locality = $"aksu-{Guid.NewGuid().ToString("N")[..6]}";
        (await admin.PostAsync("/api/localities", new JsonObject
        {
            ["code"] = locality, ["name"] = "阿克苏地区", ["parent"] = "xinjiang",
            ["counties"] = new JsonArray(new JsonObject { ["code"] = "wensu", ["name"] = "温宿县" }, new JsonObject { ["code"] = "awat", ["name"] = "阿瓦提县" }),
        })).Expect(HttpStatusCode.Created);
        var definitionId = $"{locality}-county-review";
        (await admin.PostAsync("/api/workflows", TestWorkflows.Review(definitionId, locality, "county/education", "apply"))).Expect(HttpStatusCode.Created);

        var wensu = await factory.SignInAsync(await factory.CreateReviewerAsync(locality, $"{locality}/wensu/education", "reviewer"));
        var awat = await factory.SignInAsync(await factory.CreateReviewerAsync(locality, $"{locality}/awat/education", "reviewer"));
        var wensuHealth = await factory.SignInAsync(await factory.CreateReviewerAsync(locality, $"{locality}/wensu/health", "reviewer"));
        var otherLocality = await factory.SignInAsync(await factory.CreateReviewerAsync("bazhou", "bazhou/wensu/education", "reviewer"));
        (await admin.PostAsync($"/api/workflows/{definitionId}/publish")).Expect(HttpStatusCode.OK);

        var driver = new ApplicationDriver(factory);
        var applicant = await factory.CreateApplicantAsync(locality);
        var applicationId = await driver.SubmitAsync(applicant, definitionId, new JsonObject { ["county"] = "温宿县", ["series"] = "teacher" });

        var task = (await wensu.GetOkAsync("/api/tasks?pageSize=200"))["items"]!.AsArray().Single(t => t!["applicationId"]!.GetValue<string>() == applicationId)!;
        Assert.Equal("county/education", task["org"]!.GetValue<string>());
        Assert.Equal("county/education:温宿县", task["resolvedOrg"]!.GetValue<string>());
        var taskId = task["id"]!.GetValue<string>();
        foreach (var outsider in new[] { awat, wensuHealth, otherLocality })
        {
            Assert.DoesNotContain(taskId, (await outsider.GetAsync("/api/tasks")).Text);
            var refused = await outsider.PostAsync($"/api/tasks/{taskId}/act", new JsonObject { ["action"] = "approve", ["data"] = new JsonObject() });
            Assert.True(refused.Status is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, refused.Words);
        }

        var opinion = await ApplicationDriver.MinimalValidAsync(wensu, "review-opinion");
        var acted = (await wensu.PostAsync($"/api/tasks/{taskId}/act", new JsonObject { ["action"] = "approve", ["data"] = opinion })).Expect(HttpStatusCode.OK);
        Assert.Equal("Completed", acted["status"]!.GetValue<string>());
    }
}
