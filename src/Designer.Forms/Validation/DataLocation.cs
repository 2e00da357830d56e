using System.Text.Json.Nodes;
using Designer.Forms.Definitions;

namespace Designer.Forms.Validation;

/// <summary>
/// A place in form data, as a list of property names and array indexes, with the Chinese label
/// ("“申报材料附件”第 1 项的“文件名”") that belongs to it.
/// </summary>
internal sealed class DataLocation
{
    private readonly IReadOnlyList<object> segments;

    private DataLocation(IReadOnlyList<object> segments) => this.segments = segments;

    public static DataLocation Root { get; } = new([]);

    /// <summary>
    /// Reads a validator's instance location ("/evidence/0/fileName"), walking the data to tell array indexes from
    /// property names that happen to be digits.
    /// </summary>
    public static DataLocation FromPointer(string pointer, JsonNode? data)
    {
        var segments = new List<object>();
        var node = data;
        foreach (var segment in SchemaTree.PointerSegments(pointer))
        {
            if (node is JsonArray list && int.TryParse(segment, out var index))
            {
                segments.Add(index);
                node = index >= 0 && index < list.Count ? list[index] : null;
            }
            else
            {
                segments.Add(segment);
                node = node is JsonObject map ? map[segment] : null;
            }
        }
        return new DataLocation(segments);
    }

    public DataLocation Child(string name) => new([.. segments, name]);

    public string? LastPropertyName => segments.Count > 0 ? segments[^1] as string : null;

    public string Path => segments.Aggregate(JsonPath.Root, (path, segment) => segment is int index
        ? JsonPath.Index(path, index)
        : JsonPath.Property(path, (string)segment));

    /// <summary>The value at this location in the data, or null when there is none.</summary>
    public JsonNode? ValueIn(JsonNode? data)
    {
        var node = data;
        foreach (var segment in segments)
        {
            node = (segment, node) switch
            {
                (int index, JsonArray list) when index < list.Count => list[index],
                (string name, JsonObject map) => map[name],
                _ => null,
            };
        }
        return node;
    }

    /// <summary>
    /// The field's title in Chinese quotes, preceded by the fields and list items it sits in:
    /// "“申报材料附件”第 1 项的“文件名”", "“个人现实表现”的“政治表现”". Fields defined under a condition (then/else)
    /// or behind a "$ref" are found too.
    /// </summary>
    public string Label(JsonObject root)
    {
        JsonObject? schema = root;
        var label = "";
        foreach (var segment in segments)
        {
            if (segment is int index)
            {
                label += $"第 {index + 1} 项";
                schema = schema is null ? null : SchemaTree.Item(root, schema, index);
                continue;
            }
            var name = (string)segment;
            schema = schema is null ? null : SchemaTree.Property(root, schema, name);
            var title = schema is null ? name : SchemaTree.StringValue(schema, "title") ?? SchemaTree.StringValue(SchemaTree.Resolve(root, schema), "title") ?? name;
            label += label.Length > 0 ? $"的“{title}”" : $"“{title}”";
        }
        return label.Length > 0 ? label : "表单";
    }
}
