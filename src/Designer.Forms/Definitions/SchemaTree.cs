using System.Text.Json.Nodes;

namespace Designer.Forms.Definitions;

/// <summary>Navigation over the sub-schemas of a JSON Schema object.</summary>
internal static class SchemaTree
{
    private static readonly string[] SchemaMapKeywords = ["properties", "definitions", "$defs", "patternProperties", "dependentSchemas"];
    private static readonly string[] SchemaListKeywords = ["oneOf", "anyOf", "allOf", "prefixItems"];
    private static readonly string[] SingleSchemaKeywords =
        ["additionalProperties", "additionalItems", "not", "if", "then", "else", "contains", "propertyNames", "unevaluatedProperties", "unevaluatedItems"];

    private const int MaxBranchDepth = 32;

    /// <summary>The direct sub-schemas of a schema, each with its JSON path and the keyword it stands under.</summary>
    public static IEnumerable<(JsonObject Schema, string Path, string Keyword)> Children(JsonObject schema, string path)
    {
        foreach (var keyword in SchemaMapKeywords)
        {
            if (schema[keyword] is not JsonObject map) continue;
            var mapPath = JsonPath.Property(path, keyword);
            foreach (var (name, child) in map)
                if (child is JsonObject childSchema) yield return (childSchema, JsonPath.Property(mapPath, name), keyword);
        }

        foreach (var keyword in SchemaListKeywords)
            foreach (var (child, childPath) in Indexed(schema[keyword], JsonPath.Property(path, keyword)))
                yield return (child, childPath, keyword);

        foreach (var keyword in SingleSchemaKeywords)
            if (schema[keyword] is JsonObject child) yield return (child, JsonPath.Property(path, keyword), keyword);

        switch (schema["items"])
        {
            case JsonObject items:
                yield return (items, JsonPath.Property(path, "items"), "items");
                break;
            case JsonArray tuple:
                foreach (var (child, childPath) in Indexed(tuple, JsonPath.Property(path, "items")))
                    yield return (child, childPath, "items");
                break;
        }
    }

    /// <summary>The schema a local "$ref" ("#/definitions/text") points to, following chains; the schema itself without one.</summary>
    public static JsonObject Resolve(JsonObject root, JsonObject schema)
    {
        var seen = new HashSet<JsonObject>(ReferenceEqualityComparer.Instance);
        while (StringValue(schema, "$ref") is { } reference && seen.Add(schema))
        {
            if (AtPointer(root, reference) is not JsonObject target) break;
            schema = target;
        }
        return schema;
    }

    /// <summary>The node at a local reference "#/a/b" (or "#" for the root); null when it points nowhere or outside.</summary>
    public static JsonNode? AtPointer(JsonObject root, string reference)
    {
        if (!reference.StartsWith('#')) return null;
        JsonNode? node = root;
        foreach (var segment in PointerSegments(Uri.UnescapeDataString(reference[1..])))
        {
            node = node switch
            {
                JsonObject map => map.TryGetPropertyValue(segment, out var child) ? child : null,
                JsonArray list when int.TryParse(segment, out var index) && index >= 0 && index < list.Count => list[index],
                _ => null,
            };
            if (node is null) return null;
        }
        return node;
    }

    /// <summary>The unescaped segments of a JSON pointer: "/a~1b/0" gives "a/b", "0".</summary>
    public static IReadOnlyList<string> PointerSegments(string pointer) =>
        pointer.Length == 0
            ? []
            : pointer[1..].Split('/').Select(s => s.Replace("~1", "/").Replace("~0", "~")).ToList();

    /// <summary>The schema of a field: the object's own "properties", else a conditional or "all of" branch that defines it.</summary>
    public static JsonObject? Property(JsonObject root, JsonObject schema, string name) => Property(root, schema, name, depth: 0);

    private static JsonObject? Property(JsonObject root, JsonObject schema, string name, int depth)
    {
        var resolved = Resolve(root, schema);
        if (resolved["properties"] is JsonObject properties && properties[name] is JsonObject own) return own;
        if (depth > MaxBranchDepth) return null; // a reference cycle through "all of" branches
        return Branches(resolved).Select(branch => Property(root, branch, name, depth + 1)).FirstOrDefault(found => found is not null);
    }

    /// <summary>The schema of the array's element at the index: "items" as one schema, or the tuple's entry.</summary>
    public static JsonObject? Item(JsonObject root, JsonObject schema, int index)
    {
        var resolved = Resolve(root, schema);
        return resolved["items"] switch
        {
            JsonObject items => items,
            JsonArray tuple when index < tuple.Count => tuple[index] as JsonObject,
            _ => resolved["prefixItems"] is JsonArray prefix && index < prefix.Count ? prefix[index] as JsonObject : resolved["additionalItems"] as JsonObject,
        };
    }

    /// <summary>Sub-schemas that may define more fields of the same object: allOf/anyOf/oneOf entries, then and else.</summary>
    public static IEnumerable<JsonObject> Branches(JsonObject schema)
    {
        foreach (var keyword in new[] { "allOf", "anyOf", "oneOf" })
            if (schema[keyword] is JsonArray list)
                foreach (var branch in list.OfType<JsonObject>()) yield return branch;
        foreach (var keyword in new[] { "then", "else" })
            if (schema[keyword] is JsonObject branch) yield return branch;
    }

    /// <summary>The conditions of a schema: its own if/then/else and those of its allOf entries.</summary>
    public static IEnumerable<JsonObject> Conditionals(JsonObject schema)
    {
        if (schema["if"] is JsonObject) yield return schema;
        if (schema["allOf"] is JsonArray parts)
            foreach (var part in parts.OfType<JsonObject>())
                foreach (var conditional in Conditionals(part)) yield return conditional;
    }

    /// <summary>
    /// Every field name of an object schema: its properties and those of its then/else branches, allOf entries and
    /// dependencies (with their oneOf), as the Studio's form renderer collects them.
    /// </summary>
    public static IReadOnlyList<string> FieldNames(JsonObject schema)
    {
        var names = new List<string>();
        AddFieldNames(schema, names, depth: 0);
        return names;
    }

    private static void AddFieldNames(JsonObject schema, List<string> names, int depth)
    {
        if (depth > MaxBranchDepth) return;
        if (schema["properties"] is JsonObject properties)
            names.AddRange(properties.Select(p => p.Key).Where(name => !names.Contains(name)));
        foreach (var keyword in new[] { "then", "else" })
            if (schema[keyword] is JsonObject branch) AddFieldNames(branch, names, depth + 1);
        foreach (var part in (schema["allOf"] as JsonArray ?? []).OfType<JsonObject>())
            AddFieldNames(part, names, depth + 1);
        foreach (var (_, dependency) in schema["dependencies"] as JsonObject ?? [])
        {
            if (dependency is not JsonObject dependent) continue;
            foreach (var branch in dependent["oneOf"] is JsonArray oneOf ? oneOf.OfType<JsonObject>() : [dependent])
                AddFieldNames(branch, names, depth + 1);
        }
    }

    public static IReadOnlyList<string> RequiredNames(JsonObject schema) =>
        schema["required"] is JsonArray required
            ? required.OfType<JsonValue>().Select(v => v.TryGetValue(out string? s) ? s : null).OfType<string>().ToList()
            : [];

    /// <summary>The declared type, or the first non-null one of a type list; inferred from the keywords when absent.</summary>
    public static string? MainType(JsonObject schema)
    {
        switch (schema["type"])
        {
            case JsonValue single when single.TryGetValue(out string? type):
                return type;
            case JsonArray list:
                var types = list.OfType<JsonValue>().Select(v => v.TryGetValue(out string? t) ? t : null).OfType<string>().ToList();
                return types.FirstOrDefault(t => t != "null") ?? types.FirstOrDefault();
        }
        if (schema["properties"] is not null) return "object";
        if (schema["items"] is not null) return "array";
        return null;
    }

    public static string? StringValue(JsonObject schema, string keyword) =>
        schema[keyword] is JsonValue value && value.TryGetValue(out string? text) ? text : null;

    public static decimal? NumberValue(JsonObject schema, string keyword) =>
        schema[keyword] is JsonValue value && value.TryGetValue(out decimal number) ? number : null;

    private static IEnumerable<(JsonObject, string)> Indexed(JsonNode? node, string path)
    {
        if (node is not JsonArray list) yield break;
        for (var i = 0; i < list.Count; i++)
            if (list[i] is JsonObject child) yield return (child, JsonPath.Index(path, i));
    }
}
