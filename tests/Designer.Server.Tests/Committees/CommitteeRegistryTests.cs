using System.Net;
using System.Text.Json.Nodes;
using Designer.Server.Tests.Infrastructure;

namespace Designer.Server.Tests.Committees;

/// <summary>Committees and the expert pool over HTTP: one series per committee, the pool's series, the locality's admins, filing before evaluating.</summary>
public sealed class CommitteeRegistryTests(DesignerFactory factory) : IClassFixture<DesignerFactory>
{
    private static JsonObject Committee(string id, params string[] series) => new()
    {
        ["id"] = id, ["locality"] = "bazhou", ["name"] = "巴州测试评委会", ["series"] = new JsonArray([.. series.Select(s => JsonValue.Create(s))]),
        ["levels"] = new JsonArray("deputy-senior"), ["organiser"] = "bazhou/hr", ["experts"] = new JsonArray(), ["status"] = "draft",
    };

    [Fact]
    public async Task A_committee_spanning_several_series_is_refused_and_nothing_is_saved()
    {
        var admin = await factory.SignInAsync("bazhou-admin");
        var refused = await admin.PostAsync("/api/committees", Committee("bazhou/committee/mixed", "teacher", "health", "agriculture"));
        Assert.Equal(422, (int)refused.Status);
        Assert.Contains("不得设立综合性评委会", refused.Text);
        Assert.Equal("$.series", refused.Json!["errors"]![0]!["path"]!.GetValue<string>());
        (await admin.GetAsync("/api/committees/bazhou/committee/mixed")).Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_committee_is_created_approved_and_filed_with_experts_of_its_series()
    {
        var admin = await factory.SignInAsync("bazhou-admin");
        var expert = (await admin.PostAsync("/api/experts", new JsonObject
        {
            ["id"] = "bazhou/expert/water-new", ["name"] = "新专家", ["locality"] = "bazhou", ["series"] = "water", ["specialty"] = "水利工程",
            ["unit"] = "博湖县水利站", ["conflicts"] = new JsonArray("某申报人"),
        })).Expect(HttpStatusCode.Created);
        Assert.True(expert["active"]!.GetValue<bool>());
        var found = (await admin.GetOkAsync("/api/experts?series=water&unit=博湖")).AsObject();
        Assert.Contains(found["items"]!.AsArray(), e => e!["id"]!.GetValue<string>() == "bazhou/expert/water-new");
        Assert.True(found["total"]!.GetValue<int>() >= 1);

        var body = Committee("bazhou/committee/water-test", "water");
        body["experts"] = new JsonArray("bazhou/expert/water-new", "bazhou/expert/teacher-01");
        var wrongSeries = await admin.PostAsync("/api/committees", body);
        Assert.Equal(422, (int)wrongSeries.Status);
        Assert.Equal("$.experts[1]", wrongSeries.Json!["errors"]![0]!["path"]!.GetValue<string>());

        body["experts"] = new JsonArray("bazhou/expert/water-new");
        (await admin.PostAsync("/api/committees", body)).Expect(HttpStatusCode.Created);
        var duplicate = await admin.PostAsync("/api/committees", body);
        Assert.Equal(422, (int)duplicate.Status);
        Assert.Contains("$.id", duplicate.Text);

        body["status"] = "filed";
        var unfiled = await admin.PutAsync("/api/committees/bazhou/committee/water-test", body);
        Assert.Equal(422, (int)unfiled.Status);
        Assert.Contains("approvedBy", unfiled.Text);
        body["approvedBy"] = "bazhou/hr";
        body["approvedOn"] = "2024-06-20";
        body["filingNumber"] = "测试备案-1";
        var filed = (await admin.PutAsync("/api/committees/bazhou/committee/water-test", body)).Expect(HttpStatusCode.OK);
        Assert.Equal("filed", filed["status"]!.GetValue<string>());
        body["status"] = "draft";
        Assert.Equal(422, (int)(await admin.PutAsync("/api/committees/bazhou/committee/water-test", body)).Status);
    }

    [Fact]
    public async Task Locality_admins_manage_only_their_locality_and_applicants_see_no_committees()
    {
        var kashgar = await factory.SignInAsync("kashgar-admin");
        Assert.Equal(HttpStatusCode.Forbidden, (await kashgar.PostAsync("/api/committees", Committee("bazhou/committee/foreign", "teacher"))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await kashgar.PutAsync("/api/committees/bazhou/committee/teacher-deputy-senior", Committee("bazhou/committee/teacher-deputy-senior", "teacher"))).Status);
        Assert.DoesNotContain("bazhou/", (await kashgar.GetOkAsync("/api/committees")).ToJsonString());
        Assert.DoesNotContain("bazhou/", (await kashgar.GetOkAsync("/api/experts?locality=bazhou")).ToJsonString());
        var applicant = await factory.SignInAsync("bazhou-applicant");
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync("/api/committees")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync("/api/experts")).Status);

        var office = await factory.SignInAsync("bazhou-reviewer-education");
        var committees = (await office.GetOkAsync("/api/committees?series=teacher"))["items"]!.AsArray();
        Assert.Contains(committees, c => c!["id"]!.GetValue<string>() == "bazhou/committee/teacher-deputy-senior");
        Assert.All(committees, c => Assert.Equal(["teacher"], c!["series"]!.AsArray().Select(s => s!.GetValue<string>())));
    }

    [Fact]
    public async Task Vote_tasks_wait_at_the_committee_organiser_and_sessions_never_mix_committees_or_series()
    {
        var driver = new ApplicationDriver(factory);
        var ids = new Dictionary<string, string>();
        foreach (var (series, department) in new[] { ("forestry", "forestry"), ("teacher", "education") })
        {
            var applicant = await factory.CreateApplicantAsync("bazhou");
            var data = DrawFactory.Teacher($"正高{series}", "和静县林业和草原工作站");
            (data["series"], data["level"], data["grassrootsYears"], data["competentDepartment"]) = (series, "full-senior", 15, department);
            ids[series] = await driver.SubmitAsync(applicant, "bazhou-directed-full-senior", data);
            await driver.RunAsync(ids[series], applicant, stopAt: "committee-vote");
        }
        var admin = await factory.SignInAsync("admin");
        var tasks = (await admin.GetOkAsync("/api/tasks?pageSize=200"))["items"]!.AsArray().Where(t => ids.ContainsValue(t!["applicationId"]!.GetValue<string>())).ToList();
        Assert.Equal(2, tasks.Count);
        Assert.All(tasks, t => Assert.Equal("bazhou/hr", t!["org"]!.GetValue<string>()));

        // Both wait at the prefecture HR bureau, before two committees: two sessions, one series each.
        var hr = await factory.SignInAsync("bazhou-reviewer-hr");
        var first = (await hr.PostAsync("/api/committee-sessions", new JsonObject())).Expect(HttpStatusCode.Created);
        var second = (await hr.PostAsync("/api/committee-sessions", new JsonObject())).Expect(HttpStatusCode.Created);
        var sessions = new[] { first, second }.Select(s => (Committee: s["committeeId"]!.GetValue<string>(), Series: s["series"]!.GetValue<string>(),
            Candidates: s["candidates"]!.AsArray().Select(c => c!["applicationId"]!.GetValue<string>()).ToList())).OrderBy(s => s.Series).ToList();
        Assert.Equal(("bazhou/committee/forestry-full-senior", "forestry"), (sessions[0].Committee, sessions[0].Series));
        Assert.Equal([ids["forestry"]], sessions[0].Candidates);
        Assert.Equal(("bazhou/committee/teacher-full-senior", "teacher"), (sessions[1].Committee, sessions[1].Series));
        Assert.Equal([ids["teacher"]], sessions[1].Candidates);
        Assert.Equal(422, (int)(await hr.PostAsync("/api/committee-sessions", new JsonObject())).Status);
    }
}
