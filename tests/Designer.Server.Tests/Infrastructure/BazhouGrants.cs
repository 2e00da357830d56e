using System.Net;
using System.Text.Json.Nodes;

namespace Designer.Server.Tests.Infrastructure;

/// <summary>A Bazhou teacher granted a directed deputy-senior title through the whole procedure, for tests that start from a title in the register.</summary>
public static class BazhouGrants
{
    public static JsonObject Teacher(string name, string level = "deputy-senior") => new()
    {
        ["name"] = name, ["county"] = "和静县", ["unit"] = "和静县第四中学", ["employmentType"] = "public-institution",
        ["workplaceLevel"] = "prefecture", ["series"] = "teacher", ["level"] = level, ["kind"] = "directed",
        ["grassrootsYears"] = 8, ["competentDepartment"] = "education",
    };

    public static JsonObject ScoringAnswers() => new()
    {
        ["scoring"] = new JsonObject { ["action"] = "approve", ["data"] = new JsonObject { ["morality"] = 9, ["performance"] = 25, ["achievements"] = 22, ["ability"] = 16 } },
    };

    /// <summary>Runs a Bazhou deputy-senior teacher to the end (a committee session of one) and answers the certificate number.</summary>
    public static async Task<string> DirectedDeputySeniorAsync(ApplicationDriver driver, string applicant, string name)
    {
        var answers = ScoringAnswers();
        var id = await driver.SubmitAsync(applicant, "bazhou-directed-deputy-senior", Teacher(name));
        await driver.RunAsync(id, applicant, answers, stopAt: "committee-vote");
        var education = await driver.As("bazhou-reviewer-education");
        var session = (await education.PostAsync("/api/committee-sessions", new JsonObject())).Expect(HttpStatusCode.Created);
        var sessionId = session["id"]!.GetValue<string>();
        foreach (var candidate in session["candidates"]!.AsArray())
            (await education.PostAsync($"/api/committee-sessions/{sessionId}/votes", new JsonObject
            {
                ["applicationId"] = candidate!["applicationId"]!.GetValue<string>(), ["for"] = 6, ["against"] = 1, ["abstain"] = 0,
            })).Expect(HttpStatusCode.OK);
        (await education.PostAsync($"/api/committee-sessions/{sessionId}/close")).Expect(HttpStatusCode.OK);
        var done = await driver.RunAsync(id, applicant, answers);
        Assert.True(done["status"]!.GetValue<string>() == "Completed", done.ToJsonString());
        return done["granted"]!["number"]!.GetValue<string>();
    }
}
