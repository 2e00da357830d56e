using System.Text.Json;
using System.Text.Json.Nodes;
using Designer.Forms.Definitions;
using Json.Schema;

namespace Designer.Forms.Validation;

/// <summary>Whether a piece of data satisfies a sub-schema of a form, such as the "if" of a condition.</summary>
internal static class SchemaCondition
{
    private static readonly EvaluationOptions FlagOnly = new() { OutputFormat = OutputFormat.Flag, RequireFormatValidation = true };

    /// <param name="root">The form schema the sub-schema belongs to: its definitions and dialect apply.</param>
    public static bool Holds(JsonObject root, JsonObject subschema, JsonNode? data)
    {
        var standalone = (JsonObject)subschema.DeepClone();
        foreach (var keyword in new[] { "definitions", "$defs" })
            if (root[keyword] is { } definitions && !standalone.ContainsKey(keyword)) standalone[keyword] = definitions.DeepClone();
        standalone["$schema"] = Dialects.Is202012(SchemaTree.StringValue(root, "$schema")) ? Dialects.Draft202012 : Dialects.Draft07;
        var compiled = FormValidator.Compile(standalone);
        return compiled.Evaluate(JsonSerializer.SerializeToElement(data), FlagOnly).IsValid;
    }
}
