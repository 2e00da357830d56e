using System.Text.Json.Nodes;
using Designer.Engine.Descriptors;
using Designer.Engine.Expressions;
using Designer.Engine.Runtime;

namespace Designer.Engine.Activities.Flow;

[SharedLiteral]
public sealed record SwitchCase(string Label, SwitchCondition? Condition);

[SharedLiteral]
public sealed record SwitchCondition(string Type, JsonNode? Value)
{
    public ExpressionModel ToExpression() => new(Type, Value);
}

[Activity("Elsa.FlowSwitch", "多路分支", Category = ActivityCategories.Flow, Ports = ["Default"], PortsFromInput = "cases",
    Description = "按条件选择分支：每个条件一个出口，都不满足时走“默认”。")]
public sealed class FlowSwitch : Activity
{
    [Input("分支条件", UiHint = UiHints.SwitchCases, SupportsExpressions = false)]
    public Input<IReadOnlyList<SwitchCase>> Cases { get; } = new([]);

    [Input("匹配方式", UiHint = UiHints.Dropdown, Options = ["MatchFirst", "MatchAny"])]
    public Input<string> Mode { get; } = new("MatchFirst");

    public override void Execute(ActivityContext context)
    {
        var matchAny = context.Get(Mode) == "MatchAny";
        var matched = new List<string>();
        foreach (var @case in Cases.LiteralOrDefault())
        {
            if (@case.Condition is null || !ValueConverter.IsTruthy(context.EvaluateJson(@case.Condition.ToExpression()))) continue;
            matched.Add(@case.Label);
            if (!matchAny) break;
        }
        context.Complete(matched.Count > 0 ? [.. matched] : ["Default"]);
    }

    public override IEnumerable<(string Input, string Script)> EmbeddedScripts() =>
        Cases.LiteralOrDefault().Where(c => c.Condition?.Type == Expressions.ExpressionTypes.JavaScript)
            .Select(c => ("cases", Model.JsonText.AsString(c.Condition!.Value) ?? ""));

    public override IEnumerable<string> CheckConfiguration()
    {
        foreach (var @case in Cases.LiteralOrDefault())
        {
            if (string.IsNullOrWhiteSpace(@case.Label)) yield return "分支缺少名称 (a case has no label)";
            else if (@case.Condition is null) yield return $"分支 “{@case.Label}” 缺少条件 (case '{@case.Label}' has no condition)";
        }
    }

    public override IReadOnlyList<string> GetPorts() => [.. Cases.LiteralOrDefault().Select(c => c.Label), "Default"];
}
