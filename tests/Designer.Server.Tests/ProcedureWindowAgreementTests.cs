using System.Net;
using System.Text.Json.Nodes;
using Designer.Server.Tests.Infrastructure;

namespace Designer.Server.Tests;

/// <summary>
/// The portal's card and the server's check of a submission agree on the window: in Kashgar the special-talent window
/// (15 May – 30 June 2020) leaves the health series out, which applies in its own window (September). On 1 June, an
/// applicant who picks 卫生健康 sees the special-talent card closed with the health window's dates, and the server
/// refuses that submission naming the same window; a teacher sees it open until 30 June.
/// </summary>
public sealed class ProcedureWindowAgreementTests(KashgarFactory factory) : IClassFixture<KashgarFactory>
{
    private const string Procedure = "kashgar-special-talent";

    [Fact]
    public async Task The_card_for_the_series_given_shows_the_window_the_server_holds_the_submission_to()
    {
        var driver = new ApplicationDriver(factory);
        var applicant = await driver.As(await factory.CreateApplicantAsync("kashgar"));

        var health = await CardAsync(applicant, "?kind=special-talent&series=health");
        Assert.False(health["open"]!.GetValue<bool>(), health.ToJsonString());
        Assert.Equal(("2020-09-01", "2020-09-30"), (health["opens"]!.GetValue<string>(), health["closes"]!.GetValue<string>()));

        var data = await driver.ApplyDataAsync(applicant, Procedure, new JsonObject
        {
            ["name"] = "阿依古丽", ["county"] = "疏附县", ["unit"] = "疏附县人民医院", ["employmentType"] = "public-institution",
            ["series"] = "health", ["level"] = "intermediate", ["kind"] = "special-talent",
        });
        var refused = (await applicant.PostAsync("/api/applications", new JsonObject { ["definitionId"] = Procedure, ["data"] = data }))
            .Expect((HttpStatusCode)422);
        Assert.Equal("kashgar-2020-health", refused["window"]!["id"]!.GetValue<string>());
        Assert.Contains("2020-09-01 至 2020-09-30", refused["detail"]!.GetValue<string>());

        var teacher = await CardAsync(applicant, "?kind=special-talent&series=teacher");
        Assert.True(teacher["open"]!.GetValue<bool>(), teacher.ToJsonString());
        Assert.Equal("2020-06-30", teacher["closes"]!.GetValue<string>());
    }

    private static async Task<JsonNode> CardAsync(ApiClient applicant, string query) =>
        (await applicant.GetOkAsync($"/api/procedures{query}")).AsObject()["items"]!.AsArray()
        .Single(p => p!["definitionId"]!.GetValue<string>() == Procedure)!["window"]!;
}
