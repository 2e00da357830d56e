using System.Text;
using System.Text.Json.Nodes;
using Designer.Forms.Definitions;

namespace Designer.Forms.Validation;

/// <summary>
/// A place in form data, as a list of property names and array indexes, with the schema and the Chinese label
/// ("“申报材料附件”第 1 项的“文件名”") that belong to it.
/// </summary>
internal sealed class DataLocation
{
    private readonly IReadOnlyList<object> segments;

    private DataLocation(IReadOnlyList<object> segments) => this.segments = segments;

    public static DataLocation Root { get; } = new([]);

    /// <summary>Parses NJsonSchema's error paths: "#/name", "#/evidence[0].fileName", "#/".</summary>
    public static DataLocation FromValidatorPath(string? path)
    {
        var text = (path ?? "").TrimStart('#').TrimStart('/');
        var segments = new List<object>();
        var name = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '[' && text.IndexOf(']', i) is var close and > 0 && int.TryParse(text[(i + 1)..close], out var index))
            {
                Flush(name, segments);
                segments.Add(index);
                i = close;
            }
            else if (c == '.') Flush(name, segments);
            else name.Append(c);
        }
        Flush(name, segments);
        return new DataLocation(segments);
    }

    public string? LastPropertyName => segments.Count > 0 ? segments[^1] as string : null;

    public string Path => segments.Aggregate(JsonPath.Root, (path, segment) => segment is int index
        ? JsonPath.Index(path, index)
        : JsonPath.Property(path, (string)segment));

    /// <summary>The schema describing the value at this location, or null when the schema does not define it.</summary>
    public JsonObject? SchemaIn(JsonObject root)
    {
        JsonObject? schema = root;
        foreach (var segment in segments)
        {
            if (schema is null) return null;
            schema = segment is int index ? SchemaTree.Item(schema, index) : SchemaTree.Property(schema, (string)segment);
        }
        return schema;
    }

    /// <summary>
    /// The field's title in Chinese quotes, preceded by the fields and list items it sits in:
    /// "“申报材料附件”第 1 项的“文件名”", "“个人现实表现”的“政治表现”".
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
                schema = schema is null ? null : SchemaTree.Item(schema, index);
                continue;
            }
            var name = (string)segment;
            schema = schema is null ? null : SchemaTree.Property(schema, name);
            var title = schema is null ? name : SchemaTree.StringValue(schema, "title") ?? name;
            label += label.Length > 0 ? $"的“{title}”" : $"“{title}”";
        }
        return label.Length > 0 ? label : "表单";
    }

    private static void Flush(StringBuilder name, List<object> segments)
    {
        if (name.Length == 0) return;
        segments.Add(name.ToString());
        name.Clear();
    }
}
