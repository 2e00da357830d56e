using System.Net;
using System.Text.Json.Nodes;
using Designer.Server.Tests.Committees;
using Designer.Server.Tests.Infrastructure;

namespace Designer.Server.Tests.Governance;

/// <summary>
/// 003 §四(一) 未按规定程序…其推荐、评审结果一律无效; 004 §一(四) 违反评审规定的评委…计入诚信档案库; 003 §四(五)
/// 工作台账、明确办理时限、受理举报 — over HTTP, as the operator, the admin, the public and the HR office do them.
/// </summary>
public sealed class ResultsExpertsAndComplaintsTests(DesignerFactory factory) : IClassFixture<DesignerFactory>
{
    [Fact]
    public async Task An_operator_declares_a_completed_result_void_and_its_certificate_is_revoked()
    {
        var driver = new ApplicationDriver(factory);
        var applicant = await factory.CreateApplicantAsync("bazhou");
        var id = await driver.SubmitAsync(applicant, "bazhou-directed-deputy-senior", DrawFactory.Teacher("无效甲", "和静县第一中学"));
        var admin = await factory.SignInAsync("bazhou-admin");

        var running = await admin.PostAsync($"/api/operations/instances/{id}/invalidate", new JsonObject { ["reason"] = "单位未经公示即推荐" });
        Assert.Equal(409, (int)running.Status);
        Assert.Equal("Completed", (await driver.RunAsync(id, applicant))["status"]!.GetValue<string>());
        Assert.Equal("$.reason", (await admin.PostAsync($"/api/operations/instances/{id}/invalidate", new JsonObject())).Json!["errors"]![0]!["path"]!.GetValue<string>());
        Assert.Equal(404, (int)(await (await factory.SignInAsync("xj-prefecture-admin")).PostAsync($"/api/operations/instances/{id}/invalidate",
            new JsonObject { ["reason"] = "x" })).Status);

        var result = (await admin.PostAsync($"/api/operations/instances/{id}/invalidate", new JsonObject { ["reason"] = "单位未经公示即推荐" })).Expect(HttpStatusCode.OK);
        Assert.Equal("Invalidated", result["status"]!.GetValue<string>());
        var number = Assert.Single(result["revokedCertificates"]!.AsArray())!.GetValue<string>();
        var check = await factory.Client().GetOkAsync($"/api/public/certificates/{number}");
        Assert.False(check["valid"]!.GetValue<bool>());
        Assert.Contains("结果无效：单位未经公示即推荐", check["revocationReason"]!.GetValue<string>());
        Assert.Equal("Invalidated", (await admin.GetOkAsync($"/api/operations/instances/{id}"))["status"]!.GetValue<string>());
        Assert.Equal(409, (int)(await admin.PostAsync($"/api/operations/instances/{id}/invalidate", new JsonObject { ["reason"] = "再次" })).Status);
        var audit = await (await factory.SignInAsync("auditor")).GetOkAsync($"/api/audit?subject=application/{id}&kind=application.invalidate");
        Assert.Equal("单位未经公示即推荐", Assert.Single(audit["items"]!.AsArray())!["data"]!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_expert_who_broke_the_rules_leaves_the_pool_with_an_integrity_record()
    {
        var admin = await factory.SignInAsync("bazhou-admin");
        const string expert = "bazhou/expert/water-01";
        Assert.Equal(404, (int)(await (await factory.SignInAsync("bazhou-reviewer-hr")).PostAsync("/api/experts/violations",
            new JsonObject { ["expert"] = expert, ["reason"] = "泄露评审信息" })).Status);
        var recorded = (await admin.PostAsync("/api/experts/violations", new JsonObject { ["expert"] = expert, ["reason"] = "评审中泄露评审信息" }))
            .Expect(HttpStatusCode.OK);
        Assert.False(recorded["expert"]!["active"]!.GetValue<bool>());
        Assert.False((await admin.GetOkAsync($"/api/experts/{expert}"))["active"]!.GetValue<bool>());
        var records = await admin.GetOkAsync($"/api/integrity-records?userName={Uri.EscapeDataString("expert:" + expert)}");
        var finding = Assert.Single(records["items"]!.AsArray())!["finding"]!.GetValue<string>();
        Assert.Contains("评审中泄露评审信息", finding);
        Assert.Contains("取消评审专家资格", finding);
    }

    [Fact]
    public async Task A_report_is_received_with_its_time_limit_and_closed_by_the_answering_office()
    {
        var anyone = factory.Client();
        var bad = await anyone.PostAsync("/api/public/complaints", new JsonObject { ["locality"] = "bazhou", ["subject"] = "", ["name"] = "张三" });
        Assert.Equal(422, (int)bad.Status);
        Assert.Contains("$.subject", bad.Text);
        Assert.Contains("$.content", bad.Text);

        var receipt = (await anyone.PostAsync("/api/public/complaints", new JsonObject
        {
            ["locality"] = "bazhou", ["subject"] = "和静县某中学职称推荐", ["content"] = "单位推荐未经公示", ["name"] = "张三", ["contact"] = "13800000000",
        })).Expect(HttpStatusCode.Created);
        var id = receipt["id"]!.GetValue<string>();
        Assert.Equal("bazhou/hr", receipt["office"]!.GetValue<string>());
        Assert.True(string.CompareOrdinal(receipt["dueOn"]!.GetValue<string>(), receipt["receivedOn"]!.GetValue<string>()) > 0);

        var hr = await factory.SignInAsync("bazhou-reviewer-hr");
        var ledger = await hr.GetOkAsync("/api/complaints?status=open");
        Assert.Contains(ledger["items"]!.AsArray(), c => c!["id"]!.GetValue<string>() == id && !c["overdue"]!.GetValue<bool>());
        Assert.DoesNotContain((await (await factory.SignInAsync("xj-prefecture-admin")).GetOkAsync("/api/complaints"))["items"]!.AsArray(),
            c => c!["id"]!.GetValue<string>() == id);
        Assert.Equal(403, (int)(await (await factory.SignInAsync("bazhou-reviewer-education")).PostAsync($"/api/complaints/{id}/close",
            new JsonObject { ["finding"] = "查无此事" })).Status);
        Assert.Equal("$.finding", (await hr.PostAsync($"/api/complaints/{id}/close", new JsonObject())).Json!["errors"]![0]!["path"]!.GetValue<string>());

        var closed = (await hr.PostAsync($"/api/complaints/{id}/close", new JsonObject { ["finding"] = "经核查，单位已补办公示" })).Expect(HttpStatusCode.OK);
        Assert.Equal(("closed", "bazhou-reviewer-hr"), (closed["status"]!.GetValue<string>(), closed["handler"]!.GetValue<string>()));
        Assert.Equal(409, (int)(await hr.PostAsync($"/api/complaints/{id}/close", new JsonObject { ["finding"] = "再次" })).Status);
        // The ledger names who handled it as people read it: the display name, not the sign-in name.
        const string HandlerName = "巴音郭楞蒙古自治州人力资源和社会保障部门审核人";
        Assert.Equal(HandlerName, closed["handlerName"]!.GetValue<string>());
        var listed = (await hr.GetOkAsync("/api/complaints?pageSize=200"))["items"]!.AsArray().Single(c => c!["id"]!.GetValue<string>() == id)!;
        Assert.Equal(HandlerName, listed["handlerName"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_public_plan_lists_the_published_windows_and_the_committees_standards()
    {
        var kashgar = await factory.Client().GetOkAsync("/api/public/plan?locality=kashgar");
        Assert.Contains(kashgar["windows"]!.AsArray(), w => w!["opens"]!.GetValue<string>().StartsWith("2020-"));
        var plan = await factory.Client().GetOkAsync("/api/public/plan?locality=sample-city");
        var engineering = plan["committees"]!.AsArray().Single(c => c!["id"]!.GetValue<string>() == "sample-city/committee/engineering")!;
        Assert.Equal("2021-04-01", engineering["standardsPublishedOn"]!.GetValue<string>());
        Assert.Equal(422, (int)(await factory.Client().GetAsync("/api/public/plan?locality=nowhere")).Status);
    }
}
