using System.Text.Json.Nodes;

namespace Designer.Forms.Definitions;

/// <summary>
/// Merges an extending form's schema onto its base: properties and definitions are merged by name (recursively),
/// "required" lists are unioned, and for every other keyword the extending form's value wins.
/// </summary>
internal static class SchemaMerger
{
    public static JsonObject Merge(JsonObject baseSchema, JsonObject ownSchema)
    {
        var merged = (JsonObject)baseSchema.DeepClone();
        foreach (var (keyword, ownValue) in ownSchema)
        {
            if (keyword == ParsedForm.ExtendsKeyword) continue;
            merged[keyword] = MergeKeyword(keyword, merged[keyword], ownValue);
        }
        merged.Remove(ParsedForm.ExtendsKeyword);
        return merged;
    }

    private static JsonNode? MergeKeyword(string keyword, JsonNode? baseValue, JsonNode? ownValue) =>
        (keyword, baseValue, ownValue) switch
        {
            ("required", JsonArray baseList, JsonArray ownList) => Union(baseList, ownList),
            ("properties" or "definitions", JsonObject baseMap, JsonObject ownMap) => MergeByName(baseMap, ownMap),
            ("items", JsonObject baseItems, JsonObject ownItems) => Merge(baseItems, ownItems),
            _ => ownValue?.DeepClone(),
        };

    private static JsonObject MergeByName(JsonObject baseMap, JsonObject ownMap)
    {
        var merged = (JsonObject)baseMap.DeepClone();
        foreach (var (name, ownSchema) in ownMap)
            merged[name] = merged[name] is JsonObject baseSchema && ownSchema is JsonObject own
                ? Merge(baseSchema, own)
                : ownSchema?.DeepClone();
        return merged;
    }

    private static JsonArray Union(JsonArray baseList, JsonArray ownList)
    {
        var merged = (JsonArray)baseList.DeepClone();
        foreach (var item in ownList)
            if (!merged.Any(existing => JsonNode.DeepEquals(existing, item)))
                merged.Add(item?.DeepClone());
        return merged;
    }
}
