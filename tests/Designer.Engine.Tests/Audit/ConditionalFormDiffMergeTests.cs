using System.Text.Json.Nodes;
using Designer.Engine.Diff;
using Designer.Engine.Merge;
using Designer.Engine.Model;

namespace Designer.Engine.Tests.Audit;

/// <summary>Fields shown under a condition (allOf:[{if,then,else}], as the Studio writes them) in the form diff and the three-way merge.</summary>
public class ConditionalFormDiffMergeTests
{
    private static JsonObject Schema(string json) => JsonNode.Parse(json)!.AsObject();

    private const string Base = """
        {"type":"object","required":["name","employmentType"],"properties":{
          "name":{"type":"string","title":"姓名"},
          "employmentType":{"type":"string","title":"人员类别","enum":["public-institution","enterprise"]},
          "unit":{"type":"string","title":"工作单位"}},
         "allOf":[{"if":{"properties":{"employmentType":{"const":"enterprise"}},"required":["employmentType"]},
                   "then":{"required":["creditCode"],"properties":{"creditCode":{"type":"string","title":"统一社会信用代码","minLength":18}}},
                   "else":{"properties":{"fundingSource":{"type":"string","title":"经费来源"}}}}]}
        """;

    private static JsonObject Then(JsonObject schema) => schema["allOf"]![0]!["then"]!.AsObject();
    private static JsonObject Else(JsonObject schema) => schema["allOf"]![0]!["else"]!.AsObject();

    [Fact]
    public void A_field_added_under_then_shows_in_the_diff_with_its_condition()
    {
        var after = Schema(Base);
        Then(after)["properties"]!["legalPerson"] = JsonNode.Parse("""{"type":"string","title":"法定代表人"}""");

        var change = Assert.Single(FormDiffer.Compare("apply", Schema(Base), after).Fields);

        Assert.Equal(("legalPerson", ChangeKinds.Added), (change.Field, change.Kind));
        Assert.Equal("then", change.New!["condition"]!["branch"]!.GetValue<string>());
        Assert.Equal("enterprise", change.New["condition"]!["if"]!["properties"]!["employmentType"]!["const"]!.GetValue<string>());
    }

    [Fact]
    public void Changes_to_conditional_fields_their_conditions_and_conditional_requirements_show_in_the_diff()
    {
        var after = Schema(Base);
        Then(after)["properties"]!["creditCode"]!["minLength"] = 15;
        Then(after)["required"]!.AsArray().Add("unit");
        Else(after)["properties"]!.AsObject().Remove("fundingSource");

        var diff = FormDiffer.Compare("apply", Schema(Base), after);

        Assert.Contains(diff.Fields, f => f.Field == "creditCode" && f.Aspect == "minLength" && f.New!.GetValue<int>() == 15);
        Assert.Contains(diff.Fields, f => f.Field == "unit" && f.Aspect == "requiredWhen" && f.Old is null && f.New is JsonArray { Count: 1 });
        Assert.Contains(diff.Fields, f => f.Field == "fundingSource" && f.Kind == ChangeKinds.Removed);
        Assert.Equal(3, diff.Fields.Count);
    }

    [Fact]
    public void A_field_moved_under_another_condition_changes_its_condition()
    {
        var after = Schema(Base);
        after["allOf"]![0]!["if"]!["properties"]!["employmentType"]!["const"] = "public-institution";

        var diff = FormDiffer.Compare("apply", Schema(Base), after);

        Assert.Contains(diff.Fields, f => f.Field == "creditCode" && f.Aspect == "condition");
        Assert.Contains(diff.Fields, f => f.Field == "fundingSource" && f.Aspect == "condition");
    }

    [Fact]
    public void The_same_conditional_schema_has_no_field_changes() =>
        Assert.Empty(FormDiffer.Compare("apply", Schema(Base), Schema(Base)).Fields);

    [Fact]
    public void Fields_under_then_and_else_merge_field_by_field()
    {
        var theirs = Schema(Base);
        Then(theirs)["properties"]!["legalPerson"] = JsonNode.Parse("""{"type":"string","title":"法定代表人"}""");
        Then(theirs)["required"]!.AsArray().Add("legalPerson");
        Else(theirs)["properties"]!["fundingSource"]!["maxLength"] = 20;
        var ours = Schema(Base);
        Then(ours)["properties"]!["creditCode"]!["minLength"] = 15;
        Else(ours)["properties"]!["budgetCode"] = JsonNode.Parse("""{"type":"string","title":"预算代码"}""");

        var result = FormMerge.Merge(Schema(Base), theirs, ours);

        Assert.True(result.IsClean);
        var then = Then(result.Merged);
        Assert.Equal(15, then["properties"]!["creditCode"]!["minLength"]!.GetValue<int>());
        Assert.NotNull(then["properties"]!["legalPerson"]);
        Assert.Equal(["creditCode", "legalPerson"], then["required"]!.AsArray().Select(r => r!.GetValue<string>()));
        var @else = Else(result.Merged);
        Assert.Equal(20, @else["properties"]!["fundingSource"]!["maxLength"]!.GetValue<int>());
        Assert.NotNull(@else["properties"]!["budgetCode"]);
        Assert.Single(result.Merged["allOf"]!.AsArray());
    }

    [Fact]
    public void A_conditional_field_both_sides_changed_is_a_field_conflict_and_theirs_can_be_chosen()
    {
        var theirs = Schema(Base);
        Then(theirs)["properties"]!["creditCode"]!["minLength"] = 15;
        var ours = Schema(Base);
        Then(ours)["properties"]!["creditCode"]!["minLength"] = 20;

        var result = FormMerge.Merge(Schema(Base), theirs, ours);

        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal("field:creditCode:*", conflict.Key);
        Assert.Equal(20, Then(result.Merged)["properties"]!["creditCode"]!["minLength"]!.GetValue<int>());
        var resolved = FormMerge.Resolve(result, theirs, _ => true);
        Assert.Equal(15, Then(resolved)["properties"]!["creditCode"]!["minLength"]!.GetValue<int>());
    }

    [Fact]
    public void A_condition_the_template_adds_comes_across_whole_and_ours_stay()
    {
        var theirs = Schema(Base);
        theirs["allOf"]!.AsArray().Add(JsonNode.Parse("""
            {"if":{"properties":{"employmentType":{"const":"public-institution"}},"required":["employmentType"]},
             "then":{"required":["postLevel"],"properties":{"postLevel":{"type":"string","title":"岗位等级"}}}}
            """));
        var ours = Schema(Base);
        ours["properties"]!["phone"] = JsonNode.Parse("""{"type":"string","title":"电话"}""");

        var result = FormMerge.Merge(Schema(Base), theirs, ours);

        Assert.True(result.IsClean);
        Assert.Equal(2, result.Merged["allOf"]!.AsArray().Count);
        Assert.NotNull(result.Merged["properties"]!["phone"]);
        Assert.Equal("postLevel", result.Merged["allOf"]![1]!["then"]!["required"]![0]!.GetValue<string>());
    }

    [Fact]
    public void A_condition_the_template_rewrites_replaces_the_old_one_when_ours_left_it_alone()
    {
        var theirs = Schema(Base);
        theirs["allOf"]![0]!["if"]!["properties"]!["employmentType"]!["const"] = "public-institution";
        var ours = Schema(Base);

        var result = FormMerge.Merge(Schema(Base), theirs, ours);

        Assert.True(result.IsClean);
        Assert.True(JsonNode.DeepEquals(theirs["allOf"], result.Merged["allOf"]));
    }
}
