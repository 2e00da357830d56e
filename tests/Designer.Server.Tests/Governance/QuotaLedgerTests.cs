using System.Net;
using System.Text.Json.Nodes;
using Designer.Engine.Runtime;
using Designer.Server.Tests.Infrastructure;

namespace Designer.Server.Tests.Governance;

/// <summary>The prefecture's 2022 grassroots-directed procedure, whose application window is in November 2022.</summary>
public sealed class GrassrootsFactory() : DesignerFactory(Path.Combine(Path.GetTempPath(), "designer-tests", Guid.NewGuid().ToString("N")),
    ManualClock.StartingOn(new DateOnly(2022, 11, 1)));

/// <summary>
/// 000 §五: the county sets a unit's number of “双定向” posts and files it with the prefecture before evaluation. A
/// number set but not filed stops the recommendation (the application faults, saying why); once the prefecture's HR
/// bureau files it, the operator retries and the application goes on; the public page lists only filed numbers.
/// </summary>
public sealed class QuotaLedgerTests(GrassrootsFactory factory) : IClassFixture<GrassrootsFactory>
{
    private const string Unit = "和静县巴润哈尔莫敦镇中心小学";

    private static JsonObject Teacher(string name) => new()
    {
        ["name"] = name, ["county"] = "和静县", ["unit"] = Unit, ["employmentType"] = "public-institution", ["workplaceLevel"] = "township",
        ["series"] = "teacher", ["level"] = "intermediate", ["kind"] = "directed", ["grassrootsYears"] = 8, ["materialsDate"] = "2022-10-20",
    };

    [Fact]
    public async Task A_number_set_by_the_county_counts_only_once_filed_with_the_prefecture()
    {
        var county = await factory.SignInAsync("xj-prefecture-reviewer-county-hr");
        var prefecture = await factory.SignInAsync("xj-prefecture-reviewer-hr");
        var outsider = await factory.SignInAsync("bazhou-admin");

        // Bad input names the field; another locality's admin may not set the prefecture's numbers.
        var bad = await county.PostAsync("/api/quotas", new JsonObject { ["locality"] = "xj-prefecture", ["unit"] = Unit, ["postKind"] = "both", ["level"] = "intermediate", ["posts"] = -1 });
        Assert.Equal(422, (int)bad.Status);
        Assert.Contains("$.postKind", bad.Text);
        Assert.Contains("$.posts", bad.Text);
        var foreign = await outsider.PostAsync("/api/quotas", new JsonObject { ["locality"] = "xj-prefecture", ["unit"] = Unit, ["postKind"] = "directed", ["level"] = "intermediate", ["posts"] = 2 });
        Assert.Equal(403, (int)foreign.Status);

        var set = (await county.PostAsync("/api/quotas", new JsonObject
            { ["locality"] = "xj-prefecture", ["unit"] = Unit, ["postKind"] = "directed", ["level"] = "intermediate", ["posts"] = 2 })).Expect(HttpStatusCode.OK);
        Assert.Equal("set", set["status"]!.GetValue<string>());
        var quotaId = set["id"]!.GetValue<long>();
        Assert.DoesNotContain((await factory.Client().GetOkAsync("/api/public/quotas?locality=xj-prefecture"))["items"]!.AsArray(),
            q => q!["unit"]!.GetValue<string>() == Unit);

        // The recommendation stops at the unfiled number and says why.
        var driver = new ApplicationDriver(factory);
        var applicant = await factory.CreateApplicantAsync("xj-prefecture");
        var id = await driver.SubmitAsync(applicant, "xj-prefecture-grassroots-directed", Teacher("岗位甲"));
        var stopped = await driver.RunAsync(id, applicant);
        Assert.Equal("Faulted", stopped["status"]!.GetValue<string>());
        var admin = await factory.SignInAsync("xj-prefecture-admin");
        var health = await admin.GetOkAsync($"/api/operations/instances/{id}");
        Assert.Contains("尚未报上级人社部门备案", health["why"]!.GetValue<string>());

        // Only the prefecture's HR bureau (or an admin) files it; the county cannot.
        Assert.Equal(403, (int)(await county.PostAsync($"/api/quotas/{quotaId}/file", new JsonObject { ["filingNumber"] = "州人社备〔2022〕8号" })).Status);
        Assert.Equal(422, (int)(await prefecture.PostAsync($"/api/quotas/{quotaId}/file", new JsonObject { ["filingNumber"] = " " })).Status);
        var filed = (await prefecture.PostAsync($"/api/quotas/{quotaId}/file", new JsonObject { ["filingNumber"] = "州人社备〔2022〕8号" })).Expect(HttpStatusCode.OK);
        Assert.Equal(("filed", "xj-prefecture-reviewer-hr"), (filed["status"]!.GetValue<string>(), filed["filedBy"]!.GetValue<string>()));

        (await admin.PostAsync($"/api/operations/instances/{id}/retry", new JsonObject { ["reason"] = "岗位数额已备案" })).Expect(HttpStatusCode.OK);
        var done = await driver.RunAsync(id, applicant);
        Assert.Equal("Completed", done["status"]!.GetValue<string>());

        var published = (await factory.Client().GetOkAsync("/api/public/quotas?locality=xj-prefecture"))["items"]!.AsArray()
            .Single(q => q!["unit"]!.GetValue<string>() == Unit)!;
        Assert.Equal((2, 1), (published["posts"]!.GetValue<int>(), published["used"]!.GetValue<int>()));

        // A changed number must be filed again; each step is in the audit trail.
        var changed = (await county.PostAsync("/api/quotas", new JsonObject
            { ["locality"] = "xj-prefecture", ["unit"] = Unit, ["postKind"] = "directed", ["level"] = "intermediate", ["posts"] = 3 })).Expect(HttpStatusCode.OK);
        Assert.Equal(("set", quotaId), (changed["status"]!.GetValue<string>(), changed["id"]!.GetValue<long>()));
        var audit = await (await factory.SignInAsync("auditor")).GetOkAsync("/api/audit?kind=quota.file");
        Assert.Contains(audit["items"]!.AsArray(), e => e!["data"]!["filingNumber"]!.GetValue<string>() == "州人社备〔2022〕8号");
    }
}
