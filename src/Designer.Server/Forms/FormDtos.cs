using System.Text.Json.Nodes;
using Designer.Engine.Forms;
using Designer.Persistence.Entities;

namespace Designer.Server.Forms;

/// <summary>A form in the list.</summary>
public sealed record FormSummary(
    string FormId, string Title, string Locality, int LatestVersion, int? PublishedVersion, string UpdatedBy, DateTime UpdatedAt);

/// <summary>
/// One version of a form: the stored (editable) schema; for the published version also the resolved one (x-extends
/// merged) that forms render.
/// </summary>
public sealed record FormVersion(
    string FormId, int Version, bool IsPublished, string ConcurrencyToken, string UpdatedBy, DateTime UpdatedAt,
    JsonNode? Schema, JsonNode? UiSchema, JsonObject? ResolvedSchema, JsonObject? ResolvedUiSchema);

/// <summary>One version in a form's version list.</summary>
public sealed record FormVersionSummary(int Version, bool IsPublished, string UpdatedBy, DateTime UpdatedAt);

public static class FormDtos
{
    public static FormSummary Summary(FormRecord f) =>
        new(f.FormId, f.Title, f.Locality, f.LatestVersion, f.PublishedVersion, f.UpdatedBy, f.UpdatedAt);

    public static FormVersion Version(FormVersionRecord v, IFormCatalog? published = null) => new(
        v.FormId, v.Version, v.IsPublished, v.ConcurrencyToken, v.UpdatedBy, v.UpdatedAt,
        JsonNode.Parse(v.SchemaJson), v.UiSchemaJson is null ? new JsonObject() : JsonNode.Parse(v.UiSchemaJson),
        v.IsPublished ? published?.GetSchema(v.FormId) : null,
        v.IsPublished ? published?.GetUiSchema(v.FormId) : null);

    public static FormVersionSummary VersionSummary(FormVersionRecord v) => new(v.Version, v.IsPublished, v.UpdatedBy, v.UpdatedAt);
}
