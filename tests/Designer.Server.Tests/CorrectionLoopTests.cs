using System.Net;
using System.Text.Json.Nodes;
using Designer.Server.Tests.Infrastructure;

namespace Designer.Server.Tests;

/// <summary>
/// The correction loop carries content both ways: the reviewer's itemised list (一次性告知) and opinion reach the
/// applicant; the applicant's reply and new attachments reach the reviewer; later reviewers see earlier opinions.
/// </summary>
public sealed class CorrectionLoopTests(BazhouFactory factory) : IClassFixture<BazhouFactory>
{
    private const string Attachment = "data:application/pdf;name=%E5%AD%A6%E5%8E%86.pdf;base64,JVBERi0xLjQK";

    [Fact]
    public async Task The_itemised_list_reaches_the_applicant_and_the_reply_with_attachments_reaches_the_reviewer()
    {
        var driver = new ApplicationDriver(factory);
        var applicantUser = await factory.CreateApplicantAsync("bazhou");
        var id = await driver.SubmitAsync(applicantUser, "bazhou-directed-deputy-senior", new JsonObject
        {
            ["name"] = "蒋补正", ["county"] = "和静县", ["unit"] = "和静县第七中学", ["employmentType"] = "public-institution",
            ["workplaceLevel"] = "prefecture", ["series"] = "teacher", ["level"] = "deputy-senior", ["kind"] = "directed",
            ["grassrootsYears"] = 8, ["competentDepartment"] = "education",
        });
        var returned = new JsonObject
        {
            ["competent-review"] = new JsonArray(new JsonObject
            {
                ["action"] = "return",
                ["data"] = new JsonObject
                {
                    ["opinion"] = "学历材料不全，请补正。",
                    ["correctionItems"] = new JsonArray(
                        new JsonObject { ["item"] = "学信网学历验证报告", ["requirement"] = "须为近三个月内出具" },
                        new JsonObject { ["item"] = "继续教育学时证明" }),
                    ["correctionDeadline"] = "2024-09-20",
                },
            }, new JsonObject { ["action"] = "approve" }),
        };
        await driver.RunAsync(id, applicantUser, returned, stopAt: "correction");

        // The applicant reads the opinion and every item.
        var applicant = await driver.As(applicantUser);
        var detail = await applicant.GetOkAsync($"/api/applications/{id}");
        var review = detail["timeline"]!.AsArray().Last(e => e!["stage"]!.GetValue<string>() == "competent-review")!;
        Assert.Equal("学历材料不全，请补正。", review["details"]!["opinion"]!.GetValue<string>());
        Assert.Equal(["学信网学历验证报告", "继续教育学时证明"], review["details"]!["correctionItems"]!.AsArray().Select(i => i!["item"]!.GetValue<string>()));
        Assert.Equal("2024-09-20", review["details"]!["correctionDeadline"]!.GetValue<string>());

        // The applicant replies with an attachment.
        var correction = detail["pendingTasks"]!.AsArray().Single()!;
        (await ApplicationDriver.ActAsync(applicant, correction, new JsonObject
        {
            ["action"] = "approve",
            ["data"] = new JsonObject
            {
                ["response"] = "已补传学信网学历验证报告。", ["truthfulnessPledge"] = true,
                ["evidence"] = new JsonArray(new JsonObject { ["fileName"] = "学历验证报告.pdf", ["dataUrl"] = Attachment, ["correctionItem"] = "学信网学历验证报告" }),
            },
        })).Expect(HttpStatusCode.OK);

        // The reviewer's task shows the reply and the attachment itself.
        var education = await driver.As("bazhou-reviewer-education");
        var task = (await education.GetOkAsync("/api/tasks?pageSize=200"))["items"]!.AsArray().Single(t => t!["applicationId"]!.GetValue<string>() == id)!;
        var opened = await education.GetOkAsync($"/api/tasks/{task["id"]!.GetValue<string>()}");
        var reply = opened["timeline"]!.AsArray().Last(e => e!["stage"]!.GetValue<string>() == "correction")!["details"]!;
        Assert.Equal("已补传学信网学历验证报告。", reply["response"]!.GetValue<string>());
        Assert.Equal(Attachment, reply["evidence"]![0]!["dataUrl"]!.GetValue<string>());
        Assert.Equal("学历验证报告.pdf", reply["evidence"]![0]!["fileName"]!.GetValue<string>());

        // The applicant's own view names the file without echoing its content.
        var own = (await applicant.GetOkAsync($"/api/applications/{id}"))["timeline"]!.AsArray().Last(e => e!["stage"]!.GetValue<string>() == "correction")!["details"]!;
        Assert.Equal("学历验证报告.pdf", own["evidence"]![0]!["fileName"]!.GetValue<string>());
        Assert.Null(own["evidence"]![0]!["dataUrl"]);

        // The scoring committee, a later reviewer, reads the earlier opinions.
        await driver.RunAsync(id, applicantUser, returned, stopAt: "scoring");
        var committee = await driver.As("bazhou-reviewer-education");
        var scoring = (await committee.GetOkAsync("/api/tasks?stage=scoring&pageSize=200"))["items"]!.AsArray().Single(t => t!["applicationId"]!.GetValue<string>() == id)!;
        var history = (await committee.GetOkAsync($"/api/tasks/{scoring["id"]!.GetValue<string>()}"))["timeline"]!.AsArray();
        Assert.Contains(history, e => e!["details"]?["opinion"]?.GetValue<string>() == "学历材料不全，请补正。");
    }
}
