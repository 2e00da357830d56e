using System.Text.Json.Nodes;
using Designer.Engine.Descriptors;
using Designer.Engine.Model;
using Designer.Engine.Runtime;

namespace Designer.Engine.Activities.Flow;

[Activity("Elsa.SetVariable", "设置变量", Category = ActivityCategories.Primitives, Description = "给流程变量赋值。")]
public sealed class SetVariable : Activity
{
    /// <summary>Elsa writes a variable reference object ({id, name, ...}); a plain name is accepted too.</summary>
    [Input("变量", UiHint = UiHints.VariablePicker, Required = true, SupportsExpressions = false)]
    public Input<JsonNode?> Variable { get; } = new(null);

    [Input("值", UiHint = UiHints.Code)]
    public Input<JsonNode?> Value { get; } = new(null);

    public override void Execute(ActivityContext context)
    {
        var name = VariableName() ?? throw new ActivityFaultException("未指定变量 (no variable given)");
        context.State.Variables[name] = context.Get(Value);
        context.Complete("Done");
    }

    public string? VariableName()
    {
        var reference = Variable.Expression?.Value;
        var name = reference is JsonObject obj ? obj["name"].AsString() ?? obj["id"].AsString() : reference.AsString();
        return string.IsNullOrWhiteSpace(name) ? null : name;
    }

    public override IEnumerable<string> CheckConfiguration()
    {
        if (VariableName() is null) yield return "缺少必填输入 “变量” (missing required input 'variable')";
    }
}
