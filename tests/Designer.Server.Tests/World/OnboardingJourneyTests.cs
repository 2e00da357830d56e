using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Designer.Server.Tests.Hardening;
using Designer.Server.Tests.Infrastructure;
using Designer.Server.Tests.Users;

namespace Designer.Server.Tests.World;

/// <summary>
/// Issue 8: a prefecture nobody seeded is onboarded over the fixed HTTP routes only (administration.md) and runs an
/// application to a certificate: region and prefecture with a county; departments and a county education bureau; a
/// unit; its admin, who creates the people and the committee with experts; the template cloned and published (refused
/// first while its county review step has no holder); an applicant registers and applies; the unit, the county bureau
/// and the prefecture's HR office act; the committee office draws, votes and closes; publicity elapses on the test
/// clock; the certificate verifies on the public check. Every name of the world is made up here.
/// </summary>
public sealed class OnboardingJourneyTests(DesignerFactory factory) : IClassFixture<DesignerFactory>
{
    private const string Password = DesignerFactory.Password;
    private readonly string _tag = Guid.NewGuid().ToString("N")[..5];

    private string Region => $"beiling-{_tag}";
    private string Prefecture => $"qingchuan-{_tag}";
    private const string County = "shiqiao";
    private const string CountyName = "石桥县";
    private const string UnitName = "石桥县第一中学";
    private string Unit => $"{Prefecture}/unit/shiqiao-no1-school";
    private string Bureau => $"{Prefecture}/{County}/education";
    private string Committee => $"{Prefecture}/committee/teacher-intermediate";
    private string Workflow => $"{Prefecture}-evaluation";

    [Fact]
    public async Task A_new_prefecture_is_onboarded_over_HTTP_and_an_application_ends_with_a_verified_certificate()
    {
        var admin = await factory.SignInAsync("admin");

        // The places: a region, a prefecture under it with one county.
        (await admin.PostAsync("/api/localities", new JsonObject { ["code"] = Region, ["name"] = "北岭省" })).Expect(HttpStatusCode.Created);
        (await admin.PostAsync("/api/localities", new JsonObject
        {
            ["code"] = Prefecture, ["name"] = "青川地区", ["parent"] = Region,
            ["counties"] = new JsonArray(new JsonObject { ["code"] = County, ["name"] = CountyName }),
        })).Expect(HttpStatusCode.Created);

        // The prefecture's admin, who does the rest of the onboarding.
        (await admin.PostAsync("/api/users", User($"{Prefecture}-admin", "青川地区管理员", "locality-admin"))).Expect(HttpStatusCode.Created);
        var localAdmin = await SignInAsync($"{Prefecture}-admin");

        foreach (var (id, name) in new[] { ($"{Prefecture}/hr", "青川地区人力资源和社会保障局"), ($"{Prefecture}/education", "青川地区教育局"), (Bureau, "石桥县教育局") })
            (await localAdmin.PostAsync("/api/organisations", new JsonObject { ["id"] = id, ["name"] = name, ["kind"] = "department" })).Expect(HttpStatusCode.Created);
        (await localAdmin.PostAsync("/api/organisations", new JsonObject
        {
            ["id"] = Unit, ["name"] = UnitName, ["kind"] = "unit", ["county"] = County, ["employmentType"] = "public-institution", ["quota"] = 3,
        })).Expect(HttpStatusCode.Created);
        var units = await localAdmin.GetOkAsync($"/api/organisations?kind=unit&locality={Prefecture}");
        Assert.Equal(UnitName, Assert.Single(units["items"]!.AsArray())!["name"]!.GetValue<string>());

        (await localAdmin.PostAsync("/api/users", User($"{Prefecture}-unit", "石桥一中职称负责人", "reviewer", "unit", "leader"))).Expect(HttpStatusCode.Created);
        (await localAdmin.PostAsync("/api/users", User($"{Prefecture}-hr", "青川人社审核人", "reviewer", $"{Prefecture}/hr", "reviewer"))).Expect(HttpStatusCode.Created);
        (await localAdmin.PostAsync("/api/users", User($"{Prefecture}-office", "青川评委会办公室", "reviewer", $"{Prefecture}/hr", "committee"))).Expect(HttpStatusCode.Created);

        // The committee with its experts, approved and filed.
        var experts = new JsonArray();
        // Seven of other units and one of the applicant's own, who must recuse.
        foreach (var (n, unit) in Enumerable.Range(1, 7).Select(n => (n, $"青川地区第{n + 1}中学")).Append((8, UnitName)))
        {
            var id = $"{Prefecture}/expert/teacher-{n}";
            (await localAdmin.PostAsync("/api/experts", new JsonObject
            {
                ["id"] = id, ["name"] = $"评委{n}", ["locality"] = Prefecture, ["series"] = "teacher", ["specialty"] = "中学数学", ["unit"] = unit,
            })).Expect(HttpStatusCode.Created);
            experts.Add(id);
        }
        var committee = new JsonObject
        {
            ["id"] = Committee, ["locality"] = Prefecture, ["name"] = "青川地区中小学教师中级职称评审委员会", ["series"] = new JsonArray("teacher"),
            ["levels"] = new JsonArray("intermediate"), ["organiser"] = $"{Prefecture}/hr", ["experts"] = experts, ["status"] = "draft",
        };
        (await localAdmin.PostAsync("/api/committees", committee)).Expect(HttpStatusCode.Created);
        committee["status"] = "filed";
        committee["approvedBy"] = $"{Prefecture}/hr";
        committee["approvedOn"] = "2024-06-20";
        committee["filingNumber"] = "青人社评备〔2024〕1号";
        (await localAdmin.PutAsync($"/api/committees/{Committee}", committee)).Expect(HttpStatusCode.OK);

        // The template, cloned into the prefecture: reviewed by the applicant's county bureau, voted by the committee.
        (await localAdmin.PostAsync("/api/workflows/standard-evaluation/clone", new JsonObject
        {
            ["locality"] = Prefecture, ["definitionId"] = Workflow, ["name"] = "青川地区职称评审",
        })).Expect(HttpStatusCode.Created);
        var draft = await localAdmin.GetOkAsync($"/api/workflows/{Workflow}");
        var definition = draft["definition"]!.AsObject();
        var activities = definition["root"]!["activities"]!.AsArray();
        JsonObject Activity(string id) => activities.Single(a => a!["id"]!.GetValue<string>() == id)!.AsObject();
        Activity("competent-review")["assigneeOrg"] = Literal("county/education");
        Activity("committee-vote")["committee"] = Literal("{locality}/committee/{series}-{level}");
        (await localAdmin.PutAsync($"/api/workflows/{Workflow}/draft", new JsonObject
        {
            ["definition"] = definition.DeepClone(), ["baseVersion"] = draft["version"]!.GetValue<int>(), ["concurrencyToken"] = draft["concurrencyToken"]!.GetValue<string>(),
        })).Expect(HttpStatusCode.OK);

        // Nobody holds the county review yet: publishing is refused, naming the step, the county, the bureau and the role.
        var refused = (await localAdmin.PostAsync($"/api/workflows/{Workflow}/publish")).Expect((HttpStatusCode)422);
        var orphan = Assert.Single(refused["errors"]!.AsArray(), e => e!["code"]!.GetValue<string>() == "orphan-step")!;
        Assert.Equal("competent-review", orphan["activityId"]!.GetValue<string>());
        var message = orphan["message"]!.GetValue<string>();
        foreach (var part in new[] { "无人承办", "主管部门审核", CountyName, "县级教育局", "审核人" }) Assert.Contains(part, message);
        var holders = (await localAdmin.GetOkAsync($"/api/workflows/{Workflow}/step-holders?activityId=competent-review"))["items"]![0]!;
        Assert.Equal(0, holders["holderCount"]!.GetValue<int>());
        Assert.Equal(County, holders["gaps"]![0]!["county"]!.GetValue<string>());

        // The template admits every series and level, but the prefecture files one committee (teachers, intermediate):
        // publishing names the vote and the committees missing for the rest; the procedure is narrowed to its committee.
        var missing = Assert.Single(refused["errors"]!.AsArray(), e => e!["code"]!.GetValue<string>() == "unknown-committee")!;
        Assert.Equal("committee-vote", missing["activityId"]!.GetValue<string>());
        Assert.StartsWith("“评委会表决”", missing["message"]!.GetValue<string>());
        Assert.Contains($"“{Prefecture}/committee/", missing["message"]!.GetValue<string>());
        definition["customProperties"]!["scope"]!["series"] = new JsonArray("teacher");
        definition["customProperties"]!["scope"]!["levels"] = new JsonArray("intermediate");
        draft = await localAdmin.GetOkAsync($"/api/workflows/{Workflow}");
        (await localAdmin.PutAsync($"/api/workflows/{Workflow}/draft", new JsonObject
        {
            ["definition"] = definition.DeepClone(), ["baseVersion"] = draft["version"]!.GetValue<int>(), ["concurrencyToken"] = draft["concurrencyToken"]!.GetValue<string>(),
        })).Expect(HttpStatusCode.OK);
        refused = (await localAdmin.PostAsync($"/api/workflows/{Workflow}/publish")).Expect((HttpStatusCode)422);
        Assert.Equal(["orphan-step"], refused["errors"]!.AsArray().Select(e => e!["code"]!.GetValue<string>()).Distinct());

        (await localAdmin.PostAsync("/api/users", User($"{Prefecture}-bureau", "石桥县教育局审核人", "reviewer", Bureau, "reviewer"))).Expect(HttpStatusCode.Created);
        holders = (await localAdmin.GetOkAsync($"/api/workflows/{Workflow}/step-holders?activityId=competent-review"))["items"]![0]!;
        Assert.Equal($"{Prefecture}-bureau", Assert.Single(holders["holders"]!.AsArray())!["userName"]!.GetValue<string>());
        Assert.Empty(holders["gaps"]!.AsArray());
        (await localAdmin.PostAsync($"/api/workflows/{Workflow}/publish")).Expect(HttpStatusCode.OK);

        // An applicant registers (实名) and applies.
        var applicantName = $"{Prefecture}-teacher";
        var registration = RegistrationTests.Registration(applicantName, RegistrationTests.NextIdNumber(), Prefecture);
        (registration["county"], registration["unit"], registration["displayName"]) = (CountyName, UnitName, "林青");
        (await factory.Client().PostAsync("/api/auth/register", registration)).Expect(HttpStatusCode.Created);
        var applicant = factory.Client(applicantName);
        await applicant.SignInAsync("Shenbao2024");
        var data = await new ApplicationDriver(factory).ApplyDataAsync(applicant, Workflow, new JsonObject
        {
            ["name"] = "林青", ["county"] = CountyName, ["unit"] = UnitName, ["employmentType"] = "public-institution", ["series"] = "teacher",
            ["level"] = "intermediate", ["kind"] = "general",
        });
        var applicationId = (await applicant.PostAsync("/api/applications", new JsonObject { ["definitionId"] = Workflow, ["data"] = data }))
            .Expect(HttpStatusCode.Created)["id"]!.GetValue<string>();

        // Everyone acts from their own inbox; the committee office runs the session.
        var actors = new Dictionary<string, ApiClient>
        {
            ["unit"] = await SignInAsync($"{Prefecture}-unit"),
            ["county/education"] = await SignInAsync($"{Prefecture}-bureau"),
            [$"{Prefecture}/hr:reviewer"] = await SignInAsync($"{Prefecture}-hr"),
            [$"{Prefecture}/hr:committee"] = await SignInAsync($"{Prefecture}-office"),
        };
        var driver = new ApplicationDriver(factory);
        var acted = new List<string>();
        JsonNode detail = await admin.GetOkAsync($"/api/applications/{applicationId}");
        for (var step = 0; step < 30 && detail["status"]!.GetValue<string>() == "Waiting"; step++)
        {
            var task = await TaskOfAsync(actors.Values, applicationId);
            if (task is null) await driver.PassTimeAsync(detail);
            else if (task.Value.Task["stage"]!.GetValue<string>() == "committee-vote") await RunSessionAsync(task.Value.Actor, applicationId);
            else
            {
                var answer = task.Value.Task["actions"]!.AsArray().Select(a => a!.GetValue<string>()).Contains("approve") ? null
                    : new JsonObject { ["action"] = task.Value.Task["actions"]![0]!.GetValue<string>() };
                (await ApplicationDriver.ActAsync(task.Value.Actor, task.Value.Task, answer)).Expect(HttpStatusCode.OK);
            }
            if (task is not null) acted.Add($"{task.Value.Task["stage"]!.GetValue<string>()}@{task.Value.Task["org"]!.GetValue<string>()}");
            detail = await admin.GetOkAsync($"/api/applications/{applicationId}");
        }

        Assert.Equal("Completed", detail["status"]!.GetValue<string>());
        Assert.Equal(["unit-recommend@unit", "competent-review@county/education", $"hr-review@{Prefecture}/hr", $"scoring@{Prefecture}/hr",
            $"committee-vote@{Prefecture}/hr", $"approval@{Prefecture}/hr"], acted);
        Assert.Contains("unit-publicity", ApplicationDriver.Stages(detail));
        Assert.Contains("result-publicity", ApplicationDriver.Stages(detail));

        // A later reader sees who acted by name and organisation (never a user name), the session by committee and
        // date (never its id), and the scores.
        var timeline = detail["timeline"]!.AsArray();
        JsonNode Entry(string stage) => timeline.Last(e => e!["stage"]!.GetValue<string>() == stage)!;
        var hrReview = Entry("hr-review");
        Assert.Equal(($"{Prefecture}-hr", "青川人社审核人"), (hrReview["actor"]!.GetValue<string>(), hrReview["actorName"]!.GetValue<string>()));
        Assert.DoesNotContain("/", hrReview["actorOrg"]!.GetValue<string>());
        Assert.Equal("石桥一中职称负责人", Entry("unit-recommend")["actorName"]!.GetValue<string>());
        var vote = Entry("committee-vote");
        Assert.Matches(@"^青川地区中小学教师中级职称评审委员会 评审会 \d{4}-\d{2}-\d{2}$", vote["sessionName"]!.GetValue<string>());
        Assert.Null(vote["comment"]);
        Assert.Equal(JsonValueKind.Number, Entry("scoring")["details"]!["total"]!.GetValueKind());
        // The journal names the session of the votes the same way (its hashed data keeps the id).
        var journal = (await admin.GetOkAsync($"/api/applications/{applicationId}/journal"))["entries"]!.AsArray();
        var voteEntries = journal.Where(e => e!["data"]?["comment"]?.GetValue<string>().StartsWith("评审会 ") == true).ToList();
        Assert.NotEmpty(voteEntries);
        Assert.All(voteEntries, e => Assert.Equal(vote["sessionName"]!.GetValue<string>(), e!["sessionName"]!.GetValue<string>()));
        Assert.Equal("青川人社审核人", journal.Last(e => e!["actor"]!.GetValue<string>() == $"{Prefecture}-hr")!["actorName"]!.GetValue<string>());
        var number = detail["granted"]!["number"]!.GetValue<string>();
        var check = await factory.Client().GetOkAsync($"/api/public/certificates/{Uri.EscapeDataString(number)}");
        Assert.True(check["valid"]!.GetValue<bool>());
        Assert.Equal(("teacher", "intermediate", Prefecture), (check["series"]!.GetValue<string>(), check["level"]!.GetValue<string>(), check["locality"]!.GetValue<string>()));
        Assert.Equal("林*", check["holder"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_template_step_nobody_holds_is_a_warning_and_a_locality_step_nobody_holds_is_refused_naming_it()
    {
        var admin = await factory.SignInAsync("admin");
        (await admin.PostAsync("/api/localities", new JsonObject { ["code"] = Prefecture, ["name"] = "青川地区" })).Expect(HttpStatusCode.Created);
        (await admin.PostAsync("/api/vocabulary/departments", new JsonObject { ["code"] = $"archives-{_tag}", ["name"] = "档案局" })).Expect(HttpStatusCode.Created);
        var org = $"{{locality}}/archives-{_tag}";

        var template = $"template-archives-{_tag}";
        (await admin.PostAsync("/api/workflows", TestWorkflows.Review(template, "templates", org, "apply"))).Expect(HttpStatusCode.Created);
        (await admin.PostAsync($"/api/workflows/{template}/publish")).Expect(HttpStatusCode.OK);
        var warning = (await admin.GetOkAsync($"/api/workflows/{template}/step-holders"))["items"]!.AsArray().Single(s => s!["activityId"]!.GetValue<string>() == "review")!;
        Assert.Contains("任何地区都没有", Assert.Single(warning["gaps"]!.AsArray())!["message"]!.GetValue<string>());

        var local = $"{Prefecture}-archives";
        (await admin.PostAsync("/api/workflows", TestWorkflows.Review(local, Prefecture, org, "apply"))).Expect(HttpStatusCode.Created);
        var refused = (await admin.PostAsync($"/api/workflows/{local}/publish")).Expect((HttpStatusCode)422);
        var problem = Assert.Single(refused["errors"]!.AsArray())!;
        Assert.Equal(("review", "orphan-step"), (problem["activityId"]!.GetValue<string>(), problem["code"]!.GetValue<string>()));
        foreach (var part in new[] { "无人承办", "青川地区", "档案局", "审核人" }) Assert.Contains(part, problem["message"]!.GetValue<string>());
        Assert.False((await admin.GetOkAsync($"/api/workflows/{local}"))["isPublished"]!.GetValue<bool>());

        // A disabled holder holds nothing; an active one lets it publish.
        (await admin.PostAsync("/api/users", User($"{Prefecture}-archivist", "档案审核人", "reviewer", $"{Prefecture}/archives-{_tag}", "reviewer", disabled: true)))
            .Expect(HttpStatusCode.Created);
        (await admin.PostAsync($"/api/workflows/{local}/publish")).Expect((HttpStatusCode)422);
        (await admin.PutAsync($"/api/users/{Prefecture}-archivist", new JsonObject { ["disabled"] = false })).Expect(HttpStatusCode.OK);
        (await admin.PostAsync($"/api/workflows/{local}/publish")).Expect(HttpStatusCode.OK);
        var held = (await admin.GetOkAsync($"/api/workflows/{local}/step-holders?activityId=review"))["items"]![0]!;
        Assert.Equal("档案审核人", Assert.Single(held["holders"]!.AsArray())!["displayName"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_malformed_user_file_for_the_new_locality_imports_nobody_and_names_each_row_and_field()
    {
        var admin = await factory.SignInAsync("admin");
        (await admin.PostAsync("/api/localities", new JsonObject
        {
            ["code"] = Prefecture, ["name"] = "青川地区", ["counties"] = new JsonArray(new JsonObject { ["code"] = County, ["name"] = CountyName }),
        })).Expect(HttpStatusCode.Created);
        var csv = $"""
            userName,displayName,password,roles,locality,org,taskRoles,phone
            {Prefecture}-ok,好人,Haoren2024,reviewer,{Prefecture},{Prefecture}/hr,reviewer,
            {Prefecture}-phone,坏手机,Haoren2024,applicant,{Prefecture},,,12345
            {Prefecture}-foreign,外地机构,Haoren2024,reviewer,{Prefecture},elsewhere/hr,reviewer,
            {Prefecture}-task,坏任务角色,Haoren2024,reviewer,{Prefecture},{Prefecture}/hr,astronaut,
            {Prefecture}-nameless,,Haoren2024,applicant,{Prefecture},,,
            """;
        var report = (await PostCsvAsync(admin, csv)).Expect((HttpStatusCode)422);
        var rejected = report["rejected"]!.AsArray().Select(r => (Row: r!["row"]!.GetValue<int>(), Field: r["field"]?.GetValue<string>())).ToList();
        Assert.Contains((3, "phone"), rejected);
        Assert.Contains((4, "org"), rejected);
        Assert.Contains((5, "taskRoles"), rejected);
        Assert.Contains((6, "displayName"), rejected);
        Assert.DoesNotContain(rejected, r => r.Row == 2);

        // A row short of cells makes the file unreadable: refused as a whole.
        var shortRow = $"userName,displayName,password,roles,locality\n{Prefecture}-ok,好人,Haoren2024,reviewer,{Prefecture}\n{Prefecture}-short,缺列\n";
        var unreadable = await PostCsvAsync(admin, shortRow);
        Assert.Equal(422, (int)unreadable.Status);
        Assert.Equal(0, (await admin.GetOkAsync($"/api/users?locality={Prefecture}"))["total"]!.GetValue<int>());
    }

    /// <summary>The committee office opens a session for the waiting candidates, draws seven of the eight experts (the one of the applicant's own unit recuses), votes and closes.</summary>
    private async Task RunSessionAsync(ApiClient office, string applicationId)
    {
        var session = (await office.PostAsync("/api/committee-sessions", new JsonObject())).Expect(HttpStatusCode.Created);
        Assert.Equal(Committee, session["committeeId"]!.GetValue<string>());
        var path = $"/api/committee-sessions/{session["id"]!.GetValue<string>()}";
        var draw = (await office.PostAsync($"{path}/draw", new JsonObject { ["count"] = 7, ["seed"] = "qingchuan-2024" })).Expect(HttpStatusCode.OK);
        var members = draw["members"]!.AsArray().Select(m => m!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(7, members.Count);
        Assert.DoesNotContain($"{Prefecture}/expert/teacher-8", members);
        Assert.Contains(draw["recusals"]!.AsArray(), r => r!["expertId"]!.GetValue<string>() == $"{Prefecture}/expert/teacher-8");
        (await office.PostAsync($"{path}/votes", new JsonObject { ["applicationId"] = applicationId, ["for"] = 7, ["against"] = 0, ["abstain"] = 0 }))
            .Expect(HttpStatusCode.OK);
        var closed = (await office.PostAsync($"{path}/close")).Expect(HttpStatusCode.OK);
        Assert.Equal("passed", closed["candidates"]!.AsArray().Single(c => c!["applicationId"]!.GetValue<string>() == applicationId)!["decision"]!.GetValue<string>());
    }

    /// <summary>The application's open task, as found in the inbox of whoever holds it.</summary>
    private static async Task<(ApiClient Actor, JsonNode Task)?> TaskOfAsync(IEnumerable<ApiClient> actors, string applicationId)
    {
        foreach (var actor in actors)
            if ((await actor.GetOkAsync("/api/tasks?pageSize=200"))["items"]!.AsArray().FirstOrDefault(t => t!["applicationId"]!.GetValue<string>() == applicationId) is { } task)
                return (actor, task);
        return null;
    }

    private async Task<ApiClient> SignInAsync(string userName)
    {
        var client = factory.Client(userName);
        await client.SignInAsync(Password);
        return client;
    }

    private JsonObject User(string userName, string displayName, string role, string? org = null, string? taskRole = null, bool disabled = false) => new()
    {
        ["userName"] = userName, ["displayName"] = displayName, ["password"] = Password, ["roles"] = new JsonArray(role), ["locality"] = Prefecture,
        ["org"] = org, ["taskRoles"] = taskRole is null ? new JsonArray() : new JsonArray(taskRole), ["disabled"] = disabled,
    };

    private static async Task<ApiResponse> PostCsvAsync(ApiClient client, string csv)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        using var response = await client.Http.PostAsync("/api/users/import", content);
        return new ApiResponse(response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType);
    }

    private static JsonObject Literal(string value) => new() { ["typeName"] = "String", ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = value } };
}
