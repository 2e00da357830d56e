using System.Net;
using System.Text.Json.Nodes;
using Designer.Engine.Runtime;
using Designer.Server.Tests.Hardening;
using Designer.Server.Tests.Infrastructure;

namespace Designer.Server.Tests;

/// <summary>
/// The year's calendar on the server: a procedure outside its window is shown closed and refused; data outside the
/// procedure's scope is refused naming the field; a deadline given as a date fires on that date after a restart.
/// </summary>
public sealed class CalendarTests(BazhouFactory factory) : IClassFixture<BazhouFactory>
{
    private static JsonObject Teacher(string name) => new()
    {
        ["name"] = name, ["county"] = "和静县", ["unit"] = "和静县第四中学", ["employmentType"] = "public-institution",
        ["workplaceLevel"] = "prefecture", ["series"] = "teacher", ["level"] = "deputy-senior", ["kind"] = "directed",
        ["grassrootsYears"] = 5, ["competentDepartment"] = "education",
    };

    [Fact]
    public async Task A_procedure_outside_its_published_window_is_shown_closed_and_a_submission_is_refused_naming_the_window()
    {
        var admin = await factory.SignInAsync("bazhou-admin");
        var window = new JsonObject
        {
            ["locality"] = "bazhou", ["name"] = "2024 年度正高级定向评审申报", ["kinds"] = new JsonArray("directed"), ["levels"] = new JsonArray("full-senior"),
            ["opens"] = "2024-10-08", ["closes"] = "2024-10-31", ["source"] = "001 §四(一)", ["status"] = "draft",
        };
        var draft = (await admin.PostAsync("/api/calendar/windows", window)).Expect(HttpStatusCode.OK);
        var id = draft["id"]!.GetValue<string>();

        var driver = new ApplicationDriver(factory);
        var applicantName = await factory.CreateApplicantAsync("bazhou");
        var applicant = await driver.As(applicantName);
        // A draft governs nothing: the procedure is open.
        Assert.True(Procedure(await applicant.GetOkAsync("/api/procedures"), "bazhou-directed-full-senior")["window"]!["open"]!.GetValue<bool>());

        window["status"] = "published";
        (await admin.PutAsync($"/api/calendar/windows/{id}", window)).Expect(HttpStatusCode.OK);
        var shown = Procedure(await applicant.GetOkAsync("/api/procedures"), "bazhou-directed-full-senior")["window"]!;
        Assert.False(shown["open"]!.GetValue<bool>());
        Assert.Equal(("2024-10-08", "2024-10-31"), (shown["opens"]!.GetValue<string>(), shown["closes"]!.GetValue<string>()));
        // The deputy-senior procedure is another level: not governed, still open.
        Assert.True(Procedure(await applicant.GetOkAsync("/api/procedures"), "bazhou-directed-deputy-senior")["window"]!["open"]!.GetValue<bool>());

        var data = await driver.ApplyDataAsync(applicant, "bazhou-directed-full-senior", Teacher("窗口外") .Also(t => t["level"] = "full-senior"));
        var refused = (await applicant.PostAsync("/api/applications", new JsonObject { ["definitionId"] = "bazhou-directed-full-senior", ["data"] = data }))
            .Expect((HttpStatusCode)422);
        Assert.Contains("2024-10-08 至 2024-10-31", refused["detail"]!.GetValue<string>());
        Assert.Contains("2024 年度正高级定向评审申报", refused["detail"]!.GetValue<string>());
        Assert.Equal(id, refused["window"]!["id"]!.GetValue<string>());
        Assert.DoesNotContain((await applicant.GetOkAsync("/api/applications"))["items"]!.AsArray(), a => a!["workflowName"]?.GetValue<string>()?.Contains("正高级") == true);

        (await admin.DeleteAsync($"/api/calendar/windows/{id}")).Expect(HttpStatusCode.NoContent);
        Assert.True(Procedure(await applicant.GetOkAsync("/api/procedures"), "bazhou-directed-full-senior")["window"]!["open"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("employmentType", "enterprise")]
    [InlineData("level", "intermediate")]
    public async Task A_submission_outside_the_declared_scope_is_refused_naming_the_field(string field, string value)
    {
        var driver = new ApplicationDriver(factory);
        var applicant = await driver.As(await factory.CreateApplicantAsync("bazhou"));
        var data = await driver.ApplyDataAsync(applicant, "bazhou-directed-deputy-senior", Teacher("范围外"));
        data[field] = value;
        var refused = (await applicant.PostAsync("/api/applications", new JsonObject { ["definitionId"] = "bazhou-directed-deputy-senior", ["data"] = data }))
            .Expect((HttpStatusCode)422);
        var error = Assert.Single(refused["errors"]!.AsArray());
        Assert.Equal($"$.{field}", error!["path"]!.GetValue<string>());
        Assert.Contains(value, error["message"]!.GetValue<string>());
        Assert.Empty((await applicant.GetOkAsync("/api/applications"))["items"]!.AsArray());
    }

    [Fact]
    public async Task Bad_window_and_holiday_entries_get_a_422_naming_the_field()
    {
        var admin = await factory.SignInAsync("admin");
        var backwards = (await admin.PostAsync("/api/calendar/windows", new JsonObject { ["locality"] = "bazhou", ["opens"] = "2024-10-31", ["closes"] = "2024-10-01" }))
            .Expect((HttpStatusCode)422);
        Assert.Equal("$.closes", backwards["errors"]![0]!["path"]!.GetValue<string>());
        var noSource = (await admin.PostAsync("/api/calendar/holidays", new JsonObject { ["locality"] = "xinjiang", ["name"] = "肉孜节", ["from"] = "2027-03-10" }))
            .Expect((HttpStatusCode)422);
        Assert.Equal("$.source", noSource["errors"]![0]!["path"]!.GetValue<string>());
        var unknownSeries = (await admin.PostAsync("/api/calendar/windows", new JsonObject
        {
            ["locality"] = "bazhou", ["series"] = new JsonArray("astrology"), ["opens"] = "2024-10-01", ["closes"] = "2024-10-31",
        })).Expect((HttpStatusCode)422);
        Assert.Equal("$.series[0]", unknownSeries["errors"]![0]!["path"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_seeded_calendar_lists_Xinjiang_holidays_with_their_sources_and_Kashgar_windows()
    {
        var admin = await factory.SignInAsync("admin");
        var holidays = await admin.GetOkAsync("/api/calendar/holidays?locality=xinjiang&pageSize=200");
        Assert.Contains(holidays["items"]!.AsArray(), h => h!["name"]!.GetValue<string>() == "古尔邦节" && h["from"]!.GetValue<string>() == "2024-06-16"
                                                         && h["source"]!.GetValue<string>().Length > 0);
        var kashgar = await (await factory.SignInAsync("kashgar-admin")).GetOkAsync("/api/calendar/windows");
        Assert.All(kashgar["items"]!.AsArray(), w => Assert.Equal("kashgar", w!["locality"]!.GetValue<string>()));
        Assert.Contains(kashgar["items"]!.AsArray(), w => w!["opens"]!.GetValue<string>() == "2020-05-15");
        Assert.Equal(50, kashgar["pageSize"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_locality_admin_reads_the_regions_holidays_but_may_change_only_their_own_localitys_calendar()
    {
        var bazhou = await factory.SignInAsync("bazhou-admin");
        var region = (await bazhou.GetOkAsync("/api/calendar/holidays?locality=xinjiang"))["items"]!.AsArray();
        Assert.NotEmpty(region);
        var regional = region[0]!["id"]!.GetValue<string>();
        (await bazhou.DeleteAsync($"/api/calendar/holidays/{regional}")).Expect(HttpStatusCode.Forbidden);
        (await bazhou.PostAsync("/api/calendar/holidays", new JsonObject { ["locality"] = "xinjiang", ["name"] = "x", ["from"] = "2030-01-01", ["source"] = "x" }))
            .Expect(HttpStatusCode.Forbidden);
        var own = (await bazhou.PostAsync("/api/calendar/holidays", new JsonObject
        {
            ["locality"] = "bazhou", ["name"] = "州庆", ["from"] = "2030-06-23", ["source"] = "巴州人民政府通知（测试）",
        })).Expect(HttpStatusCode.OK);
        (await bazhou.DeleteAsync($"/api/calendar/holidays/{own["id"]}")).Expect(HttpStatusCode.NoContent);
        (await (await factory.SignInAsync("bazhou-applicant")).GetAsync("/api/calendar/windows")).Expect(HttpStatusCode.Forbidden);
    }

    private static JsonNode Procedure(JsonNode procedures, string definitionId) =>
        procedures["items"]!.AsArray().Single(p => p!["definitionId"]!.GetValue<string>() == definitionId)!;
}

/// <summary>A step whose deadline is a date: the timer is saved with the application and fires on that date after a restart.</summary>
public sealed class DeadlineDateRestartTests : IDisposable
{
    private readonly string _folder = Folders.New();

    private sealed class Server(string folder, ManualClock clock, double pollSeconds) : DesignerFactory(folder, clock, pollSeconds)
    {
        public Server Keep() { DeleteFolderOnDispose = false; return this; }
    }

    [Fact]
    public async Task A_review_due_on_20_September_goes_overdue_after_that_day_though_the_server_was_down()
    {
        var clock = ManualClock.StartingOn(new DateOnly(2024, 9, 2));
        var definitionId = $"bazhou-dated-review-{Guid.NewGuid().ToString("N")[..6]}";
        string id;
        using (var before = new Server(_folder, clock, pollSeconds: 3600).Keep())
        {
            var admin = await before.SignInAsync("bazhou-admin");
            var workflow = TestWorkflows.Review(definitionId, "bazhou", "bazhou/hr", "bazhou/apply");
            var activities = workflow["root"]!["activities"]!.AsArray();
            var review = activities.Single(a => a!["id"]!.GetValue<string>() == "review")!;
            review["deadlineDate"] = new JsonObject { ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = "2024-09-20" } };
            activities.Add(new JsonObject { ["id"] = "late", ["type"] = "Titles.Conclude", ["result"] = new JsonObject { ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = "Withdrawn" } } });
            workflow["root"]!["connections"]!.AsArray().Add(new JsonObject
            {
                ["source"] = new JsonObject { ["activity"] = "review", ["port"] = "Overdue" }, ["target"] = new JsonObject { ["activity"] = "late", ["port"] = "In" },
            });
            (await admin.PostAsync("/api/workflows", workflow)).Expect(HttpStatusCode.Created);
            (await admin.PostAsync($"/api/workflows/{definitionId}/publish")).Expect(HttpStatusCode.OK);

            var driver = new ApplicationDriver(before);
            var applicant = await before.CreateApplicantAsync("bazhou");
            id = await driver.SubmitAsync(applicant, definitionId, new JsonObject { ["name"] = "到期甲", ["county"] = "和静县", ["unit"] = "和静县第五中学" });
            var waiting = await (await before.SignInAsync("admin")).GetOkAsync($"/api/applications/{id}");
            Assert.Equal("2024-09-20", waiting["waitingAt"]!.AsArray().Single()!["dueDate"]!.GetValue<string>());
        }

        clock.AdvanceTo(ChinaTime.EndOf(new DateOnly(2024, 9, 19)).AddHours(1));
        using (var dayBefore = new Server(_folder, clock, pollSeconds: 0.1).Keep())
        {
            await Task.Delay(500);
            Assert.Equal("Waiting", (await (await dayBefore.SignInAsync("admin")).GetOkAsync($"/api/applications/{id}"))["status"]!.GetValue<string>());
        }

        clock.AdvanceTo(ChinaTime.EndOf(new DateOnly(2024, 9, 20)).AddHours(1));
        using var after = new Server(_folder, clock, pollSeconds: 0.1);
        var reader = await after.SignInAsync("admin");
        JsonNode detail = new JsonObject();
        for (var attempt = 0; attempt < 100 && detail["status"]?.GetValue<string>() != "Withdrawn"; attempt++)
        {
            await Task.Delay(100);
            detail = await reader.GetOkAsync($"/api/applications/{id}");
        }
        Assert.Equal("Withdrawn", detail["status"]!.GetValue<string>());
        var overdue = detail["timeline"]!.AsArray().Single(e => e!["stage"]!.GetValue<string>() == "hr-review")!;
        Assert.Equal(("overdue", "2024-09-20"), (overdue["action"]!.GetValue<string>(), overdue["date"]!.GetValue<string>()));
    }

    public void Dispose() => DesignerFactory.TryDelete(_folder);
}

internal static class JsonObjectExtensions
{
    public static JsonObject Also(this JsonObject node, Action<JsonObject> change)
    {
        change(node);
        return node;
    }
}
