using System.Text.Json.Nodes;

namespace Designer.Server.Public;

/// <summary>Keeps only the fields a form's schema declares (properties, recursively; array items by their schema).</summary>
public static class FormFields
{
    public static JsonObject Keep(JsonObject schema, JsonObject data) => (JsonObject)Keep(schema, (JsonNode)data)!;

    private static JsonNode? Keep(JsonObject schema, JsonNode? data)
    {
        switch (data)
        {
            case JsonObject fields:
                var declared = Declared(schema);
                // A free-form object (no properties declared) is kept as given; the body's size bound still holds.
                if (declared.Count == 0 && schema["properties"] is null) return fields.DeepClone();
                var kept = new JsonObject();
                foreach (var (name, value) in fields)
                    if (declared.TryGetValue(name, out var fieldSchema)) kept[name] = Keep(fieldSchema, value);
                return kept;
            case JsonArray items when schema["items"] is JsonObject itemSchema:
                return new JsonArray([.. items.Select(item => Keep(itemSchema, item))]);
            default:
                return data?.DeepClone();
        }
    }

    /// <summary>Property name → its schema, from `properties` and the branches of allOf / anyOf / oneOf / then / else.</summary>
    private static Dictionary<string, JsonObject> Declared(JsonObject schema)
    {
        var declared = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        void Collect(JsonObject? node)
        {
            if (node is null) return;
            if (node["properties"] is JsonObject properties)
                foreach (var (name, property) in properties)
                    declared.TryAdd(name, property as JsonObject ?? new JsonObject());
            foreach (var keyword in new[] { "allOf", "anyOf", "oneOf" })
                if (node[keyword] is JsonArray branches)
                    foreach (var branch in branches) Collect(branch as JsonObject);
            Collect(node["then"] as JsonObject);
            Collect(node["else"] as JsonObject);
        }
        Collect(schema);
        return declared;
    }
}
