using System.Text.Json.Nodes;

namespace Designer.Server.Tests.Hardening;

/// <summary>Small workflows without windows or timers (sample-city unless said), for tests that run on the real clock.</summary>
public static class TestWorkflows
{
    /// <summary>apply → committee vote of the organisation (role committee) → completed / rejected.</summary>
    public static JsonObject Committee(string definitionId, string org) => Definition(definitionId, "测试：评委会表决",
        [
            Step("vote", "Titles.CommitteeVote", "committee-vote", org, "committee", null, "committee-vote"),
            Conclude("passed", "Completed"), Conclude("failed", "Rejected"),
        ],
        [Connect("apply", "approve", "vote"), Connect("vote", "Passed", "passed"), Connect("vote", "Failed", "failed")]);

    /// <summary>apply → review, where approve loops back to review (every action leaves one new task) and reject ends.</summary>
    public static JsonObject Loop(string definitionId, string org) => Definition(definitionId, "测试：循环审核",
        [Step("review", "Titles.Task", "hr-review", org, "reviewer", new JsonArray("approve", "reject"), "review-opinion"), Conclude("end", "Rejected")],
        [Connect("apply", "approve", "review"), Connect("review", "approve", "review"), Connect("review", "reject", "end")]);

    /// <summary>apply (the given form) → one review by the organisation → completed, in the given locality.</summary>
    public static JsonObject Review(string definitionId, string locality, string org, string applyForm) => Definition(definitionId, "测试：一步审核",
        [Step("review", "Titles.Task", "hr-review", org, "reviewer", new JsonArray("approve"), "review-opinion"), Conclude("end", "Completed")],
        [Connect("apply", "approve", "review"), Connect("review", "approve", "end")],
        locality, applyForm);

    /// <summary>apply → the unit's recommendation (org `unit`, role leader, the unit-recommendation form) → completed / rejected.</summary>
    public static JsonObject UnitRecommend(string definitionId, string locality = "sample-city") => Definition(definitionId, "测试：单位推荐",
        [
            Step("recommend", "Titles.Task", "unit-recommend", "unit", "leader", new JsonArray("approve", "reject"), "unit-recommendation"),
            Conclude("end", "Completed"), Conclude("refused", "Rejected"),
        ],
        [Connect("apply", "approve", "recommend"), Connect("recommend", "approve", "end"), Connect("recommend", "reject", "refused")],
        locality);

    /// <summary>
    /// apply → gate (a script that faults until the given China date: "评审通道 … 开放") → review by the organisation in
    /// the given role → completed. For the operations console: a fault that a retry clears once the date has come.
    /// </summary>
    public static JsonObject Gated(string definitionId, string org, string role, DateOnly opensOn) => Definition(definitionId, "测试：定时开放的审核",
        [
            new JsonObject
            {
                ["id"] = "gate", ["type"] = "Elsa.FlowDecision",
                ["condition"] = new JsonObject { ["expression"] = new JsonObject { ["type"] = "JavaScript", ["value"] =
                    $"if (new Date() < new Date('{opensOn.AddDays(-1):yyyy-MM-dd}T16:00:00Z')) throw new Error('评审通道 {opensOn:M 月 d 日}开放'); return true;" } },
            },
            Step("review", "Titles.Task", "hr-review", org, role, new JsonArray("approve"), "review-opinion"), Conclude("end", "Completed"),
        ],
        [Connect("apply", "approve", "gate"), Connect("gate", "True", "review"), Connect("gate", "False", "end"), Connect("review", "approve", "end")]);

    /// <summary>As <see cref="Review"/>, with a first decision: an applicant of the given name is rejected at once (a policy change).</summary>
    public static JsonObject ReviewRejecting(string definitionId, string locality, string org, string rejectedName) => Definition(definitionId, "测试：一步审核",
        [
            new JsonObject
            {
                ["id"] = "screen", ["type"] = "Elsa.FlowDecision",
                ["condition"] = new JsonObject { ["expression"] = new JsonObject { ["type"] = "JavaScript", ["value"] = $"return application.name !== '{rejectedName}';" } },
            },
            Step("review", "Titles.Task", "hr-review", org, "reviewer", new JsonArray("approve"), "review-opinion"), Conclude("end", "Completed"),
            Conclude("refused", "Rejected"),
        ],
        [Connect("apply", "approve", "screen"), Connect("screen", "True", "review"), Connect("screen", "False", "refused"), Connect("review", "approve", "end")],
        locality);

    /// <summary>apply → a timer (Elsa.Delay of the given length) → review by the organisation → completed.</summary>
    public static JsonObject Delayed(string definitionId, string org, TimeSpan delay) => Definition(definitionId, "测试：延时后审核",
        [
            new JsonObject { ["id"] = "wait", ["type"] = "Elsa.Delay", ["timeSpan"] = Literal(delay.ToString("c")) },
            Step("review", "Titles.Task", "hr-review", org, "reviewer", new JsonArray("approve"), "review-opinion"), Conclude("end", "Completed"),
        ],
        [Connect("apply", "approve", "wait"), Connect("wait", "Done", "review"), Connect("review", "approve", "end")]);

    private static JsonObject Definition(string definitionId, string name, JsonObject[] activities, JsonObject[] connections,
        string locality = "sample-city", string applyForm = "apply") => new()
    {
        ["definitionId"] = definitionId, ["name"] = name, ["customProperties"] = new JsonObject { ["locality"] = locality },
        ["root"] = new JsonObject
        {
            ["type"] = "Elsa.Flowchart", ["id"] = "root",
            ["activities"] = new JsonArray([
                new JsonObject { ["id"] = "start", ["type"] = "Elsa.Start" },
                Step("apply", "Titles.Task", "apply", "applicant", "applicant", new JsonArray("approve"), applyForm),
                .. activities]),
            ["connections"] = new JsonArray([Connect("start", "Done", "apply"), .. connections]),
        },
    };

    private static JsonObject Step(string id, string type, string stage, string org, string role, JsonArray? actions, string form)
    {
        var step = new JsonObject
        {
            ["id"] = id, ["type"] = type, ["stage"] = Literal(stage), ["assigneeOrg"] = Literal(org), ["assigneeRole"] = Literal(role), ["form"] = Literal(form),
        };
        if (actions is not null) step["actions"] = Literal(actions);
        return step;
    }

    private static JsonObject Conclude(string id, string result) => new() { ["id"] = id, ["type"] = "Titles.Conclude", ["result"] = Literal(result) };

    private static JsonObject Literal(JsonNode value) => new() { ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = value } };

    private static JsonObject Connect(string from, string port, string to) => new()
    {
        ["source"] = new JsonObject { ["activity"] = from, ["port"] = port }, ["target"] = new JsonObject { ["activity"] = to, ["port"] = "In" },
    };
}
