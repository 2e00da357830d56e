using System.Text.Json.Nodes;
using Designer.Forms.Definitions;

namespace Designer.Forms.Validation;

/// <summary>What the validator is given: the form schema with its dialect named the way the validator knows it.</summary>
internal static class ValidationSchema
{
    /// <summary>
    /// A copy of the schema whose "$schema" is draft-07 or 2020-12, spelled as the validator registers them. A form
    /// without "$schema", or with another one, is validated as draft-07 (CheckDefinition reports the declaration).
    /// </summary>
    public static JsonObject ForValidator(JsonObject schema)
    {
        var copy = (JsonObject)schema.DeepClone();
        copy["$schema"] = Dialects.Is202012(SchemaTree.StringValue(schema, "$schema")) ? Dialects.Draft202012 : Dialects.Draft07;
        return copy;
    }

    /// <summary>Every "$ref" that points outside the schema itself (anything but "#...").</summary>
    public static IEnumerable<string> ExternalReferences(JsonNode? node) => node switch
    {
        JsonObject schema => schema.SelectMany(p =>
            p.Key == "$ref" && p.Value is JsonValue v && v.TryGetValue(out string? target) && !target.StartsWith('#')
                ? [target]
                : ExternalReferences(p.Value)),
        JsonArray list => list.SelectMany(ExternalReferences),
        _ => [],
    };

    /// <summary>
    /// The sub-schema at a validator's evaluation path ("/properties/name/$ref", "/allOf/0/then"): the path's segments
    /// are keys of the schema, except "$ref", which follows the reference. Null when the path leaves the schema.
    /// </summary>
    public static JsonObject? At(JsonObject root, string evaluationPath)
    {
        JsonNode? node = root;
        foreach (var segment in SchemaTree.PointerSegments(evaluationPath))
        {
            node = (segment, node) switch
            {
                ("$ref", JsonObject schema) when SchemaTree.StringValue(schema, "$ref") is { } reference => SchemaTree.AtPointer(root, reference),
                (_, JsonObject schema) => schema[segment],
                (_, JsonArray list) when int.TryParse(segment, out var index) && index >= 0 && index < list.Count => list[index],
                _ => null,
            };
            if (node is null) return null;
        }
        return node as JsonObject;
    }
}
