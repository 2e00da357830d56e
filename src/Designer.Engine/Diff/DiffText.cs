using System.Text;
using System.Text.Json.Nodes;
using Designer.Engine.Model;

namespace Designer.Engine.Diff;

/// <summary>A workflow diff as lines an auditor reads: real changes first, layout moves apart at the end.</summary>
public static class DiffText
{
    public static string Render(WorkflowDiff diff)
    {
        var text = new StringBuilder();
        foreach (var change in diff.Definition)
            text.AppendLine($"~ 流程属性 {change.Name}: {Show(change.Old)} → {Show(change.New)}");
        foreach (var activity in diff.Activities.Where(a => a.Kind != ChangeKinds.Moved))
        {
            var label = $"{activity.Label} ({activity.ActivityId}, {activity.Type})";
            switch (activity.Kind)
            {
                case ChangeKinds.Added: text.AppendLine($"+ 新增活动 {label}"); break;
                case ChangeKinds.Removed: text.AppendLine($"- 删除活动 {label}"); break;
                default:
                    text.AppendLine($"~ 修改活动 {label}");
                    foreach (var property in activity.Properties)
                        text.AppendLine($"    {property.Name}: {Show(property.Old)} → {Show(property.New)}");
                    break;
            }
        }
        foreach (var connection in diff.Connections)
        {
            var source = $"{connection.Source.Activity}.{connection.Source.Port}";
            text.AppendLine(connection.Kind switch
            {
                ChangeKinds.Added => $"+ 新增连线 {source} → {connection.NewTarget!.Activity}",
                ChangeKinds.Removed => $"- 删除连线 {source} → {connection.OldTarget!.Activity}",
                _ => $"~ 改接连线 {source}: {connection.OldTarget!.Activity} → {connection.NewTarget!.Activity}",
            });
        }
        foreach (var variable in diff.Variables)
            text.AppendLine($"{Sign(variable.Kind)} 变量 {variable.Name}: {Show(variable.Old)} → {Show(variable.New)}");
        foreach (var form in diff.Forms.Where(f => f.Kind != ChangeKinds.Changed || f.Fields.Count > 0))
        {
            text.AppendLine($"{Sign(form.Kind)} 表单 {form.FormId}{(form.OldVersion is null ? "" : $" v{form.OldVersion} → v{form.NewVersion}")}");
            foreach (var field in form.Fields)
                text.AppendLine(field.Kind switch
                {
                    ChangeKinds.Renamed => $"    ~ 字段改名 {field.Field} → {field.RenamedTo}",
                    ChangeKinds.Changed => $"    ~ 字段 {field.Field} 的 {field.Aspect}: {Show(field.Old)} → {Show(field.New)}",
                    _ => $"    {Sign(field.Kind)} 字段 {field.Field}",
                });
        }
        var moves = diff.Activities.Where(a => a.Moved).ToList();
        if (moves.Count > 0)
        {
            text.AppendLine($"仅布局变化（不影响流程）: {moves.Count} 个活动移动位置");
            foreach (var move in moves)
                text.AppendLine($"    {move.Label} ({move.ActivityId}): ({move.From?.X}, {move.From?.Y}) → ({move.To?.X}, {move.To?.Y})");
        }
        if (text.Length == 0) text.AppendLine("没有变化 (no changes)");
        return text.ToString();
    }

    private static string Sign(string kind) => kind switch { ChangeKinds.Added => "+", ChangeKinds.Removed => "-", _ => "~" };

    private static string Show(JsonNode? node) => node switch
    {
        null => "（无）",
        JsonObject expression when expression["type"] is not null && expression.ContainsKey("value") && expression.Count == 2 =>
            expression["type"].AsString() == "Literal" ? Compact(expression["value"]) : $"{expression["type"].AsString()}: {Compact(expression["value"])}",
        _ => Compact(node),
    };

    private static string Compact(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : JsonText.Write(node, indented: false);
}
