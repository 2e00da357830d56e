using System.Text.Json.Nodes;

namespace Designer.Forms.Definitions;

/// <summary>
/// Merges an extending form's UI schema onto its base: per-field options are merged, the extending form's values win,
/// and "ui:order" lists are combined (see <see cref="MergeOrder"/>).
/// </summary>
internal static class UiSchemaMerger
{
    public const string OrderKey = "ui:order";
    public const string RestOfFields = "*";

    public static JsonObject Merge(JsonObject baseUi, JsonObject ownUi)
    {
        var merged = (JsonObject)baseUi.DeepClone();
        foreach (var (key, ownValue) in ownUi)
        {
            merged[key] = (key, merged[key], ownValue) switch
            {
                (OrderKey, JsonArray baseOrder, JsonArray ownOrder) => MergeOrder(baseOrder, ownOrder),
                (_, JsonObject baseObject, JsonObject ownObject) => Merge(baseObject, ownObject),
                _ => ownValue?.DeepClone(),
            };
        }
        return merged;
    }

    /// <summary>
    /// Keeps the base order and inserts the extending form's new fields. A field of the extending order that the base
    /// already lists acts as an anchor: the new fields after it are placed right after it in the base order. New fields
    /// before any anchor go where "*" stands, or at the end.
    /// </summary>
    public static JsonArray MergeOrder(JsonArray baseOrder, JsonArray ownOrder)
    {
        var order = Names(baseOrder);
        var insertAt = order.IndexOf(RestOfFields) is var rest and >= 0 ? rest : order.Count;
        foreach (var name in Names(ownOrder))
        {
            var existing = order.IndexOf(name);
            if (existing >= 0)
            {
                insertAt = existing + 1;
                continue;
            }
            order.Insert(insertAt++, name);
        }
        return new JsonArray(order.Select(name => (JsonNode?)JsonValue.Create(name)).ToArray());
    }

    private static List<string> Names(JsonArray order) =>
        order.OfType<JsonValue>().Select(v => v.TryGetValue(out string? s) ? s : null).OfType<string>().ToList();
}
