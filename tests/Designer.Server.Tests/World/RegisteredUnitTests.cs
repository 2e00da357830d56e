using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Designer.Server.Tests.Hardening;
using Designer.Server.Tests.Infrastructure;

namespace Designer.Server.Tests.World;

/// <summary>
/// Issue 8, points 2 and 3: every seeded locality registers its units, so wherever a unit is named (an application,
/// a user created, edited or imported) it must be one of the locality's registered active units. A locality whose
/// units are all disabled still refuses an unregistered unit, and a disabled unit is refused with its own message.
/// </summary>
public sealed class RegisteredUnitTests(DesignerFactory factory) : IClassFixture<DesignerFactory>
{
    private static string Tag() => Guid.NewGuid().ToString("N")[..6];

    private static JsonObject UnitReviewer(string userName, string locality, string unit) => new()
    {
        ["userName"] = userName, ["displayName"] = "单位人事", ["password"] = DesignerFactory.Password, ["roles"] = new JsonArray("reviewer"),
        ["locality"] = locality, ["org"] = "unit", ["taskRoles"] = new JsonArray("leader"), ["unit"] = unit,
    };

    private static JsonNode Refusal(ApiResponse response, string path)
    {
        var problem = response.Expect((HttpStatusCode)422);
        return problem["errors"]!.AsArray().Single(e => e!["path"]!.GetValue<string>() == path)!;
    }

    [Fact]
    public async Task Every_demo_locality_offers_its_registered_units_with_county_and_employment_type()
    {
        var auditor = await factory.SignInAsync("auditor");
        foreach (var locality in new[] { "xinjiang", "xj-prefecture", "bazhou", "kashgar", "bozhou", "qiaocheng", "sample-province", "sample-city" })
            Assert.True((await auditor.GetOkAsync($"/api/organisations/units?locality={locality}"))["total"]!.GetValue<int>() > 0, locality);

        var bazhou = (await auditor.GetOkAsync("/api/organisations/units?locality=bazhou&q=和静县第一中学"))["items"]!.AsArray().Single()!;
        Assert.Equal("bazhou/unit/hejing-no1-middle-school", bazhou["id"]!.GetValue<string>());
        Assert.Equal("hejing", bazhou["county"]!.GetValue<string>());
        Assert.Equal("public-institution", bazhou["employmentType"]!.GetValue<string>());
        var hospital = (await auditor.GetOkAsync("/api/organisations/units?locality=sample-city&q=示例市人民医院"))["items"]!.AsArray().Single()!;
        Assert.True(hospital["autonomousEvaluation"]!.GetValue<bool>());
        Assert.NotNull(hospital["autonomousEvaluationReference"]?.GetValue<string>());
    }

    [Fact]
    public async Task A_seeded_procedure_refuses_an_application_from_an_unregistered_unit()
    {
        var applicant = await factory.SignInAsync(await factory.CreateApplicantAsync("bazhou"));
        var driver = new ApplicationDriver(factory);
        var data = await driver.ApplyDataAsync(applicant, "bazhou-directed-deputy-senior", TeacherOf("和静县某未登记学校"));
        var refused = Refusal(await applicant.PostAsync("/api/applications", new JsonObject { ["definitionId"] = "bazhou-directed-deputy-senior", ["data"] = data }), "$.unit");
        Assert.Contains("不是本地区已登记的用人单位", refused["message"]!.GetValue<string>());

        data = await driver.ApplyDataAsync(applicant, "bazhou-directed-deputy-senior", TeacherOf("和静县第六中学"));
        (await applicant.PostAsync("/api/applications", new JsonObject { ["definitionId"] = "bazhou-directed-deputy-senior", ["data"] = data }))
            .Expect(HttpStatusCode.Created);
    }

    private static JsonObject TeacherOf(string unit) => new()
    {
        ["name"] = "单位测试", ["county"] = "和静县", ["unit"] = unit, ["employmentType"] = "public-institution",
        ["workplaceLevel"] = "township", ["series"] = "teacher", ["level"] = "deputy-senior", ["kind"] = "directed",
        ["grassrootsYears"] = 5, ["competentDepartment"] = "education",
    };

    [Fact]
    public async Task A_users_unit_is_a_registered_active_unit_of_their_locality_on_create_and_edit()
    {
        var admin = await factory.SignInAsync("bazhou-admin");
        var t = Tag();

        var unknown = Refusal(await admin.PostAsync("/api/users", UnitReviewer($"unit-{t}", "bazhou", "和静县某未登记学校")), "$.unit");
        Assert.Contains("和静县某未登记学校", unknown["message"]!.GetValue<string>());
        (await admin.GetAsync($"/api/users/unit-{t}")).Expect(HttpStatusCode.NotFound);
        // Another locality's unit is not one of bazhou's.
        Refusal(await admin.PostAsync("/api/users", UnitReviewer($"unit-{t}", "bazhou", "疏附县第一中学")), "$.unit");

        var created = (await admin.PostAsync("/api/users", UnitReviewer($"unit-{t}", "bazhou", "和静县第一中学"))).Expect(HttpStatusCode.Created);
        Assert.Equal("和静县第一中学", created["unit"]!.GetValue<string>());
        // Named by its registry id, the unit is kept by its full name (as applications name it).
        var byId = (await admin.PostAsync("/api/users", UnitReviewer($"unit-id-{t}", "bazhou", "bazhou/unit/hejing-no2-middle-school"))).Expect(HttpStatusCode.Created);
        Assert.Equal("和静县第二中学", byId["unit"]!.GetValue<string>());

        Refusal(await admin.PutAsync($"/api/users/unit-{t}", new JsonObject { ["unit"] = "和静县某未登记学校" }), "$.unit");
        Assert.Equal("和静县第一中学", (await admin.GetOkAsync($"/api/users/unit-{t}"))["unit"]!.GetValue<string>());
        var moved = (await admin.PutAsync($"/api/users/unit-{t}", new JsonObject { ["unit"] = "和静县第三中学" })).Expect(HttpStatusCode.OK);
        Assert.Equal("和静县第三中学", moved["unit"]!.GetValue<string>());

        // An applicant's unit is checked too.
        var applicant = new JsonObject
        {
            ["userName"] = $"app-{t}", ["displayName"] = "申报人", ["password"] = DesignerFactory.Password, ["roles"] = new JsonArray("applicant"),
            ["locality"] = "bazhou", ["unit"] = "和静县某未登记学校",
        };
        Refusal(await admin.PostAsync("/api/users", applicant), "$.unit");
    }

    [Fact]
    public async Task An_import_naming_an_unregistered_unit_imports_nobody_and_names_the_row()
    {
        var admin = await factory.SignInAsync("kashgar-admin");
        var t = Tag();
        var csv = $"""
            用户名,姓名,密码,角色,机构,任务角色,单位
            ok-{t},单位人事甲,Shenhe2024,reviewer,unit,leader,疏附县第一中学
            bad-{t},单位人事乙,Shenhe2024,reviewer,unit,leader,疏附县某未登记学校
            """;
        using var body = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        body.Headers.ContentType = MediaTypeHeaderValue.Parse("text/csv");
        using var response = await admin.Http.PostAsync("/api/users/import", body);
        var report = new ApiResponse(response.StatusCode, await response.Content.ReadAsStringAsync(), null).Expect((HttpStatusCode)422);
        var rejected = report["rejected"]!.AsArray().Single()!;
        Assert.Equal(3, rejected["row"]!.GetValue<int>());
        Assert.Equal("unit", rejected["field"]!.GetValue<string>());
        Assert.Contains("疏附县某未登记学校", rejected["message"]!.GetValue<string>());
        Assert.Contains(report["errors"]!.AsArray(), e => e!["path"]!.GetValue<string>() == "rows[3].unit");
        (await admin.GetAsync($"/api/users/ok-{t}")).Expect(HttpStatusCode.NotFound);
    }

    /// <summary>
    /// The "disabled units count" decision: the rule turns on with the locality's first registered unit and stays on
    /// when every unit is disabled (disabling units must not reopen free text); a disabled unit has its own message.
    /// </summary>
    [Fact]
    public async Task A_locality_whose_units_are_all_disabled_still_refuses_unregistered_units_and_names_the_disabled_one()
    {
        var admin = await factory.SignInAsync("admin");
        var locality = $"units-{Tag()}";
        (await admin.PostAsync("/api/localities", new JsonObject
        {
            ["code"] = locality, ["name"] = "单位测试地区", ["parent"] = "xinjiang",
            ["counties"] = new JsonArray(new JsonObject { ["code"] = "wensu", ["name"] = "温宿县" }),
        })).Expect(HttpStatusCode.Created);
        var definitionId = $"{locality}-review";
        await factory.CreateReviewerAsync(locality, $"{locality}/hr", "reviewer");
        (await admin.PostAsync("/api/workflows", TestWorkflows.Review(definitionId, locality, $"{locality}/hr", "apply"))).Expect(HttpStatusCode.Created);
        (await admin.PostAsync($"/api/workflows/{definitionId}/publish")).Expect(HttpStatusCode.OK);
        var applicant = await factory.SignInAsync(await factory.CreateApplicantAsync(locality));
        var driver = new ApplicationDriver(factory);
        async Task<ApiResponse> Apply(string unit) => await applicant.PostAsync("/api/applications", new JsonObject
        {
            ["definitionId"] = definitionId,
            ["data"] = await driver.ApplyDataAsync(applicant, definitionId, new JsonObject
            {
                ["unit"] = unit, ["county"] = "温宿县", ["employmentType"] = "public-institution", ["series"] = "teacher",
            }),
        });

        // Before any unit is registered, the unit is taken as typed, for applications and users alike.
        (await Apply("温宿县某学校")).Expect(HttpStatusCode.Created);
        (await admin.PostAsync("/api/users", UnitReviewer($"typed-{Tag()}", locality, "温宿县某学校"))).Expect(HttpStatusCode.Created);

        var unitId = $"{locality}/unit/wensu-no1-school";
        var unit = new JsonObject { ["id"] = unitId, ["name"] = "温宿县第一中学", ["kind"] = "unit", ["county"] = "wensu", ["employmentType"] = "public-institution" };
        (await admin.PostAsync("/api/organisations", unit)).Expect(HttpStatusCode.Created);
        (await Apply("温宿县第一中学")).Expect(HttpStatusCode.Created);
        var disabled = unit.DeepClone().AsObject();
        disabled.Remove("id");
        disabled["active"] = false;
        (await admin.PutAsync($"/api/organisations/{unitId}", disabled)).Expect(HttpStatusCode.OK);
        Assert.Equal(0, (await applicant.GetOkAsync($"/api/organisations/units?locality={locality}"))["total"]!.GetValue<int>());

        var unregistered = Refusal(await Apply("温宿县某学校"), "$.unit")["message"]!.GetValue<string>();
        Assert.Contains("不是本地区已登记的用人单位", unregistered);
        var closed = Refusal(await Apply("温宿县第一中学"), "$.unit")["message"]!.GetValue<string>();
        Assert.Contains("已停用", closed);
        Assert.Contains("温宿县第一中学", closed);
        Assert.Contains("已停用", Refusal(await admin.PostAsync("/api/users", UnitReviewer($"closed-{Tag()}", locality, "温宿县第一中学")), "$.unit")["message"]!.GetValue<string>());
        Assert.Contains("不是本地区已登记的用人单位",
            Refusal(await admin.PostAsync("/api/users", UnitReviewer($"typed2-{Tag()}", locality, "温宿县某学校")), "$.unit")["message"]!.GetValue<string>());
    }
}
