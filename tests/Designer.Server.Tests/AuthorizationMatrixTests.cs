using System.Net;
using System.Text.Json.Nodes;
using Designer.Server.Tests.Infrastructure;

namespace Designer.Server.Tests;

/// <summary>Bazhou data that outsiders must never reach: an application at a sector review, one before a committee session, a draft.</summary>
public sealed class MatrixFactory : DesignerFactory, IAsyncLifetime
{
    public const string Name = "矩阵甲";
    public const string RecordSecret = "矩阵南疆";
    public const string IntegritySecret = "矩阵查实";
    public const string Organisation = "bazhou/unit/matrix-school";
    public const string OrganisationName = "矩阵学校";
    public const string Registrar = "bazhou/public/enterprise/hr";
    public const string RegistrarSecret = "矩阵学时审核";
    public string ApplicationId { get; private set; } = "";
    public string TaskId { get; private set; } = "";
    public string SessionId { get; private set; } = "";
    public string DraftId { get; private set; } = "";
    public string WindowId { get; private set; } = "";
    public string HolidayId { get; private set; } = "";
    public long QuotaId { get; private set; }
    public string ComplaintId { get; private set; } = "";
    public const string ComplaintSecret = "矩阵举报";
    public string Applicant { get; private set; } = "";
    /// <summary>Bazhou education bureau reviewers: one with only the "reviewer" task role, one with none.</summary>
    public string NonCommitteeReviewer { get; private set; } = "";
    public string RolelessReviewer { get; private set; } = "";

    public MatrixFactory() : base(Folders.New(), Designer.Engine.Runtime.ManualClock.StartingOn(new DateOnly(2024, 9, 2))) { }

    public const string Expert = "bazhou/expert/teacher-01";
    public const string Committee = "bazhou/committee/teacher-deputy-senior";

    public const string KashgarPlatform = "kashgar-platform";
    public const string KashgarPlatformSecret = "kashgar-platform-secret";

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureAppConfiguration((_, configuration) => Microsoft.Extensions.Configuration.MemoryConfigurationBuilderExtensions.AddInMemoryCollection(configuration,
            new Dictionary<string, string?>
            {
                ["Auth:Clients:0:ClientId"] = KashgarPlatform, ["Auth:Clients:0:ClientSecret"] = KashgarPlatformSecret,
                ["Auth:Clients:0:Scopes:0"] = "results", ["Auth:Clients:0:Locality"] = "kashgar",
            }));
    }

    /// <summary>A client-credentials token of Kashgar's integration client.</summary>
    public async Task<ApiClient> KashgarPlatformAsync()
    {
        var client = Client();
        using var response = await client.Http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = KashgarPlatform, ["client_secret"] = KashgarPlatformSecret, ["scope"] = "results",
        }));
        var token = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["access_token"]!.GetValue<string>();
        client.Http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static JsonObject Teacher(string name) => new()
    {
        ["name"] = name, ["county"] = "和静县", ["unit"] = "和静县第三中学", ["employmentType"] = "public-institution",
        ["workplaceLevel"] = "prefecture", ["series"] = "teacher", ["level"] = "deputy-senior", ["kind"] = "directed",
        ["grassrootsYears"] = 5, ["competentDepartment"] = "education",
    };

    public async Task InitializeAsync()
    {
        var driver = new ApplicationDriver(this);
        Applicant = await CreateApplicantAsync("bazhou");
        ApplicationId = await driver.SubmitAsync(Applicant, "bazhou-directed-deputy-senior", Teacher(Name));
        await driver.RunAsync(ApplicationId, Applicant, stopAt: "competent-review");
        var education = await driver.As("bazhou-reviewer-education");
        TaskId = (await education.GetOkAsync("/api/tasks?pageSize=200"))["items"]!.AsArray().Single(t => t!["applicationId"]!.GetValue<string>() == ApplicationId)!["id"]!.GetValue<string>();

        var other = await CreateApplicantAsync("bazhou");
        var second = await driver.SubmitAsync(other, "bazhou-directed-deputy-senior", Teacher("矩阵乙"));
        await driver.RunAsync(second, other, stopAt: "committee-vote");
        SessionId = (await education.PostAsync("/api/committee-sessions", new JsonObject())).Expect(HttpStatusCode.Created)["id"]!.GetValue<string>();

        NonCommitteeReviewer = await CreateReviewerAsync("bazhou", "bazhou/education", "reviewer");
        // Made as an admin makes people (POST /api/users), with an empty task-role list: it must mean none, never all.
        RolelessReviewer = $"bazhou-roleless-{Guid.NewGuid().ToString("N")[..6]}";
        var admin = await SignInAsync("admin");
        (await admin.PostAsync("/api/users", new JsonObject
        {
            ["userName"] = RolelessReviewer, ["displayName"] = "无任务角色", ["password"] = Password, ["roles"] = new JsonArray("reviewer"),
            ["locality"] = "bazhou", ["org"] = "bazhou/education", ["taskRoles"] = new JsonArray(),
        })).Expect(HttpStatusCode.Created);

        // The applicant's record: a title and an integrity finding only Bazhou may see.
        var hr = await driver.As("bazhou-reviewer-hr");
        (await hr.PostAsync($"/api/people/{Applicant}/titles", new JsonObject
        {
            ["series"] = "teacher", ["level"] = "intermediate", ["directed"] = true, ["validIn"] = RecordSecret, ["obtainedOn"] = "2018-12-20",
        })).Expect(HttpStatusCode.Created);
        (await hr.PostAsync("/api/integrity-records", new JsonObject { ["userName"] = Applicant, ["finding"] = IntegritySecret, ["from"] = "2020-01-01" }))
            .Expect(HttpStatusCode.Created);

        var policyAdmin = await driver.As("admin");
        (await policyAdmin.PostAsync("/api/organisations", new JsonObject
        {
            ["id"] = Organisation, ["name"] = OrganisationName, ["kind"] = "unit", ["county"] = "和静县",
        })).Expect(HttpStatusCode.Created);

        (await policyAdmin.PostAsync("/api/education-registrars", new JsonObject
        {
            ["locality"] = "bazhou", ["category"] = "public", ["staff"] = "enterprise", ["registrar"] = "hr", ["checks"] = RegistrarSecret,
        })).Expect(HttpStatusCode.Created);

        var third = await driver.As(await CreateApplicantAsync("bazhou"));
        DraftId = (await third.PostAsync("/api/applications", new JsonObject
        {
            ["definitionId"] = "bazhou-directed-deputy-senior", ["data"] = Teacher("矩阵丙"), ["draft"] = true,
        })).Expect(HttpStatusCode.Created)["id"]!.GetValue<string>();

        var bazhouAdmin = await SignInAsync("bazhou-admin");
        WindowId = (await bazhouAdmin.PostAsync("/api/calendar/windows", Window())).Expect(HttpStatusCode.OK)["id"]!.GetValue<string>();
        HolidayId = (await bazhouAdmin.PostAsync("/api/calendar/holidays", Holiday())).Expect(HttpStatusCode.OK)["id"]!.GetValue<string>();
        QuotaId = (await bazhouAdmin.PostAsync("/api/quotas", new JsonObject
            { ["locality"] = "bazhou", ["unit"] = OrganisationName, ["postKind"] = "directed", ["level"] = "deputy-senior", ["posts"] = 2 })).Expect(HttpStatusCode.OK)["id"]!.GetValue<long>();
        ComplaintId = (await Client().PostAsync("/api/public/complaints", new JsonObject
            { ["locality"] = "bazhou", ["subject"] = ComplaintSecret, ["content"] = "矩阵内容", ["name"] = "矩阵人" })).Expect(HttpStatusCode.Created)["id"]!.GetValue<string>();
    }

    /// <summary>A draft window of Bazhou (governs nothing) and a Bazhou holiday far from any test's dates.</summary>
    public static JsonObject Window() => new() { ["locality"] = "bazhou", ["name"] = "矩阵窗口", ["opens"] = "2030-01-01", ["closes"] = "2030-01-31", ["status"] = "draft" };
    public static JsonObject Holiday() => new() { ["locality"] = "bazhou", ["name"] = "矩阵假日", ["from"] = "2030-02-01", ["source"] = "矩阵依据" };

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

/// <summary>
/// Every endpoint, called by every role from another locality (and anonymously), on Bazhou's data: 401, 403 or 404,
/// and no Bazhou data in the body. Lists may answer 200, without Bazhou's entries.
/// </summary>
public sealed class AuthorizationMatrixTests(MatrixFactory factory) : IClassFixture<MatrixFactory>
{
    private sealed record Call(HttpMethod Method, string Path, JsonNode? Body = null, bool IsList = false, bool MayBeInvalid = false);

    private IEnumerable<Call> Calls()
    {
        const string workflow = "/api/workflows/bazhou-directed-deputy-senior";
        var definition = new JsonObject
        {
            ["definitionId"] = "bazhou-directed-deputy-senior", ["name"] = "x", ["customProperties"] = new JsonObject { ["locality"] = "bazhou" },
            ["root"] = new JsonObject { ["type"] = "Elsa.Flowchart", ["id"] = "root", ["activities"] = new JsonArray() },
        };
        yield return new(HttpMethod.Get, "/api/workflows", IsList: true);
        yield return new(HttpMethod.Get, "/api/workflows?locality=bazhou", IsList: true);
        yield return new(HttpMethod.Get, workflow);
        yield return new(HttpMethod.Get, $"{workflow}/versions");
        yield return new(HttpMethod.Get, $"{workflow}/versions/1");
        yield return new(HttpMethod.Get, $"{workflow}/export");
        yield return new(HttpMethod.Get, $"{workflow}/step-holders");
        yield return new(HttpMethod.Get, $"{workflow}/step-holders?activityId=unit-recommend");
        yield return new(HttpMethod.Post, "/api/workflows", definition.DeepClone());
        yield return new(HttpMethod.Put, $"{workflow}/draft", new JsonObject { ["definition"] = definition.DeepClone(), ["baseVersion"] = 1, ["concurrencyToken"] = "x" });
        yield return new(HttpMethod.Post, $"{workflow}/publish");
        yield return new(HttpMethod.Post, $"{workflow}/retract");
        yield return new(HttpMethod.Post, $"{workflow}/revert/1");
        yield return new(HttpMethod.Delete, $"{workflow}/draft");
        yield return new(HttpMethod.Post, $"{workflow}/draft/merge", new JsonObject { ["base"] = definition.DeepClone(), ["mine"] = definition.DeepClone() });
        yield return new(HttpMethod.Post, $"{workflow}/clone", new JsonObject { ["locality"] = "bazhou" });
        yield return new(HttpMethod.Post, "/api/workflows/import", definition.DeepClone());
        yield return new(HttpMethod.Get, "/api/forms", IsList: true);
        yield return new(HttpMethod.Get, "/api/forms/bazhou/apply");
        yield return new(HttpMethod.Get, "/api/forms/bazhou/apply/versions");
        yield return new(HttpMethod.Put, "/api/forms/bazhou/apply/draft", new JsonObject { ["schema"] = new JsonObject(), ["baseVersion"] = 1, ["concurrencyToken"] = "x" });
        yield return new(HttpMethod.Post, "/api/forms/bazhou/apply/publish");
        yield return new(HttpMethod.Post, "/api/forms", new JsonObject { ["formId"] = "bazhou/new-form", ["schema"] = new JsonObject { ["type"] = "object" } });
        yield return new(HttpMethod.Get, "/api/procedures", IsList: true);
        yield return new(HttpMethod.Get, "/api/procedures?locality=bazhou", IsList: true);
        yield return new(HttpMethod.Get, "/api/applications", IsList: true);
        yield return new(HttpMethod.Get, $"/api/applications/{factory.ApplicationId}");
        yield return new(HttpMethod.Post, "/api/applications", new JsonObject { ["definitionId"] = "bazhou-directed-deputy-senior", ["data"] = MatrixFactory.Teacher("外人") });
        yield return new(HttpMethod.Put, $"/api/applications/{factory.DraftId}/draft", new JsonObject { ["data"] = MatrixFactory.Teacher("外人") });
        yield return new(HttpMethod.Post, $"/api/applications/{factory.DraftId}/submit");
        yield return new(HttpMethod.Get, "/api/tasks", IsList: true);
        yield return new(HttpMethod.Get, $"/api/tasks/{factory.TaskId}");
        yield return new(HttpMethod.Post, $"/api/tasks/{factory.TaskId}/act", new JsonObject { ["action"] = "approve", ["data"] = new JsonObject() });
        yield return new(HttpMethod.Post, $"/api/tasks/{factory.TaskId}/claim");
        yield return new(HttpMethod.Post, $"/api/tasks/{factory.TaskId}/unclaim");
        yield return new(HttpMethod.Get, "/api/tasks/recommendation-quota?procedure=bazhou-directed-deputy-senior", IsList: true);
        yield return new(HttpMethod.Post, "/api/tasks/batch-recommend", new JsonObject { ["taskIds"] = new JsonArray(factory.TaskId), ["action"] = "approve" }, MayBeInvalid: true);
        yield return new(HttpMethod.Get, "/api/tasks/recommendation-order?procedure=bazhou-directed-deputy-senior", IsList: true);
        yield return new(HttpMethod.Put, "/api/tasks/recommendation-order", new JsonObject
        {
            ["procedure"] = "bazhou-directed-deputy-senior", ["taskIds"] = new JsonArray(factory.TaskId),
        }, MayBeInvalid: true);
        yield return new(HttpMethod.Get, "/api/notifications", IsList: true);
        yield return new(HttpMethod.Get, "/api/operations/instances", IsList: true);
        yield return new(HttpMethod.Get, "/api/operations/instances?locality=bazhou", IsList: true);
        yield return new(HttpMethod.Get, $"/api/operations/instances/{factory.ApplicationId}");
        yield return new(HttpMethod.Post, $"/api/operations/instances/{factory.ApplicationId}/retry", new JsonObject { ["reason"] = "外人" });
        yield return new(HttpMethod.Post, $"/api/operations/instances/{factory.ApplicationId}/cancel", new JsonObject { ["reason"] = "外人" });
        yield return new(HttpMethod.Post, $"/api/operations/instances/{factory.ApplicationId}/move", new JsonObject { ["toActivityId"] = "committee-vote", ["reason"] = "外人" });
        yield return new(HttpMethod.Post, $"/api/operations/tasks/{factory.TaskId}/reassign", new JsonObject { ["role"] = "reviewer", ["reason"] = "外人" });
        yield return new(HttpMethod.Post, $"/api/applications/{factory.ApplicationId}/withdraw", new JsonObject { ["reason"] = "外人" });
        yield return new(HttpMethod.Post, $"{workflow}/impact", new JsonObject());
        yield return new(HttpMethod.Get, $"{workflow}/impact.csv");
        yield return new(HttpMethod.Get, "/api/committee-sessions", IsList: true);
        // A reviewer may gather their own organisation's candidates: with none waiting that is a 422, never Bazhou's.
        yield return new(HttpMethod.Post, "/api/committee-sessions", new JsonObject { ["org"] = "bazhou/education" }, MayBeInvalid: true);
        yield return new(HttpMethod.Post, "/api/committee-sessions", new JsonObject(), MayBeInvalid: true);
        yield return new(HttpMethod.Get, $"/api/committee-sessions/{factory.SessionId}");
        yield return new(HttpMethod.Post, $"/api/committee-sessions/{factory.SessionId}/votes", new JsonObject { ["applicationId"] = factory.ApplicationId, ["for"] = 7, ["against"] = 0, ["abstain"] = 0 });
        yield return new(HttpMethod.Post, $"/api/committee-sessions/{factory.SessionId}/close");
        yield return new(HttpMethod.Get, $"/api/committee-sessions/{factory.SessionId}/draw");
        yield return new(HttpMethod.Post, $"/api/committee-sessions/{factory.SessionId}/draw", new JsonObject { ["count"] = 5, ["seed"] = "outsider" });
        // The expert pool and the committees: a locality admin manages only their own locality's.
        var expert = new JsonObject
        {
            ["id"] = "bazhou/expert/outsider", ["name"] = "外人", ["locality"] = "bazhou", ["series"] = "teacher", ["specialty"] = "x", ["unit"] = "x",
        };
        var committee = new JsonObject
        {
            ["id"] = "bazhou/committee/outsider", ["locality"] = "bazhou", ["name"] = "x", ["series"] = new JsonArray("teacher"),
            ["levels"] = new JsonArray("deputy-senior"), ["organiser"] = "bazhou/hr", ["experts"] = new JsonArray(), ["status"] = "draft",
        };
        yield return new(HttpMethod.Get, "/api/experts", IsList: true);
        yield return new(HttpMethod.Get, "/api/experts?locality=bazhou", IsList: true);
        yield return new(HttpMethod.Get, $"/api/experts/{MatrixFactory.Expert}");
        yield return new(HttpMethod.Post, "/api/experts", expert.DeepClone());
        yield return new(HttpMethod.Put, $"/api/experts/{MatrixFactory.Expert}", expert.DeepClone());
        yield return new(HttpMethod.Get, "/api/committees", IsList: true);
        yield return new(HttpMethod.Get, "/api/committees?locality=bazhou", IsList: true);
        yield return new(HttpMethod.Get, $"/api/committees/{MatrixFactory.Committee}");
        yield return new(HttpMethod.Post, "/api/committees", committee.DeepClone());
        yield return new(HttpMethod.Put, $"/api/committees/{MatrixFactory.Committee}", committee.DeepClone());
        // Governance: quotas, a committee's suspension, an expert's violation, a void result, the complaints ledger.
        yield return new(HttpMethod.Get, "/api/quotas", IsList: true);
        yield return new(HttpMethod.Get, "/api/quotas?locality=bazhou", IsList: true);
        yield return new(HttpMethod.Post, "/api/quotas", new JsonObject
            { ["locality"] = "bazhou", ["unit"] = MatrixFactory.OrganisationName, ["postKind"] = "directed", ["level"] = "deputy-senior", ["posts"] = 9 });
        yield return new(HttpMethod.Post, $"/api/quotas/{factory.QuotaId}/file", new JsonObject { ["filingNumber"] = "外人" });
        yield return new(HttpMethod.Post, "/api/committees/governance", new JsonObject { ["committee"] = MatrixFactory.Committee, ["action"] = "suspend", ["reason"] = "外人" });
        yield return new(HttpMethod.Post, "/api/experts/violations", new JsonObject { ["expert"] = MatrixFactory.Expert, ["reason"] = "外人" });
        yield return new(HttpMethod.Post, $"/api/operations/instances/{factory.ApplicationId}/invalidate", new JsonObject { ["reason"] = "外人" });
        yield return new(HttpMethod.Get, "/api/complaints", IsList: true);
        yield return new(HttpMethod.Get, "/api/complaints?locality=bazhou", IsList: true);
        yield return new(HttpMethod.Post, $"/api/complaints/{factory.ComplaintId}/close", new JsonObject { ["finding"] = "外人" });
        // The applicant's record: the person and HR of Bazhou only (administration.md).
        var person = $"/api/people/{factory.Applicant}";
        yield return new(HttpMethod.Get, $"{person}/record");
        yield return new(HttpMethod.Get, $"{person}/titles");
        yield return new(HttpMethod.Post, $"{person}/titles", new JsonObject { ["series"] = "teacher", ["level"] = "junior", ["obtainedOn"] = "2010-01-01" });
        yield return new(HttpMethod.Get, $"{person}/education-hours");
        yield return new(HttpMethod.Post, $"{person}/education-hours", new JsonObject { ["year"] = 2023, ["category"] = "public", ["hours"] = 30 });
        yield return new(HttpMethod.Post, $"{person}/education-hours/verify", new JsonObject { ["fromYear"] = 2023, ["toYear"] = 2023 });
        yield return new(HttpMethod.Get, "/api/integrity-records", IsList: true);
        yield return new(HttpMethod.Get, $"/api/integrity-records?userName={factory.Applicant}", IsList: true);
        yield return new(HttpMethod.Post, "/api/integrity-records", new JsonObject { ["userName"] = factory.Applicant, ["finding"] = "外人", ["from"] = "2024-01-01" });
        yield return new(HttpMethod.Get, "/api/calendar/windows", IsList: true);
        yield return new(HttpMethod.Get, "/api/calendar/windows?locality=bazhou", IsList: true);
        yield return new(HttpMethod.Post, "/api/calendar/windows", MatrixFactory.Window());
        yield return new(HttpMethod.Put, $"/api/calendar/windows/{factory.WindowId}", MatrixFactory.Window());
        yield return new(HttpMethod.Delete, $"/api/calendar/windows/{factory.WindowId}");
        yield return new(HttpMethod.Get, "/api/calendar/holidays", IsList: true);
        yield return new(HttpMethod.Get, "/api/calendar/holidays?locality=bazhou", IsList: true);
        yield return new(HttpMethod.Post, "/api/calendar/holidays", MatrixFactory.Holiday());
        yield return new(HttpMethod.Put, $"/api/calendar/holidays/{factory.HolidayId}", MatrixFactory.Holiday());
        yield return new(HttpMethod.Delete, $"/api/calendar/holidays/{factory.HolidayId}");
        yield return new(HttpMethod.Get, $"/api/committee-sessions/{factory.SessionId}/export.xlsx");
        yield return new(HttpMethod.Get, $"/api/applications/{factory.ApplicationId}/certificate.pdf");
        yield return new(HttpMethod.Get, "/api/applications/export.xlsx", IsList: true);
        // The vocabulary and the localities: everyone signed in reads, only the policy admin adds.
        yield return new(HttpMethod.Get, "/api/vocabulary/series", IsList: true);
        yield return new(HttpMethod.Post, "/api/vocabulary/series", new JsonObject { ["code"] = "matrix-series", ["name"] = "矩阵系列" });
        yield return new(HttpMethod.Get, "/api/localities", IsList: true);
        yield return new(HttpMethod.Post, "/api/localities", new JsonObject
        {
            ["code"] = "matrix-county-city", ["name"] = "矩阵市", ["parent"] = "bazhou", ["counties"] = new JsonArray(new JsonObject { ["code"] = "m", ["name"] = "矩阵县" }),
        });
        // Organisations: the locality's admins (and the policy admin) manage them; a list shows only what the caller may see.
        yield return new(HttpMethod.Get, "/api/organisations", IsList: true);
        yield return new(HttpMethod.Get, "/api/organisations?locality=bazhou", IsList: true);
        yield return new(HttpMethod.Get, "/api/organisations/units?locality=bazhou", IsList: true);
        yield return new(HttpMethod.Post, "/api/organisations", new JsonObject { ["id"] = "bazhou/unit/intruder", ["name"] = "外来单位", ["kind"] = "unit", ["county"] = "和静县" });
        yield return new(HttpMethod.Put, $"/api/organisations/{MatrixFactory.Organisation}", new JsonObject { ["name"] = "改名", ["kind"] = "unit", ["county"] = "和静县" });
        // Continuing-education registrars: the policy admin manages them; a locality admin lists only their own locality's.
        yield return new(HttpMethod.Get, "/api/education-registrars", IsList: true);
        yield return new(HttpMethod.Get, "/api/education-registrars?locality=bazhou", IsList: true);
        yield return new(HttpMethod.Post, "/api/education-registrars", new JsonObject { ["locality"] = "bazhou", ["category"] = "public", ["registrar"] = "competent-department" });
        yield return new(HttpMethod.Put, $"/api/education-registrars/{MatrixFactory.Registrar}", new JsonObject { ["active"] = false });
        // Integration routes belong to client-credentials tokens with the "results" scope, never to a person.
        yield return new(HttpMethod.Get, "/api/integration/results");
        yield return new(HttpMethod.Get, "/api/integration/certificates");
        // People of Bazhou: a locality admin of another locality neither sees nor changes them, nor creates users in Bazhou.
        yield return new(HttpMethod.Get, "/api/users", IsList: true);
        yield return new(HttpMethod.Get, "/api/users?locality=bazhou", IsList: true);
        yield return new(HttpMethod.Get, "/api/users/bazhou-reviewer-education");
        yield return new(HttpMethod.Put, "/api/users/bazhou-reviewer-education", new JsonObject { ["disabled"] = true });
        yield return new(HttpMethod.Post, "/api/users/bazhou-reviewer-education/reset-password");
        yield return new(HttpMethod.Post, "/api/users", new JsonObject
        {
            ["userName"] = "bazhou-intruder", ["displayName"] = "外人", ["password"] = "Intruder2024", ["roles"] = new JsonArray("reviewer"),
            ["locality"] = "bazhou", ["org"] = "bazhou/education", ["taskRoles"] = new JsonArray("committee"),
        });
        foreach (var target in new JsonNode[] { new JsonObject { ["definitionId"] = "bazhou-directed-deputy-senior", ["version"] = 1 }, "bazhou", "workflows/bazhou/directed-deputy-senior.json" })
            yield return new(HttpMethod.Post, "/api/simulate", new JsonObject
            {
                ["workflow"] = target.DeepClone(), ["startDate"] = "2024-09-02", ["applicant"] = MatrixFactory.Teacher("外人"),
            });
    }

    private string[] Secrets => [factory.ApplicationId, factory.TaskId, factory.SessionId, factory.DraftId, MatrixFactory.Name, "矩阵乙", "矩阵丙",
        "bazhou-directed-deputy-senior", "bazhou/apply", "和静县第三中学", MatrixFactory.Expert, MatrixFactory.Committee, "bazhou/expert/",
        MatrixFactory.RecordSecret, MatrixFactory.IntegritySecret, "矩阵窗口", "矩阵假日", "bazhou-reviewer-education", factory.RolelessReviewer,
        MatrixFactory.OrganisationName, MatrixFactory.ComplaintSecret, MatrixFactory.RegistrarSecret];

    public static TheoryData<string> Outsiders => ["kashgar-admin", "kashgar-applicant", "kashgar-reviewer-agriculture", "unit-reviewer-kashgar", "kashgar-reviewer-county-hr", "xinjiang-applicant"];

    [Theory]
    [MemberData(nameof(Outsiders))]
    public async Task Users_of_another_locality_get_nothing_of_Bazhou(string userName)
    {
        var client = await factory.SignInAsync(userName);
        var failures = new List<string>();
        foreach (var call in Calls())
        {
            var response = await client.SendAsync(call.Method, call.Path, call.Body);
            var allowed = call.IsList ? response.Status is HttpStatusCode.OK or HttpStatusCode.Forbidden
                : response.Status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound || (call.MayBeInvalid && (int)response.Status == 422);
            if (!allowed) failures.Add($"{call.Method} {call.Path}: {(int)response.Status} {Cut(response.Text)}");
            foreach (var secret in Secrets.Where(s => Reveals(response, s)))
                failures.Add($"{call.Method} {call.Path}: body reveals '{secret}'");
        }
        Assert.True(failures.Count == 0, $"{userName}:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task An_integration_client_of_another_locality_gets_nothing_of_Bazhou()
    {
        var platform = await factory.KashgarPlatformAsync();
        var failures = new List<string>();
        foreach (var call in Calls())
        {
            var response = await platform.SendAsync(call.Method, call.Path, call.Body);
            var allowed = call.Path.StartsWith("/api/integration/") ? response.Status == HttpStatusCode.OK : response.Status == HttpStatusCode.Forbidden;
            if (!allowed) failures.Add($"{call.Method} {call.Path}: {(int)response.Status} {Cut(response.Text)}");
            foreach (var secret in Secrets.Where(s => Reveals(response, s))) failures.Add($"{call.Method} {call.Path}: reveals '{secret}'");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Anonymous_callers_get_401_everywhere_but_the_public_routes()
    {
        var client = factory.Client();
        var calls = Calls().Append(new(HttpMethod.Get, "/api/activities")).Append(new(HttpMethod.Get, "/api/vocabulary"))
            .Append(new(HttpMethod.Get, "/api/auth/me")).Append(new(HttpMethod.Get, "/api/auth/antiforgery")).Append(new(HttpMethod.Post, "/api/auth/logout"));
        var failures = new List<string>();
        foreach (var call in calls)
        {
            var response = await client.SendAsync(call.Method, call.Path, call.Body);
            if (response.Status != HttpStatusCode.Unauthorized) failures.Add($"{call.Method} {call.Path}: {(int)response.Status} {Cut(response.Text)}");
            foreach (var secret in Secrets.Where(s => Reveals(response, s))) failures.Add($"{call.Method} {call.Path}: reveals '{secret}'");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task The_auditor_reads_everything_and_writes_nothing()
    {
        var auditor = await factory.SignInAsync("auditor");
        Assert.Contains(factory.ApplicationId, (await auditor.GetAsync($"/api/applications/{factory.ApplicationId}")).Expect(HttpStatusCode.OK).ToJsonString());
        Assert.Contains(factory.TaskId, (await auditor.GetAsync("/api/tasks")).Text);
        (await auditor.GetAsync("/api/workflows/bazhou-directed-deputy-senior")).Expect(HttpStatusCode.OK);
        var failures = new List<string>();
        // Simulations and impact reports write nothing: the auditor may run them.
        foreach (var call in Calls().Where(c => c.Method != HttpMethod.Get && !c.Path.StartsWith("/api/simulate") && !c.Path.EndsWith("/impact")))
        {
            var response = await auditor.SendAsync(call.Method, call.Path, call.Body);
            if (response.Status is not (HttpStatusCode.Forbidden or HttpStatusCode.NotFound) && !(call.MayBeInvalid && (int)response.Status == 422))
                failures.Add($"{call.Method} {call.Path}: {(int)response.Status} {Cut(response.Text)}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal("Waiting", (await auditor.GetOkAsync($"/api/applications/{factory.ApplicationId}"))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Within_Bazhou_an_applicant_sees_only_their_own_and_a_reviewer_only_their_organisations_tasks()
    {
        var neighbour = await factory.SignInAsync("bazhou-applicant");
        (await neighbour.GetAsync($"/api/applications/{factory.ApplicationId}")).Expect(HttpStatusCode.NotFound);
        Assert.DoesNotContain(factory.ApplicationId, (await neighbour.GetAsync("/api/applications")).Text);

        var health = await factory.SignInAsync("bazhou-reviewer-health");
        (await health.GetAsync($"/api/tasks/{factory.TaskId}")).Expect(HttpStatusCode.NotFound);
        (await health.PostAsync($"/api/tasks/{factory.TaskId}/act", new JsonObject { ["action"] = "approve" })).Expect(HttpStatusCode.NotFound);
        Assert.DoesNotContain(factory.TaskId, (await health.GetAsync("/api/tasks")).Text);

        var owner = await factory.SignInAsync(factory.Applicant);
        var own = await owner.GetAsync($"/api/applications/{factory.ApplicationId}");
        own.Expect(HttpStatusCode.OK);
        Assert.Contains(MatrixFactory.Name, own.Text);
        (await owner.PostAsync($"/api/tasks/{factory.TaskId}/act", new JsonObject { ["action"] = "approve" })).Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Within_Bazhou_the_person_reads_their_own_record_HR_and_admins_write_it_and_other_reviewers_see_nothing()
    {
        var record = $"/api/people/{factory.Applicant}/record";
        var hours = new JsonObject { ["year"] = 2023, ["category"] = "professional", ["hours"] = 60 };
        var owner = await factory.SignInAsync(factory.Applicant);
        Assert.Contains(MatrixFactory.IntegritySecret, (await owner.GetOkAsync(record)).ToJsonString(new System.Text.Json.JsonSerializerOptions
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        }));
        (await owner.PostAsync($"/api/people/{factory.Applicant}/education-hours", hours)).Expect(HttpStatusCode.Forbidden);
        (await owner.PostAsync("/api/integrity-records", new JsonObject { ["userName"] = factory.Applicant, ["finding"] = "自己", ["from"] = "2024-01-01" }))
            .Expect(HttpStatusCode.Forbidden);
        foreach (var writer in new[] { "bazhou-reviewer-hr", "bazhou-admin", "admin" })
            (await (await factory.SignInAsync(writer)).PostAsync($"/api/people/{factory.Applicant}/education-hours", hours)).Expect(HttpStatusCode.Created);
        (await (await factory.SignInAsync("auditor")).GetAsync(record)).Expect(HttpStatusCode.OK);
        (await (await factory.SignInAsync("auditor")).PostAsync($"/api/people/{factory.Applicant}/education-hours", hours)).Expect(HttpStatusCode.Forbidden);
        var cycle = new JsonObject { ["fromYear"] = 2023, ["toYear"] = 2023 };
        (await owner.PostAsync($"/api/people/{factory.Applicant}/education-hours/verify", cycle)).Expect(HttpStatusCode.Forbidden);
        (await (await factory.SignInAsync("auditor")).PostAsync($"/api/people/{factory.Applicant}/education-hours/verify", cycle)).Expect(HttpStatusCode.Forbidden);
        (await (await factory.SignInAsync("kashgar-admin")).PostAsync($"/api/people/{factory.Applicant}/education-hours/verify", cycle)).Expect(HttpStatusCode.NotFound);
        (await (await factory.SignInAsync("bazhou-reviewer-hr")).PostAsync($"/api/people/{factory.Applicant}/education-hours/verify", cycle)).Expect(HttpStatusCode.OK);
        foreach (var other in new[] { "bazhou-applicant", "bazhou-reviewer-education" })
            (await (await factory.SignInAsync(other)).GetAsync(record)).Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Reviewers_of_the_committee_organisation_without_its_role_cannot_read_vote_in_or_close_the_session()
    {
        var session = $"/api/committee-sessions/{factory.SessionId}";
        var committee = await factory.SignInAsync("bazhou-reviewer-education");
        var candidate = (await committee.GetOkAsync(session))["candidates"]![0]!["applicationId"]!.GetValue<string>();
        var failures = new List<string>();
        foreach (var userName in new[] { factory.NonCommitteeReviewer, factory.RolelessReviewer })
        {
            var client = await factory.SignInAsync(userName);
            foreach (var call in new Call[]
            {
                new(HttpMethod.Get, session),
                new(HttpMethod.Post, $"{session}/votes", new JsonObject { ["applicationId"] = candidate, ["for"] = 7, ["against"] = 0, ["abstain"] = 0 }),
                new(HttpMethod.Post, $"{session}/close"),
            })
            {
                var response = await client.SendAsync(call.Method, call.Path, call.Body);
                if (response.Status is not (HttpStatusCode.Forbidden or HttpStatusCode.NotFound))
                    failures.Add($"{userName} {call.Method} {call.Path}: {(int)response.Status} {Cut(response.Text)}");
            }
            if ((await client.GetAsync("/api/committee-sessions")).Text.Contains(factory.SessionId)) failures.Add($"{userName}: the session is listed");
        }
        var roleless = await factory.SignInAsync(factory.RolelessReviewer);
        var act = await roleless.PostAsync($"/api/tasks/{factory.TaskId}/act", new JsonObject { ["action"] = "approve", ["data"] = new JsonObject() });
        if (act.Status != HttpStatusCode.NotFound) failures.Add($"roleless POST /api/tasks/{factory.TaskId}/act: {(int)act.Status} {Cut(act.Text)}");
        Assert.True(failures.Count == 0, string.Join("\n", failures));

        var after = await committee.GetOkAsync(session);
        Assert.Equal("open", after["status"]!.GetValue<string>());
        Assert.All(after["candidates"]!.AsArray(), c => Assert.False(c!["voted"]!.GetValue<bool>()));
    }

    /// <summary>In the body as sent, or once JSON escapes (\uXXXX) are undone.</summary>
    private static bool Reveals(ApiResponse response, string secret) =>
        response.Text.Contains(secret) || (response.Json?.ToJsonString(new System.Text.Json.JsonSerializerOptions
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        }).Contains(secret) ?? false);

    private static string Cut(string text) => text.Length > 300 ? text[..300] : text;
}
