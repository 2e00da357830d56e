using System.Text.Json.Nodes;
using Designer.Engine.Expressions;
using Designer.Engine.Runtime;
using Designer.Engine.Tests.Support;
using Designer.Engine.Validation;

namespace Designer.Engine.Tests.Runtime;

/// <summary>
/// The activities that end in the titles register: Titles.TitleStatus marks only the titles it names (directed ones by
/// default) and refuses a status it does not know at publish; Titles.Certificate reissues only a certificate the
/// register holds, keeping that title's series, level and direction.
/// </summary>
public class TitleRegisterActivityTests
{
    private static readonly WorkflowValidator Validator =
        new(ActivityRegistry.Default, TestEngine.Forms, new JintScriptSandbox(SandboxLimits.Default, TestEngine.Calendar), TestEngine.Vocabulary);

    private static JsonObject Record(params JsonObject[] titles) => new() { ["titles"] = new JsonArray([.. titles]) };

    private static JsonObject Title(string series, string level, bool directed, string number) => new()
    {
        ["series"] = series, ["level"] = level, ["directed"] = directed, ["validIn"] = directed ? "southern Xinjiang" : null,
        ["obtainedOn"] = "2022-12-20", ["certificateNumber"] = number,
    };

    private static TestFlow Marking(string status) => new TestFlow("bazhou")
        .Add("register", "Titles.TitleStatus", ("status", TestFlow.Literal(status)), ("reason", TestFlow.Literal("调离南疆地区")))
        .Write("changed", "changed").Write("none", "none")
        .Connect("register", "changed", "Changed").Connect("register", "none", "NoTitle");

    [Fact]
    public void Only_the_directed_title_is_marked_and_the_change_names_it()
    {
        var engine = new TestEngine();
        var state = engine.Engine.Start(Marking("lapsed").Definition(), new StartRequest("t-1", new JsonObject { ["name"] = "某人" },
            Record: Record(Title("teacher", "intermediate", false, "G-1"), Title("teacher", "deputy-senior", true, "D-1"))));

        Assert.Equal(WorkflowStatus.Completed, state.Status);
        Assert.Equal(["changed"], engine.Lines);
        var change = Assert.Single(state.TitleChanges)!;
        Assert.Equal("D-1", change["certificateNumber"]!.GetValue<string>());
        Assert.Equal("lapsed", change["status"]!.GetValue<string>());
        Assert.Equal("调离南疆地区", change["reason"]!.GetValue<string>());
        Assert.Contains("失效", Assert.Single(state.Journal).Reasons![0]);
    }

    [Fact]
    public void A_register_without_a_matching_title_takes_the_NoTitle_port_and_changes_nothing()
    {
        var engine = new TestEngine();
        var state = engine.Engine.Start(Marking("restricted").Definition(), new StartRequest("t-2", new JsonObject(),
            Record: Record(Title("teacher", "intermediate", false, "G-1"))));

        Assert.Equal(["none"], engine.Lines);
        Assert.Empty(state.TitleChanges);
    }

    [Fact]
    public void An_unknown_status_is_refused_at_publish_naming_the_activity()
    {
        var problems = Validator.Validate(Marking("void").Json().ToJsonString());
        var problem = Assert.Single(problems, p => p.ActivityId == "register" && p.Code == ProblemCodes.InvalidInput);
        Assert.Contains("void", problem.Message);
        Assert.DoesNotContain(Validator.Validate(Marking("reevaluate").Json().ToJsonString()), p => p.ActivityId == "register" && p.Code == ProblemCodes.InvalidInput && p.Message.Contains("登记为"));
    }

    private static TestFlow Reissuing(string number) => new TestFlow("qiaocheng")
        .Add("certificate", "Titles.Certificate", ("issuer", TestFlow.Literal("qiaocheng/hr")), ("replaces", TestFlow.Literal(number)))
        .Write("done", "done").Connect("certificate", "done");

    [Fact]
    public void A_reissue_keeps_the_registered_title_and_names_the_certificate_it_replaces()
    {
        var state = new TestEngine().Engine.Start(Reissuing("D-1").Definition(), new StartRequest("t-3",
            new JsonObject { ["name"] = "某人", ["series"] = "engineering", ["level"] = "junior" },
            Record: Record(Title("teacher", "deputy-senior", true, "D-1"))));

        Assert.Equal(WorkflowStatus.Completed, state.Status);
        Assert.Equal("teacher", state.Granted!["series"]!.GetValue<string>());
        Assert.Equal("deputy-senior", state.Granted["level"]!.GetValue<string>());
        Assert.True(state.Granted["directed"]!.GetValue<bool>());
        Assert.Equal("southern Xinjiang", state.Granted["validIn"]!.GetValue<string>());
        Assert.Equal("D-1", state.Granted["replaces"]!.GetValue<string>());
    }

    [Fact]
    public void A_reissue_of_a_number_the_register_does_not_hold_faults_naming_it()
    {
        var state = new TestEngine().Engine.Start(Reissuing("X-9").Definition(), new StartRequest("t-4", new JsonObject { ["name"] = "某人" },
            Record: Record(Title("teacher", "deputy-senior", true, "D-1"))));

        Assert.Equal(WorkflowStatus.Faulted, state.Status);
        Assert.Null(state.Granted);
        Assert.Contains("X-9", state.Fault!.Message);
        Assert.Equal("certificate", state.Fault.ActivityId);
    }
}
