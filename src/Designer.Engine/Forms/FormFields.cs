using System.Text.Json.Nodes;

namespace Designer.Engine.Forms;

/// <summary>Where a field sits in a form's schema.</summary>
public static class FormFields
{
    /// <summary>
    /// The schema of the field at <paramref name="segments"/> (field names through `properties`, a list index through
    /// `items`), or null when the form has no such field. The node returned belongs to <paramref name="formSchema"/>.
    /// </summary>
    public static JsonObject? SchemaAt(JsonObject? formSchema, IReadOnlyList<string> segments)
    {
        var site = formSchema;
        foreach (var segment in segments)
            site = site?["properties"]?[segment] as JsonObject ?? (int.TryParse(segment, out _) ? site?["items"] as JsonObject : null);
        return site;
    }
}
