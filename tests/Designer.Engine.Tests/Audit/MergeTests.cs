using System.Text.Json.Nodes;
using Designer.Engine.Merge;
using Designer.Engine.Model;
using Designer.Engine.Tests.Support;
using static Designer.Engine.Tests.Support.TestFlow;

namespace Designer.Engine.Tests.Audit;

/// <summary>A locality's clone takes its template's later changes through a three-way merge.</summary>
public class MergeTests
{
    private static JsonObject Template() => new TestFlow("templates")
        .Add("review", "Titles.Task", ("stage", Literal("hr-review")), ("assigneeOrg", Literal("{locality}/hr")), ("deadlineDays", Literal(5)))
        .Add("end", "Elsa.End").Connect("review", "end", "approve").Json();

    private static JsonObject Activity(JsonObject flow, string id) =>
        flow["root"]!["activities"]!.AsArray().OfType<JsonObject>().Single(a => a["id"]!.GetValue<string>() == id);

    private static MergeResult Merge(JsonObject @base, JsonObject theirs, JsonObject ours) => ThreeWayMerge.Merge(
        WorkflowDefinitionReader.FromJson(@base), WorkflowDefinitionReader.FromJson(theirs), WorkflowDefinitionReader.FromJson(ours));

    [Fact]
    public void Changes_to_different_things_merge_cleanly()
    {
        var theirs = Template();
        Activity(theirs, "review")["deadlineDays"] = Literal(10);
        theirs["root"]!["activities"]!.AsArray().Add(JsonNode.Parse("""{"id":"notify","type":"Titles.Notify"}"""));
        theirs["root"]!["connections"]!.AsArray().Add(JsonNode.Parse("""{"source":{"activity":"review","port":"reject"},"target":{"activity":"notify","port":"In"}}"""));
        var ours = Template();
        ours["customProperties"]!["locality"] = "bazhou";
        Activity(ours, "review")["assigneeOrg"] = Literal("bazhou/education");

        var result = Merge(Template(), theirs, ours);
        Assert.True(result.IsClean);
        var review = Activity(result.Merged, "review");
        Assert.Equal(10, review["deadlineDays"]!["expression"]!["value"]!.GetValue<int>());
        Assert.Equal("bazhou/education", review["assigneeOrg"]!["expression"]!["value"]!.GetValue<string>());
        Assert.Contains(result.Merged["root"]!["activities"]!.AsArray(), a => a!["id"]!.GetValue<string>() == "notify");
        Assert.Equal(2, result.Merged["root"]!["connections"]!.AsArray().Count);
        Assert.Equal("bazhou", result.Merged["customProperties"]!["locality"]!.GetValue<string>());
    }

    [Fact]
    public void A_renamed_activity_keeps_its_new_name_when_the_other_side_only_moved_it()
    {
        var theirs = Template();
        Activity(theirs, "review")["metadata"] = new JsonObject { ["displayText"] = "人社局审核" };
        var ours = Template();
        Activity(ours, "review")["metadata"] = new JsonObject { ["designer"] = new JsonObject { ["position"] = new JsonObject { ["x"] = 40, ["y"] = 80 } } };

        var result = Merge(Template(), theirs, ours);
        Assert.True(result.IsClean);
        var metadata = Activity(result.Merged, "review")["metadata"]!;
        Assert.Equal("人社局审核", metadata["displayText"]!.GetValue<string>());
        Assert.Equal(40, metadata["designer"]!["position"]!["x"]!.GetValue<int>());

        // Both renaming it is a conflict on the name alone.
        Activity(ours, "review")["metadata"]!["displayText"] = "县人社局审核";
        var both = Merge(Template(), theirs, ours);
        var conflict = Assert.Single(both.Conflicts);
        Assert.Equal("activity:review:metadata.displayText", conflict.Key);
        var resolved = ThreeWayMerge.Resolve(both, new Dictionary<string, string> { [conflict.Key] = "theirs" });
        Assert.Equal("人社局审核", Activity(resolved, "review")["metadata"]!["displayText"]!.GetValue<string>());
        Assert.Equal(40, Activity(resolved, "review")["metadata"]!["designer"]!["position"]!["x"]!.GetValue<int>());
    }

    [Fact]
    public void Both_changing_the_same_input_is_a_conflict_resolved_by_choice()
    {
        var theirs = Template();
        Activity(theirs, "review")["deadlineDays"] = Literal(10);
        var ours = Template();
        Activity(ours, "review")["deadlineDays"] = Literal(3);

        var result = Merge(Template(), theirs, ours);
        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal("activity:review:deadlineDays", conflict.Key);
        Assert.Equal(3, Activity(result.Merged, "review")["deadlineDays"]!["expression"]!["value"]!.GetValue<int>());

        var resolved = ThreeWayMerge.Resolve(result, new Dictionary<string, string> { [conflict.Key] = "theirs" });
        Assert.Equal(10, Activity(resolved, "review")["deadlineDays"]!["expression"]!["value"]!.GetValue<int>());
    }

    [Fact]
    public void The_template_removing_an_activity_the_clone_changed_is_a_conflict()
    {
        var theirs = Template();
        theirs["root"]!["activities"]!.AsArray().Remove(Activity(theirs, "review"));
        var ours = Template();
        Activity(ours, "review")["assigneeOrg"] = Literal("bazhou/education");
        var conflict = Assert.Single(Merge(Template(), theirs, ours).Conflicts);
        Assert.Equal(("review", "*"), (conflict.Id, conflict.Property));
        Assert.Null(conflict.Theirs);
    }

    [Fact]
    public void Form_fields_merge_and_conflict_per_field()
    {
        var @base = JsonNode.Parse("""{"type":"object","required":["name"],"properties":{"name":{"type":"string","title":"姓名"},"years":{"type":"integer","title":"年限"}}}""")!.AsObject();
        var theirs = @base.DeepClone().AsObject();
        theirs["properties"]!["email"] = JsonNode.Parse("""{"type":"string","title":"邮箱"}""");
        theirs["properties"]!["years"]!["minimum"] = 1;
        var ours = @base.DeepClone().AsObject();
        ours["required"] = JsonNode.Parse("""["name","years"]""");
        ours["properties"]!["years"]!["minimum"] = 3;

        var result = FormMerge.Merge(@base, theirs, ours);
        Assert.Contains("email", result.Merged["properties"]!.AsObject().Select(p => p.Key));
        Assert.Contains(result.Merged["required"]!.AsArray(), r => r!.GetValue<string>() == "years");
        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal("field:years:*", conflict.Key);
    }
}
