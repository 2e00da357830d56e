using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Designer.Server.Tests.Infrastructure;

namespace Designer.Server.Tests;

/// <summary>
/// A workflow whose eligibility rule is a runaway script: the server keeps answering everyone else while the script
/// runs, and the application ends Faulted with a reason that names the activity and the limit. Modern syntax
/// (`?.`, `??`, template literals) runs in the same rules.
/// </summary>
public sealed class RunawayScriptTests(DesignerFactory factory) : IClassFixture<DesignerFactory>
{
    // Generous: only a server pinned by the script would miss it.
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(20);
    private readonly ApplicationDriver _driver = new(factory);

    [Theory]
    [InlineData("/(a+)+$/.test('a'.repeat(30) + '!')", "脚本执行超时 (a regular expression ran past the time limit 1s)")]
    [InlineData("var a = [1]; for (var i = 0; i < 30; i++) a = [a, a]; JSON.stringify(a).length > 0", "脚本执行超时")]
    [InlineData("new Array(1e7).join('x').length > 0", "内存超限 (array length limit 1048576 exceeded)")]
    public async Task While_a_runaway_script_runs_the_server_answers_others_and_the_application_ends_faulted(string runaway, string reason)
    {
        var definitionId = await PublishInitialRecognitionWithRuleAsync(runaway);
        var applicantUser = await factory.CreateApplicantAsync("kashgar");
        var applicant = await _driver.As(applicantUser);
        var data = await _driver.ApplyDataAsync(applicant, definitionId, new JsonObject());
        var reviewer = await _driver.As("unit-reviewer-bazhou");

        var submission = applicant.PostAsync("/api/applications", new JsonObject { ["definitionId"] = definitionId, ["data"] = data });
        for (var i = 0; i < 3; i++)
        {
            await AnswersPromptlyAsync(() => factory.Client().GetAsync("/health"));
            await AnswersPromptlyAsync(() => reviewer.GetAsync("/api/tasks"));
        }

        var created = (await submission.WaitAsync(TimeSpan.FromSeconds(120))).Expect(HttpStatusCode.Created);
        var detail = await applicant.GetOkAsync($"/api/applications/{created["id"]!.GetValue<string>()}");
        Assert.Equal("Faulted", detail["status"]!.GetValue<string>());
        var shown = detail["reason"]!.GetValue<string>();
        Assert.StartsWith("活动 “资格审查（自动）” (eligibility): ", shown);
        Assert.Contains(reason, shown);
    }

    [Fact]
    public async Task An_eligibility_rule_with_optional_chaining_nullish_coalescing_and_a_template_literal_runs()
    {
        var rule = "(application.award?.level ?? 'none') === 'none' && `${application.missing?.name ?? ''}`.length === 0";
        var definitionId = await PublishInitialRecognitionWithRuleAsync(rule);
        var applicantUser = await factory.CreateApplicantAsync("kashgar");
        var id = await _driver.SubmitAsync(applicantUser, definitionId, new JsonObject());

        var detail = await (await _driver.As(applicantUser)).GetOkAsync($"/api/applications/{id}");
        Assert.Equal("Waiting", detail["status"]!.GetValue<string>());
        Assert.Contains(detail["waitingAt"]!.AsArray(), w => w!["stage"]!.GetValue<string>() == "unit-recommend");
    }

    private static async Task AnswersPromptlyAsync(Func<Task<ApiResponse>> request)
    {
        var watch = Stopwatch.StartNew();
        var response = await request().WaitAsync(Prompt);
        response.Expect(HttpStatusCode.OK);
        Assert.True(watch.Elapsed < Prompt, $"answered after {watch.Elapsed.TotalSeconds:0.0}s");
    }

    /// <summary>Kashgar's copy of the initial-recognition template, its eligibility check reduced to the one rule given.</summary>
    private async Task<string> PublishInitialRecognitionWithRuleAsync(string condition)
    {
        var admin = await _driver.As("kashgar-admin");
        var definitionId = $"kashgar-scripts-{Guid.NewGuid().ToString("N")[..8]}";
        var clone = (await admin.PostAsync("/api/workflows/initial-recognition/clone",
            new JsonObject { ["locality"] = "kashgar", ["definitionId"] = definitionId })).Expect(HttpStatusCode.Created);
        var definition = clone["definition"]!.AsObject();
        var eligibility = definition["root"]!["activities"]!.AsArray().Single(a => a!["id"]!.GetValue<string>() == "eligibility")!;
        eligibility["rules"]!["expression"]!["value"] = new JsonArray(new JsonObject { ["condition"] = condition, ["reason"] = "规则不满足" });
        (await admin.PutAsync($"/api/workflows/{definitionId}/draft", new JsonObject
        {
            ["definition"] = definition.DeepClone(), ["baseVersion"] = 1, ["concurrencyToken"] = clone["concurrencyToken"]!.GetValue<string>(),
        })).Expect(HttpStatusCode.OK);
        (await admin.PostAsync($"/api/workflows/{definitionId}/publish")).Expect(HttpStatusCode.OK);
        return definitionId;
    }
}
