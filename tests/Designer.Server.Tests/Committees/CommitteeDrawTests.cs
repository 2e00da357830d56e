using System.Net;
using System.Text.Json.Nodes;
using Designer.Engine.Committees;
using Designer.Server.Tests.Infrastructure;

namespace Designer.Server.Tests.Committees;

/// <summary>
/// Bazhou teachers before the teacher deputy-senior committee (organised by the education bureau): one of 和静县第三中学,
/// whose three teacher experts there must recuse, and one of a school with no expert. The teacher pool has 12 experts,
/// one inactive: 8 are eligible.
/// </summary>
public sealed class DrawFactory : DesignerFactory, IAsyncLifetime
{
    public string SessionId { get; private set; } = "";
    public string SameUnitApplication { get; private set; } = "";
    public string OtherApplication { get; private set; } = "";

    public static JsonObject Teacher(string name, string unit) => new()
    {
        ["name"] = name, ["county"] = "和静县", ["unit"] = unit, ["employmentType"] = "public-institution",
        ["workplaceLevel"] = "prefecture", ["series"] = "teacher", ["level"] = "deputy-senior", ["kind"] = "directed",
        ["grassrootsYears"] = 5, ["competentDepartment"] = "education",
    };

    public async Task InitializeAsync()
    {
        var driver = new ApplicationDriver(this);
        foreach (var (name, unit) in new[] { ("抽签甲", "和静县第三中学"), ("抽签乙", "和静县第一中学") })
        {
            var applicant = await CreateApplicantAsync("bazhou");
            var id = await driver.SubmitAsync(applicant, "bazhou-directed-deputy-senior", Teacher(name, unit));
            await driver.RunAsync(id, applicant, stopAt: "committee-vote");
            if (unit == "和静县第三中学") SameUnitApplication = id; else OtherApplication = id;
        }
        var education = await driver.As("bazhou-reviewer-education");
        SessionId = (await education.PostAsync("/api/committee-sessions", new JsonObject())).Expect(HttpStatusCode.Created)["id"]!.GetValue<string>();
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

public sealed class CommitteeDrawTests(DrawFactory factory) : IClassFixture<DrawFactory>
{
    private string Session => $"/api/committee-sessions/{factory.SessionId}";

    [Fact]
    public async Task The_draw_is_reproducible_from_its_seed_honours_recusal_and_sets_the_quorum()
    {
        var office = await factory.SignInAsync("bazhou-reviewer-education");
        var session = await office.GetOkAsync(Session);
        Assert.Equal(("bazhou/committee/teacher-deputy-senior", "teacher"), (session["committeeId"]!.GetValue<string>(), session["series"]!.GetValue<string>()));
        // The office reads the committee by its registered name, in the session and in the list (never only its id).
        Assert.Equal("巴州教师系列双定向副高级职称评审委员会", session["committeeName"]?.GetValue<string>());
        var listed = (await office.GetOkAsync("/api/committee-sessions"))["items"]!.AsArray().Single(s => s!["id"]!.GetValue<string>() == factory.SessionId);
        Assert.Equal("巴州教师系列双定向副高级职称评审委员会", listed!["committeeName"]?.GetValue<string>());

        // Not enough eligible experts: 422 naming count and saying how many there are; nothing is recorded.
        var tooMany = await office.PostAsync($"{Session}/draw", new JsonObject { ["count"] = 9, ["seed"] = "2024-teacher" });
        Assert.Equal(422, (int)tooMany.Status);
        Assert.Contains("只有 8 人", tooMany.Text);
        Assert.Contains("$.count", tooMany.Text);
        (await office.GetAsync($"{Session}/draw")).Expect(HttpStatusCode.NotFound);

        var draw = (await office.PostAsync($"{Session}/draw", new JsonObject { ["count"] = 8, ["seed"] = "2024-teacher" })).Expect(HttpStatusCode.OK);
        Assert.Equal("2024-teacher", draw["seed"]!.GetValue<string>());
        var members = draw["members"]!.AsArray().Select(m => m!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(8, members.Distinct().Count());
        var recused = draw["recusals"]!.AsArray().Select(r => r!["expertId"]!.GetValue<string>()).Distinct().ToList();
        Assert.Equal(["bazhou/expert/teacher-03", "bazhou/expert/teacher-07", "bazhou/expert/teacher-11"], recused.Order().ToList());
        Assert.Empty(members.Intersect(recused));
        Assert.DoesNotContain("bazhou/expert/teacher-06", members); // inactive
        var sameUnit = draw["recusals"]!.AsArray().First(r => r!["expertId"]!.GetValue<string>() == "bazhou/expert/teacher-03")!;
        Assert.Equal(factory.SameUnitApplication, sameUnit["applicationId"]!.GetValue<string>());
        Assert.Contains("同一单位（和静县第三中学）", sameUnit["reason"]!.GetValue<string>());

        // Replayable: the recorded seed and pool give the same members, on the server (verified) and here.
        var recorded = (await office.GetOkAsync($"{Session}/draw"));
        Assert.True(recorded["verified"]!.GetValue<bool>());
        var pool = recorded["pool"]!.AsArray().Select(p => new PoolExpert(p!["id"]!.GetValue<string>(), p["name"]!.GetValue<string>(), p["unit"]!.GetValue<string>(),
            p["conflicts"]!.AsArray().Select(c => c!.GetValue<string>()).ToList())).ToList();
        var candidates = recorded["candidates"]!.AsArray().Select(c => new DrawCandidate(c!["applicationId"]!.GetValue<string>(), c["name"]!.GetValue<string>(),
            c["unit"]!.GetValue<string>())).ToList();
        Assert.Equal(members, ExpertDraw.Draw(pool, candidates, 8, "2024-teacher").Drawn.Select(e => e.Id));
        Assert.Equal(409, (int)(await office.PostAsync($"{Session}/draw", new JsonObject { ["count"] = 8, ["seed"] = "again" })).Status);

        // In the audit trail, with the seed and the pool.
        var admin = await factory.SignInAsync("bazhou-admin");
        var entries = (await admin.GetOkAsync($"/api/audit?subject=committee-session/{factory.SessionId}"))["items"]!.AsArray();
        var entry = Assert.Single(entries, e => e!["kind"]!.GetValue<string>() == "committee-session.draw")!;
        Assert.Contains("2024-teacher", entry.ToJsonString());

        // Quorum follows the 8 drawn members: two thirds is 6 present, so 5 votes (enough for the step's assumed 7) fail.
        Assert.Equal(8, (await office.GetOkAsync(Session))["drawnMembers"]!.GetValue<int>());
        var tooManyVotes = await office.PostAsync($"{Session}/votes", new JsonObject { ["applicationId"] = factory.OtherApplication, ["for"] = 9, ["against"] = 0, ["abstain"] = 0 });
        Assert.Equal(422, (int)tooManyVotes.Status);
        (await office.PostAsync($"{Session}/votes", new JsonObject { ["applicationId"] = factory.SameUnitApplication, ["for"] = 5, ["against"] = 0, ["abstain"] = 0 }))
            .Expect(HttpStatusCode.OK);
        (await office.PostAsync($"{Session}/votes", new JsonObject { ["applicationId"] = factory.OtherApplication, ["for"] = 6, ["against"] = 0, ["abstain"] = 0 }))
            .Expect(HttpStatusCode.OK);
        var closed = (await office.PostAsync($"{Session}/close")).Expect(HttpStatusCode.OK);
        string Decision(string id) => closed["candidates"]!.AsArray().Single(c => c!["applicationId"]!.GetValue<string>() == id)!["decision"]!.GetValue<string>();
        Assert.Equal(("failed-vote", "passed"), (Decision(factory.SameUnitApplication), Decision(factory.OtherApplication)));
        var timeline = (await admin.GetOkAsync($"/api/applications/{factory.SameUnitApplication}"))["timeline"]!.ToJsonString(Unescaped);
        Assert.Contains("不足评委会 8 名委员的三分之二（6 人）", timeline);
    }

    private static readonly System.Text.Json.JsonSerializerOptions Unescaped = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };
}
