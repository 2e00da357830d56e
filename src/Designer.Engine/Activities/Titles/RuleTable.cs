using System.Globalization;
using System.Text.Json.Nodes;
using Designer.Engine.Descriptors;
using Designer.Engine.Model;
using Designer.Engine.Runtime;

namespace Designer.Engine.Activities.Titles;

/// <summary>
/// One row of a decision table. Conditions map a field of the application to a test: a value (equal), a comparison
/// (">= 1", "< 5", "!= x"), alternatives ("master|doctorate") or "-" (any). `When` is an optional extra JavaScript condition.
/// </summary>
[SharedLiteral]
public sealed record RuleRow(Dictionary<string, JsonNode?>? Conditions, string? When, JsonObject? Output, string? Label);

/// <summary>First-hit decision table (e.g. Qiaocheng's initial recognition by education and years).</summary>
[Activity("Titles.RuleTable", "规则表", Category = ActivityCategories.Rules, Ports = ["Matched", "NoMatch"],
    Description = "自上而下匹配第一条命中的规则，把其输出写入变量。")]
public sealed class RuleTable : Activity
{
    [Input("规则", UiHint = UiHints.RuleTable, Required = true, SupportsExpressions = false)]
    public Input<IReadOnlyList<RuleRow>> Rules { get; } = new([]);

    [Input("输出变量", UiHint = UiHints.VariablePicker, SupportsExpressions = false)]
    public Input<string> OutputVariable { get; } = new("ruleResult");

    public override void Execute(ActivityContext context)
    {
        var application = context.State.Application;
        var hit = Rules.LiteralOrDefault().FirstOrDefault(row =>
            (row.Conditions ?? []).All(c => Matches(application[c.Key], c.Value)) &&
            (string.IsNullOrWhiteSpace(row.When) || ValueConverter.IsTruthy(context.RunScript(row.When))));
        context.State.Variables[OutputVariable.LiteralOrDefault()] = hit?.Output?.DeepClone();
        context.Complete(hit is null ? "NoMatch" : "Matched");
    }

    public override IEnumerable<(string Input, string Script)> EmbeddedScripts() =>
        Rules.LiteralOrDefault().Where(r => !string.IsNullOrWhiteSpace(r.When)).Select(r => ("rules", r.When!));

    public static bool Matches(JsonNode? actual, JsonNode? test)
    {
        if (test is not JsonValue testValue || !testValue.TryGetValue<string>(out var text))
            return JsonNode.DeepEquals(actual, test) || (Number(actual) is { } a && Number(test) is { } b && a == b);
        text = text.Trim();
        if (text is "-" or "*" or "") return true;
        if (text.Contains('|')) return text.Split('|').Any(alternative => Matches(actual, JsonValue.Create(alternative.Trim())));
        foreach (var op in new[] { ">=", "<=", "!=", ">", "<", "=" })
        {
            if (!text.StartsWith(op)) continue;
            var operand = text[op.Length..].Trim();
            if (op == "!=") return ValueConverter.ToText(actual) != operand;
            if (op == "=") return ValueConverter.ToText(actual) == operand;
            if (Number(actual) is not { } left || !double.TryParse(operand, NumberStyles.Float, CultureInfo.InvariantCulture, out var right)) return false;
            return op switch { ">=" => left >= right, "<=" => left <= right, ">" => left > right, _ => left < right };
        }
        return ValueConverter.ToText(actual) == text;
    }

    private static double? Number(JsonNode? node) => node switch
    {
        JsonValue v when v.AsNumber() is { } d => d,
        JsonValue v when v.TryGetValue<string>(out var s) && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var p) => p,
        _ => null,
    };
}
