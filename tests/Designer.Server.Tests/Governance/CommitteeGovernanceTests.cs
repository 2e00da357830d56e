using System.Net;
using System.Text.Json.Nodes;
using Designer.Server.Tests.Committees;
using Designer.Server.Tests.Infrastructure;

namespace Designer.Server.Tests.Governance;

/// <summary>
/// 004 §一(四): a committee with poor management is ordered to rectify and its evaluation suspended, up to withdrawing
/// its right to evaluate. While suspended or withdrawn, its office cannot organise a session and a vote step cannot
/// start at it (the application faults with the reason and is retried after reinstatement). Admins of the locality act;
/// the public plan shows the committee's standing; every action is audited.
/// </summary>
public sealed class CommitteeGovernanceTests(DesignerFactory factory) : IClassFixture<DesignerFactory>
{
    private const string Committee = "bazhou/committee/teacher-deputy-senior";

    [Fact]
    public async Task A_suspended_committee_holds_no_session_until_reinstated_and_a_withdrawn_one_never_again()
    {
        var driver = new ApplicationDriver(factory);
        var admin = await factory.SignInAsync("bazhou-admin");
        var office = await factory.SignInAsync("bazhou-reviewer-education");
        var waiting = await factory.CreateApplicantAsync("bazhou");
        await driver.RunAsync(await driver.SubmitAsync(waiting, "bazhou-directed-deputy-senior", DrawFactory.Teacher("整改甲", "和静县第一中学")), waiting, stopAt: "committee-vote");

        // Another locality's admin does not see the committee; bad input names the field.
        Assert.Equal(404, (int)(await (await factory.SignInAsync("xj-prefecture-admin")).PostAsync("/api/committees/governance",
            new JsonObject { ["committee"] = Committee, ["action"] = "suspend", ["reason"] = "管理混乱" })).Status);
        var noReason = await admin.PostAsync("/api/committees/governance", new JsonObject { ["committee"] = Committee, ["action"] = "suspend" });
        Assert.Equal("$.reason", noReason.Json!["errors"]![0]!["path"]!.GetValue<string>());

        var suspended = (await admin.PostAsync("/api/committees/governance", new JsonObject
        {
            ["committee"] = Committee, ["action"] = "suspend", ["reason"] = "评审质量不高、社会反映较大，责令限期整改", ["rectifyBy"] = "2024-12-31",
        })).Expect(HttpStatusCode.OK);
        Assert.Equal(("suspended", "2024-12-31"), (suspended["status"]!.GetValue<string>(), suspended["rectifyBy"]!.GetValue<string>()));

        // The office cannot organise a session for it, and an ordinary edit cannot lift the suspension.
        var refused = await office.PostAsync("/api/committee-sessions", new JsonObject());
        Assert.Equal(409, (int)refused.Status);
        Assert.Contains("暂停评审工作", refused.Text);
        var edit = await admin.GetOkAsync($"/api/committees/{Committee}");
        edit["status"] = "filed";
        var lifted = await admin.PutAsync($"/api/committees/{Committee}", edit);
        Assert.Equal("$.status", lifted.Json!["errors"]![0]!["path"]!.GetValue<string>());

        // A new application reaching the vote stops there, saying why.
        var later = await factory.CreateApplicantAsync("bazhou");
        var laterId = await driver.SubmitAsync(later, "bazhou-directed-deputy-senior", DrawFactory.Teacher("整改乙", "和静县第一中学"));
        Assert.Equal("Faulted", (await driver.RunAsync(laterId, later))["status"]!.GetValue<string>());
        Assert.Contains("暂停评审工作", (await admin.GetOkAsync($"/api/operations/instances/{laterId}"))["why"]!.GetValue<string>());
        var plan = await factory.Client().GetOkAsync("/api/public/plan?locality=bazhou");
        Assert.Equal("suspended", plan["committees"]!.AsArray().Single(c => c!["id"]!.GetValue<string>() == Committee)!["status"]!.GetValue<string>());

        // Reinstated after rectification: the application is retried and a session can be organised.
        (await admin.PostAsync("/api/committees/governance", new JsonObject { ["committee"] = Committee, ["action"] = "reinstate", ["reason"] = "整改完成" }))
            .Expect(HttpStatusCode.OK);
        (await admin.PostAsync($"/api/operations/instances/{laterId}/retry", new JsonObject { ["reason"] = "评委会已恢复评审" })).Expect(HttpStatusCode.OK);
        Assert.Equal("Waiting", (await driver.RunAsync(laterId, later, stopAt: "committee-vote"))["status"]!.GetValue<string>());
        var session = (await office.PostAsync("/api/committee-sessions", new JsonObject())).Expect(HttpStatusCode.Created);
        Assert.Equal(Committee, session["committeeId"]!.GetValue<string>());

        // Withdrawn: final; the draw for the open session is refused too.
        (await admin.PostAsync("/api/committees/governance", new JsonObject { ["committee"] = Committee, ["action"] = "revoke", ["reason"] = "整改不到位，收回职称评审权" }))
            .Expect(HttpStatusCode.OK);
        var draw = await office.PostAsync($"/api/committee-sessions/{session["id"]!.GetValue<string>()}/draw", new JsonObject { ["count"] = 5, ["seed"] = "x" });
        Assert.Equal(409, (int)draw.Status);
        Assert.Contains("职称评审权已被收回", draw.Text);
        Assert.Equal(409, (int)(await admin.PostAsync("/api/committees/governance",
            new JsonObject { ["committee"] = Committee, ["action"] = "reinstate", ["reason"] = "再次申请" })).Status);

        var audit = await (await factory.SignInAsync("auditor")).GetOkAsync($"/api/audit?subject=committee/{Committee}");
        var kinds = audit["items"]!.AsArray().Select(e => e!["kind"]!.GetValue<string>()).ToList();
        Assert.Contains("committee.suspend", kinds);
        Assert.Contains("committee.reinstate", kinds);
        Assert.Contains("committee.revoke", kinds);
    }
}
