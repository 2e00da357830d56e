using System.Net;
using System.Text.Json.Nodes;
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
        })).Expect(HttpStatusCode.OK);
        Assert.True(approved["autonomousEvaluation"]!.GetValue<bool>());
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
