using System.Net;
using System.Text.Json.Nodes;
using Designer.Server.Tests.Infrastructure;

namespace Designer.Server.Tests;

/// <summary>
/// The continuing-education registrars as a registry (`/api/education-registrars`): seeded from
/// workflows/world/education-hours.json, managed by the policy admin, read by a locality admin for their own locality;
/// registering and verifying hours follow the active entries.
/// </summary>
public sealed class EducationRegistrarRegistryTests(QiaochengFactory factory) : IClassFixture<QiaochengFactory>
{
    private const string BazhouDepartment = "bazhou-reviewer-education";

    private static JsonObject Hours(string category, int year = 2022) =>
        new() { ["year"] = year, ["category"] = category, ["hours"] = category == "public" ? 30 : 60, ["source"] = "培训机构报送" };

    [Fact]
    public async Task The_seeded_registrars_are_listed_by_locality_and_a_locality_admin_sees_only_their_own()
    {
        var admin = await factory.SignInAsync("admin");
        var seeded = await admin.GetOkAsync("/api/education-registrars?locality=qiaocheng&pageSize=200");
        var entries = seeded["items"]!.AsArray().Select(e => $"{e!["category"]} {e["staff"]} {e["registrar"]}").Order().ToList();
        Assert.Equal(["professional all competent-department", "professional enterprise hr", "public all hr", "public enterprise hr"], entries);
        Assert.All(seeded["items"]!.AsArray(), e => Assert.Contains("003 §三(三)", e!["source"]!.GetValue<string>()));

        var own = await (await factory.SignInAsync("qiaocheng-admin")).GetOkAsync("/api/education-registrars");
        Assert.Equal(4, own["total"]!.GetValue<int>());
        var other = await (await factory.SignInAsync("bazhou-admin")).GetOkAsync("/api/education-registrars?locality=qiaocheng");
        Assert.Equal(0, other["total"]!.GetValue<int>());
        (await (await factory.SignInAsync("qiaocheng-reviewer-hr")).GetAsync("/api/education-registrars")).Expect(HttpStatusCode.Forbidden);
        (await admin.GetAsync("/api/education-registrars?pageSize=201")).Expect((HttpStatusCode)422);
    }

    [Fact]
    public async Task A_registrar_the_admin_adds_registers_and_verifies_its_category_until_it_is_disabled()
    {
        var admin = await factory.SignInAsync("admin");
        var hr = await factory.SignInAsync("bazhou-reviewer-hr");
        var department = await factory.SignInAsync(BazhouDepartment);
        var person = await factory.CreateApplicantAsync("bazhou");

        // Bazhou lists no registrar: its HR registers both categories; the education bureau neither registers nor verifies, nor finds the person.
        (await department.PostAsync($"/api/people/{person}/education-hours", Hours("professional"))).Expect(HttpStatusCode.NotFound);
        (await department.PostAsync($"/api/people/{person}/education-hours/verify", new JsonObject { ["fromYear"] = 2022, ["toYear"] = 2022 }))
            .Expect(HttpStatusCode.NotFound);

        var created = (await admin.PostAsync("/api/education-registrars", new JsonObject
        {
            ["locality"] = "bazhou", ["category"] = "professional", ["registrar"] = "competent-department", ["verifies"] = true, ["checks"] = "专业科目学时证明",
        })).Expect(HttpStatusCode.Created);
        var id = created["id"]!.GetValue<string>();
        Assert.Equal("bazhou/professional/all/competent-department", id);
        Assert.Equal("all", created["staff"]!.GetValue<string>());

        (await department.PostAsync($"/api/people/{person}/education-hours", Hours("professional"))).Expect(HttpStatusCode.Created);
        var notHr = (await hr.PostAsync($"/api/people/{person}/education-hours", Hours("professional"))).Expect(HttpStatusCode.Forbidden);
        Assert.Contains("专业科目学时由行业主管部门登记审核", notHr["detail"]!.GetValue<string>());
        (await hr.PostAsync($"/api/people/{person}/education-hours", Hours("public"))).Expect(HttpStatusCode.Created);

        // The department verifies its own category; HR verifies the whole cycle.
        var own = (await department.PostAsync($"/api/people/{person}/education-hours/verify", new JsonObject { ["fromYear"] = 2022, ["toYear"] = 2022 }))
            .Expect(HttpStatusCode.OK);
        Assert.Equal(["professional"], own["categories"]!.AsArray().Select(c => c!.GetValue<string>()).ToList());
        Assert.Equal(1, own["entries"]!.GetValue<int>());
        Assert.Equal(60, own["totalHours"]!.GetValue<double>());
        var hours = (await hr.GetOkAsync($"/api/people/{person}/education-hours"))["items"]!.AsArray();
        Assert.Equal(BazhouDepartment, hours.Single(h => h!["category"]!.GetValue<string>() == "professional")!["verifiedBy"]!.GetValue<string>());
        Assert.Null(hours.Single(h => h!["category"]!.GetValue<string>() == "public")!["verifiedBy"]?.GetValue<string>());
        var whole = (await hr.PostAsync($"/api/people/{person}/education-hours/verify", new JsonObject { ["fromYear"] = 2022, ["toYear"] = 2022 }))
            .Expect(HttpStatusCode.OK);
        Assert.Equal(2, whole["entries"]!.GetValue<int>());

        var disabled = (await admin.PutAsync($"/api/education-registrars/{id}", new JsonObject { ["active"] = false })).Expect(HttpStatusCode.OK);
        Assert.False(disabled["active"]!.GetValue<bool>());
        Assert.Equal("专业科目学时证明", disabled["checks"]!.GetValue<string>());
        (await department.PostAsync($"/api/people/{person}/education-hours", Hours("professional", 2021))).Expect(HttpStatusCode.NotFound);
        (await hr.PostAsync($"/api/people/{person}/education-hours", Hours("professional", 2021))).Expect(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Bad_entries_are_refused_naming_the_field_and_only_the_policy_admin_writes()
    {
        var admin = await factory.SignInAsync("admin");
        var unknown = (await admin.PostAsync("/api/education-registrars", new JsonObject { ["locality"] = "qiaocheng", ["category"] = "sports", ["registrar"] = "hr" }))
            .Expect((HttpStatusCode)422);
        Assert.Equal("$.category", Assert.Single(unknown["errors"]!.AsArray())!["path"]!.GetValue<string>());
        var nowhere = (await admin.PostAsync("/api/education-registrars", new JsonObject { ["locality"] = "atlantis", ["category"] = "public", ["registrar"] = "hr" }))
            .Expect((HttpStatusCode)422);
        Assert.Equal("$.locality", Assert.Single(nowhere["errors"]!.AsArray())!["path"]!.GetValue<string>());
        var duplicate = (await admin.PostAsync("/api/education-registrars", new JsonObject { ["locality"] = "qiaocheng", ["category"] = "public", ["registrar"] = "hr" }))
            .Expect((HttpStatusCode)422);
        Assert.Equal("$.registrar", Assert.Single(duplicate["errors"]!.AsArray())!["path"]!.GetValue<string>());
        var renamed = (await admin.PutAsync("/api/education-registrars/qiaocheng/public/all/hr", new JsonObject { ["category"] = "professional" }))
            .Expect((HttpStatusCode)422);
        Assert.Equal("$.category", Assert.Single(renamed["errors"]!.AsArray())!["path"]!.GetValue<string>());
        (await admin.PutAsync("/api/education-registrars/qiaocheng/public/all/nobody", new JsonObject { ["active"] = false })).Expect(HttpStatusCode.NotFound);

        var localityAdmin = await factory.SignInAsync("qiaocheng-admin");
        (await localityAdmin.PostAsync("/api/education-registrars", new JsonObject { ["locality"] = "qiaocheng", ["category"] = "public", ["registrar"] = "competent-department" }))
            .Expect(HttpStatusCode.Forbidden);
        (await localityAdmin.PutAsync("/api/education-registrars/qiaocheng/public/all/hr", new JsonObject { ["active"] = false })).Expect(HttpStatusCode.Forbidden);
        var unchanged = await admin.GetOkAsync("/api/education-registrars?locality=qiaocheng&category=public");
        Assert.All(unchanged["items"]!.AsArray(), e => Assert.True(e!["active"]!.GetValue<bool>()));
    }
}
