using System.Text.Json.Nodes;
using Designer.Engine.Forms;

namespace Designer.Forms.Definitions;

/// <summary>
/// Checks a UI schema against its form: "ui:order" must name existing fields only, once each, and cover every field
/// unless it contains "*" (a form renderer refuses an order that misses fields). Fields shown under a condition
/// (then/else) are fields too.
/// </summary>
internal static class UiDefinitionChecker
{
    public static IReadOnlyList<FieldError> Check(JsonObject schema, JsonObject ui)
    {
        var fields = SchemaTree.FieldNames(schema).ToHashSet();
        var problems = new List<FieldError>();

        foreach (var key in ui.Select(p => p.Key).Where(key => !key.StartsWith("ui:") && !fields.Contains(key)))
            problems.Add(new(JsonPath.Property(JsonPath.UiRoot, key), $"界面定义中的“{key}”不是表单字段"));

        if (ui[UiSchemaMerger.OrderKey] is JsonArray order)
            CheckOrder(order, fields, problems);
        return problems;
    }

    private static void CheckOrder(JsonArray order, HashSet<string> fields, List<FieldError> problems)
    {
        var orderPath = JsonPath.Property(JsonPath.UiRoot, UiSchemaMerger.OrderKey);
        var seen = new HashSet<string>();
        for (var i = 0; i < order.Count; i++)
        {
            var name = order[i] is JsonValue v && v.TryGetValue(out string? s) ? s : null;
            var entryPath = JsonPath.Index(orderPath, i);
            if (name is null || (name != UiSchemaMerger.RestOfFields && !fields.Contains(name)))
                problems.Add(new(entryPath, $"排序中的“{name ?? order[i]?.ToJsonString()}”不是表单字段"));
            else if (!seen.Add(name))
                problems.Add(new(entryPath, $"排序中的“{name}”重复出现"));
        }
        if (seen.Contains(UiSchemaMerger.RestOfFields)) return;
        foreach (var missing in fields.Where(field => !seen.Contains(field)))
            problems.Add(new(orderPath, $"排序中缺少字段“{missing}”（或加入 \"*\" 代表其余字段）"));
    }
}
