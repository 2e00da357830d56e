using System.Text.Json.Nodes;

namespace Designer.Engine.Model;

/// <summary>
/// One activity as it stands in the definition JSON. The JSON object is kept whole, so properties this
/// engine does not understand survive a round trip.
/// </summary>
public class ActivityNode(JsonObject json)
{
    private ReadText? _id, _type;

    public JsonObject Json { get; } = json;
    public string Id => Read("id", ref _id);
    public string Type => Read("type", ref _type);
    public string? Name => Json["name"].AsString();
    public JsonObject? CustomProperties => Json["customProperties"] as JsonObject;
    public JsonObject? Metadata => Json["metadata"] as JsonObject;

    /// <summary>The flowchart this activity belongs to; null for the root.</summary>
    public FlowchartNode? Parent { get; internal set; }

    /// <summary>Human-readable label: displayText, then name, then id.</summary>
    public string Label => Metadata?["displayText"].AsString() is { Length: > 0 } text ? text : Name ?? Id;

    public string? GetCustomProperty(string name) => CustomProperties?[name].AsString();

    public override string ToString() => $"{Type} '{Id}'";

    // The id and type are read at every step: their text is kept for as long as the JSON holds the same value (one
    // reference, so that threads sharing a definition read a whole pair).
    private string Read(string property, ref ReadText? known)
    {
        var node = Json[property];
        if (node is null) return "";
        if (known is not { } read || !ReferenceEquals(read.Node, node)) known = read = new ReadText(node, node.AsString() ?? "");
        return read.Text;
    }

    private sealed record ReadText(JsonNode Node, string Text);
}
