using System.Net;
using System.Text.Json.Nodes;
using Designer.Server.Tests.Hardening;
using Designer.Server.Tests.Infrastructure;

namespace Designer.Server.Tests.World;

/// <summary>
/// The organisations registry (issue 8, part 2): departments at prefecture and county level, units with county,
/// employment type, quota and 自主评审 approval, enterprise committees; listed, searched and edited per locality.
/// </summary>
public sealed class OrganisationTests(DesignerFactory factory) : IClassFixture<DesignerFactory>
{
    [Fact]
    public async Task The_policy_admin_registers_an_onboarded_prefectures_bureaus_and_units_and_finds_them()
    {
        var admin = await factory.SignInAsync("admin");
        var aksu = $"aksu-{Guid.NewGuid().ToString("N")[..6]}";
        (await admin.PostAsync("/api/localities", new JsonObject
        {
            ["code"] = aksu, ["name"] = "阿克苏地区", ["parent"] = "xinjiang",
            ["counties"] = new JsonArray(new JsonObject { ["code"] = "wensu", ["name"] = "温宿县" }),
        })).Expect(HttpStatusCode.Created);

        (await admin.PostAsync("/api/organisations", new JsonObject { ["id"] = $"{aksu}/education", ["name"] = "阿克苏地区教育局", ["kind"] = "department" }))
            .Expect(HttpStatusCode.Created);
        var bureau = (await admin.PostAsync("/api/organisations", new JsonObject { ["id"] = $"{aksu}/wensu/education", ["name"] = "温宿县教育局", ["kind"] = "department" }))
            .Expect(HttpStatusCode.Created);
        Assert.Equal("wensu", bureau["county"]!.GetValue<string>());
        var unit = (await admin.PostAsync("/api/organisations", new JsonObject
        {
            ["id"] = $"{aksu}/unit/wensu-no1-school", ["name"] = "温宿县第一中学", ["kind"] = "unit", ["county"] = "温宿县",
            ["employmentType"] = "public-institution", ["quota"] = 3,
        })).Expect(HttpStatusCode.Created);
        Assert.Equal("wensu", unit["county"]!.GetValue<string>());
        Assert.False(unit["autonomousEvaluation"]!.GetValue<bool>());

        var approved = (await admin.PutAsync($"/api/organisations/{aksu}/unit/wensu-no1-school", new JsonObject
        {
            ["name"] = "温宿县第一中学", ["kind"] = "unit", ["county"] = "wensu", ["employmentType"] = "public-institution", ["quota"] = 4, ["autonomousEvaluation"] = true,
            ["autonomousEvaluationReference"] = "阿人社函〔2024〕12号",
        })).Expect(HttpStatusCode.OK);
        Assert.True(approved["autonomousEvaluation"]!.GetValue<bool>());
        Assert.Equal("阿人社函〔2024〕12号", approved["autonomousEvaluationReference"]!.GetValue<string>());
        Assert.Equal(4, approved["quota"]!.GetValue<int>());

        var units = await admin.GetOkAsync($"/api/organisations?locality={aksu}&kind=unit");
        Assert.Equal(1, units["total"]!.GetValue<int>());
        var found = await admin.GetOkAsync($"/api/organisations?q=温宿&locality={aksu}");
        Assert.Equal(2, found["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Bad_organisations_get_422_naming_the_field()
    {
        var admin = await factory.SignInAsync("admin");
        var id = $"bazhou/unit/school-{Guid.NewGuid().ToString("N")[..6]}";
        JsonObject Unit(string county) => new() { ["id"] = id, ["name"] = "学校", ["kind"] = "unit", ["county"] = county };
        (await admin.PostAsync("/api/organisations", Unit("和静县"))).Expect(HttpStatusCode.Created);

        async Task<string> PathOf(JsonObject body) => (await admin.PostAsync("/api/organisations", body)).Expect((HttpStatusCode)422)["errors"]![0]!["path"]!.GetValue<string>();
        Assert.Equal("$.id", await PathOf(Unit("和静县")));
        Assert.Equal("$.county", await PathOf(new JsonObject { ["id"] = id + "x", ["name"] = "学校", ["kind"] = "unit", ["county"] = "no-such-county" }));
        Assert.Equal("$.county", await PathOf(new JsonObject { ["id"] = id + "y", ["name"] = "学校", ["kind"] = "unit" }));
        Assert.Equal("$.locality", await PathOf(new JsonObject { ["id"] = "no-such-place/education", ["name"] = "教育", ["kind"] = "department" }));
        Assert.Equal("$.id", await PathOf(new JsonObject { ["id"] = "bazhou/no-such-department", ["name"] = "无", ["kind"] = "department" }));
        Assert.Equal("$.kind", await PathOf(new JsonObject { ["id"] = "bazhou/hr", ["name"] = "人社", ["kind"] = "ministry" }));
        Assert.Equal("$.employmentType", await PathOf(new JsonObject { ["id"] = id + "z", ["name"] = "学校", ["kind"] = "unit", ["county"] = "和静县", ["employmentType"] = "pirate" }));
        Assert.Equal(0, (await admin.GetOkAsync($"/api/organisations?q={id}x"))["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Approval_for_autonomous_evaluation_needs_its_reference_and_a_unit()
    {
        var admin = await factory.SignInAsync("admin");
        var id = $"bazhou/unit/hospital-{Guid.NewGuid().ToString("N")[..6]}";
        var refused = (await admin.PostAsync("/api/organisations", new JsonObject
        {
            ["id"] = id, ["name"] = "医院", ["kind"] = "unit", ["county"] = "和静县", ["autonomousEvaluation"] = true,
        })).Expect((HttpStatusCode)422);
        Assert.Equal("$.autonomousEvaluationReference", refused["errors"]![0]!["path"]!.GetValue<string>());
        var department = (await admin.PostAsync("/api/organisations", new JsonObject
        {
            ["id"] = "bazhou/hejing/water", ["name"] = "和静县水利局", ["kind"] = "department", ["autonomousEvaluation"] = true, ["autonomousEvaluationReference"] = "文号",
        })).Expect((HttpStatusCode)422);
        Assert.Equal("$.autonomousEvaluation", department["errors"]![0]!["path"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_seeded_world_registers_the_bureaus_its_workflows_name()
    {
        var auditor = await factory.SignInAsync("auditor");
        var bazhou = (await auditor.GetOkAsync("/api/organisations?locality=bazhou&kind=department&pageSize=200"))["items"]!.AsArray()
            .Select(o => o!["id"]!.GetValue<string>()).ToList();
        Assert.Contains("bazhou/hr", bazhou);
        Assert.Contains("bazhou/education", bazhou);
        var county = (await auditor.GetOkAsync("/api/organisations?locality=bazhou&county=hejing&kind=department"))["items"]!.AsArray();
        Assert.Contains(county, o => o!["id"]!.GetValue<string>() == "bazhou/hejing/hr" && o["active"]!.GetValue<bool>());
    }

    /// <summary>
    /// Issue 8, part 2: once a locality has registered units, an application's unit is one of them (chosen from the
    /// applicant's picker), active, in the application's county and of its employment type.
    /// </summary>
    [Fact]
    public async Task An_application_names_a_registered_active_unit_of_its_locality()
    {
        var admin = await factory.SignInAsync("admin");
        var aksu = $"aksu-{Guid.NewGuid().ToString("N")[..6]}";
        (await admin.PostAsync("/api/localities", new JsonObject
        {
            ["code"] = aksu, ["name"] = "阿克苏地区", ["parent"] = "xinjiang",
            ["counties"] = new JsonArray(new JsonObject { ["code"] = "wensu", ["name"] = "温宿县" }, new JsonObject { ["code"] = "awat", ["name"] = "阿瓦提县" }),
        })).Expect(HttpStatusCode.Created);
        var definitionId = $"{aksu}-unit-review";
        await factory.CreateReviewerAsync(aksu, $"{aksu}/hr", "reviewer");
        (await admin.PostAsync("/api/workflows", TestWorkflows.Review(definitionId, aksu, $"{aksu}/hr", "apply"))).Expect(HttpStatusCode.Created);
        (await admin.PostAsync($"/api/workflows/{definitionId}/publish")).Expect(HttpStatusCode.OK);

        var applicant = await factory.SignInAsync(await factory.CreateApplicantAsync(aksu));
        var driver = new ApplicationDriver(factory);
        async Task<ApiResponse> Apply(string unit, string county = "温宿县", string employmentType = "public-institution") =>
            await applicant.PostAsync("/api/applications", new JsonObject
            {
                ["definitionId"] = definitionId,
                ["data"] = await driver.ApplyDataAsync(applicant, definitionId, new JsonObject
                {
                    ["unit"] = unit, ["county"] = county, ["employmentType"] = employmentType, ["series"] = "teacher",
                }),
            });

        // No unit registered yet: the unit is taken as typed.
        (await Apply("温宿县某学校")).Expect(HttpStatusCode.Created);

        (await admin.PostAsync("/api/organisations", new JsonObject
        {
            ["id"] = $"{aksu}/unit/wensu-no1-school", ["name"] = "温宿县第一中学", ["kind"] = "unit", ["county"] = "wensu", ["employmentType"] = "public-institution",
        })).Expect(HttpStatusCode.Created);
        (await admin.PostAsync("/api/organisations", new JsonObject
        {
            ["id"] = $"{aksu}/unit/closed-school", ["name"] = "温宿县撤并学校", ["kind"] = "unit", ["county"] = "wensu", ["active"] = false,
        })).Expect(HttpStatusCode.Created);

        var offered = (await applicant.GetOkAsync($"/api/organisations/units?locality={aksu}"))["items"]!.AsArray();
        Assert.Equal(["温宿县第一中学"], offered.Select(u => u!["name"]!.GetValue<string>()));
        Assert.Equal("wensu", offered[0]!["county"]!.GetValue<string>());
        // Another locality's units are not offered to this locality's applicant.
        Assert.Equal(0, (await applicant.GetOkAsync("/api/organisations/units?locality=bazhou"))["total"]!.GetValue<int>());

        static string PathOf(ApiResponse refused) => refused.Expect((HttpStatusCode)422)["errors"]![0]!["path"]!.GetValue<string>();
        Assert.Equal("$.unit", PathOf(await Apply("温宿县某学校")));
        Assert.Equal("$.unit", PathOf(await Apply("温宿县撤并学校")));
        Assert.Equal("$.county", PathOf(await Apply("温宿县第一中学", county: "阿瓦提县")));
        Assert.Equal("$.employmentType", PathOf(await Apply("温宿县第一中学", employmentType: "enterprise")));
        var accepted = (await Apply("温宿县第一中学")).Expect(HttpStatusCode.Created);
        Assert.Equal("Waiting", accepted["status"]!.GetValue<string>());
        (await Apply("温宿县第一中学", county: "wensu")).Expect(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_disabled_organisation_stays_on_record_and_can_be_enabled_again()
    {
        var admin = await factory.SignInAsync("bazhou-admin");
        var id = $"bazhou/unit/clinic-{Guid.NewGuid().ToString("N")[..6]}";
        (await admin.PostAsync("/api/organisations", new JsonObject { ["id"] = id, ["name"] = "停用诊所", ["kind"] = "unit", ["county"] = "和静县" }))
            .Expect(HttpStatusCode.Created);
        var disabled = (await admin.PutAsync($"/api/organisations/{id}", new JsonObject { ["name"] = "停用诊所", ["kind"] = "unit", ["county"] = "和静县", ["active"] = false }))
            .Expect(HttpStatusCode.OK);
        Assert.False(disabled["active"]!.GetValue<bool>());
        Assert.DoesNotContain(id, (await admin.GetAsync("/api/organisations/units?pageSize=200")).Text);
        Assert.Contains(id, (await admin.GetAsync("/api/organisations?active=false&pageSize=200")).Text);
        var renamed = (await admin.PutAsync($"/api/organisations/{id}", new JsonObject { ["name"] = "复用诊所", ["kind"] = "unit", ["county"] = "和静县" }))
            .Expect(HttpStatusCode.OK);
        Assert.False(renamed["active"]!.GetValue<bool>());
        (await admin.PutAsync($"/api/organisations/{id}", new JsonObject { ["name"] = "复用诊所", ["kind"] = "unit", ["county"] = "和静县", ["active"] = true }))
            .Expect(HttpStatusCode.OK);
        Assert.Contains(id, (await admin.GetAsync("/api/organisations/units?pageSize=200")).Text);
    }

    [Fact]
    public async Task A_locality_admin_manages_only_their_own_localitys_organisations()
    {
        var bazhouAdmin = await factory.SignInAsync("bazhou-admin");
        var id = $"bazhou/unit/school-{Guid.NewGuid().ToString("N")[..6]}";
        (await bazhouAdmin.PostAsync("/api/organisations", new JsonObject { ["id"] = id, ["name"] = "巴州学校", ["kind"] = "unit", ["county"] = "和静县" }))
            .Expect(HttpStatusCode.Created);
        (await bazhouAdmin.PostAsync("/api/organisations", new JsonObject { ["id"] = "kashgar/unit/x", ["name"] = "外地", ["kind"] = "unit", ["county"] = "疏附县" }))
            .Expect(HttpStatusCode.Forbidden);

        var kashgarAdmin = await factory.SignInAsync("kashgar-admin");
        Assert.DoesNotContain(id, (await kashgarAdmin.GetAsync("/api/organisations?pageSize=200")).Text);
        (await kashgarAdmin.PutAsync($"/api/organisations/{id}", new JsonObject { ["name"] = "改名", ["kind"] = "unit", ["county"] = "和静县" }))
            .Expect(HttpStatusCode.NotFound);
        var reviewer = await factory.SignInAsync("bazhou-reviewer-education");
        (await reviewer.GetAsync("/api/organisations")).Expect(HttpStatusCode.Forbidden);
        var auditor = await factory.SignInAsync("auditor");
        Assert.Contains(id, (await auditor.GetAsync("/api/organisations?pageSize=200")).Text);
        (await auditor.PutAsync($"/api/organisations/{id}", new JsonObject { ["name"] = "改名", ["kind"] = "unit", ["county"] = "和静县" }))
            .Expect(HttpStatusCode.Forbidden);
    }
}
