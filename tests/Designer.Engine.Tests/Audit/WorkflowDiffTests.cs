using System.Text.Json.Nodes;
using Designer.Engine.Diff;
using Designer.Engine.Model;
using Designer.Engine.Tests.Support;
using static Designer.Engine.Tests.Support.TestFlow;

namespace Designer.Engine.Tests.Audit;

public class WorkflowDiffTests
{
    private static JsonObject Base() => new TestFlow("bazhou").Add("start", "Elsa.Start")
        .Add("check", "Elsa.FlowDecision", ("condition", Js("application.grassrootsYears >= 3")))
        .Add("review", "Titles.Task", ("stage", Literal("hr-review")), ("assigneeOrg", Literal("bazhou/hr")), ("actions", Literal(new[] { "approve", "reject" })))
        .Add("end", "Elsa.End").Add("reject", "Titles.Conclude", ("result", Literal("Rejected")))
        .Connect("start", "check").Connect("check", "review", "True").Connect("check", "reject", "False")
        .Connect("review", "end", "approve").Connect("review", "reject", "reject").Json();

    private static WorkflowDiff Compare(JsonObject from, JsonObject to) =>
        WorkflowDiffer.Compare(WorkflowDefinitionReader.FromJson(from), WorkflowDefinitionReader.FromJson(to));

    private static JsonObject Activity(JsonObject flow, string id) =>
        flow["root"]!["activities"]!.AsArray().OfType<JsonObject>().Single(a => a["id"]!.GetValue<string>() == id);

    [Fact]
    public void A_pure_layout_move_is_kept_apart_from_real_changes()
    {
        var after = Base();
        Activity(after, "review")["metadata"] = JsonNode.Parse("""{"designer":{"position":{"x":300,"y":40}}}""");
        var diff = Compare(Base(), after);
        var change = Assert.Single(diff.Activities);
        Assert.Equal((ChangeKinds.Moved, true), (change.Kind, change.Moved));
        Assert.False(diff.HasSemanticChanges);
        Assert.True(diff.HasLayoutChanges);
    }

    [Fact]
    public void An_expression_edit_shows_the_old_and_new_script()
    {
        var after = Base();
        Activity(after, "check")["condition"] = Js("application.grassrootsYears >= 5");
        var property = Assert.Single(Assert.Single(Compare(Base(), after).Activities).Properties);
        Assert.Equal("condition", property.Name);
        Assert.Equal("application.grassrootsYears >= 3", property.Old!["value"]!.GetValue<string>());
        Assert.Equal("application.grassrootsYears >= 5", property.New!["value"]!.GetValue<string>());
    }

    [Fact]
    public void A_rewired_connection_names_the_old_and_new_target()
    {
        var after = Base();
        var connection = after["root"]!["connections"]!.AsArray().OfType<JsonObject>().Single(c => c["source"]!["port"]!.GetValue<string>() == "False");
        connection["target"]!["activity"] = "review";
        var change = Assert.Single(Compare(Base(), after).Connections);
        Assert.Equal((ChangeKinds.Rewired, "check", "reject", "review"), (change.Kind, change.Source.Activity, change.OldTarget!.Activity, change.NewTarget!.Activity));
    }

    [Fact]
    public void Added_and_removed_activities_and_an_assignee_change()
    {
        var after = Base();
        var activities = after["root"]!["activities"]!.AsArray();
        activities.Remove(Activity(after, "end"));
        activities.Add(JsonNode.Parse("""{"id":"filing","type":"Titles.Task"}"""));
        Activity(after, "review")["assigneeOrg"] = Literal("xinjiang/hr");
        var diff = Compare(Base(), after);
        Assert.Contains(diff.Activities, a => a.ActivityId == "end" && a.Kind == ChangeKinds.Removed);
        Assert.Contains(diff.Activities, a => a.ActivityId == "filing" && a.Kind == ChangeKinds.Added);
        var review = diff.Activities.Single(a => a.ActivityId == "review");
        Assert.Equal("xinjiang/hr", review.Properties.Single(p => p.Name == "assigneeOrg").New!["value"]!.GetValue<string>());
        Assert.Contains("+ 新增活动", DiffText.Render(diff));
    }

    [Fact]
    public void Identical_versions_have_no_changes()
    {
        var diff = Compare(Base(), Base());
        Assert.False(diff.HasSemanticChanges);
        Assert.Contains("没有变化", DiffText.Render(diff));
    }
}

public class FormDiffTests
{
    private static JsonObject Schema(string json) => JsonNode.Parse(json)!.AsObject();

    private const string Before = """
        {"type":"object","required":["name"],"properties":{
          "name":{"type":"string","title":"姓名"},
          "years":{"type":"integer","title":"基层工作年限","minimum":0},
          "level":{"type":"string","title":"级别","enum":["junior","assistant"],"enumNames":["员级","助理级"]},
          "phone":{"type":"string","title":"联系电话"}}}
        """;

    [Fact]
    public void A_field_made_required_and_limits_options_titles_and_renames()
    {
        var after = Schema("""
            {"type":"object","required":["name","years"],"properties":{
              "name":{"type":"string","title":"申报人姓名"},
              "years":{"type":"integer","title":"基层工作年限","minimum":3},
              "level":{"type":"string","title":"级别","enum":["junior","assistant","intermediate"],"enumNames":["员级","助理级","中级"]},
              "mobile":{"type":"string","title":"联系电话"},
              "email":{"type":"string","title":"电子邮箱"}}}
            """);
        var diff = FormDiffer.Compare("apply", Schema(Before), after);
        Assert.Contains(diff.Fields, f => f.Field == "years" && f.Aspect == "required" && f.New!.GetValue<bool>());
        Assert.Contains(diff.Fields, f => f.Field == "years" && f.Aspect == "minimum");
        Assert.Contains(diff.Fields, f => f.Field == "level" && f.Aspect == "options");
        Assert.Contains(diff.Fields, f => f.Field == "name" && f.Aspect == "title");
        Assert.Contains(diff.Fields, f => f.Kind == ChangeKinds.Renamed && f.Field == "phone" && f.RenamedTo == "mobile");
        Assert.Contains(diff.Fields, f => f.Kind == ChangeKinds.Added && f.Field == "email");
        Assert.DoesNotContain(diff.Fields, f => f.Kind == ChangeKinds.Removed);
    }

    [Fact]
    public void The_same_schema_has_no_field_changes() =>
        Assert.Empty(FormDiffer.Compare("apply", Schema(Before), Schema(Before)).Fields);
}
