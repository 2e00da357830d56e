using System.Text.Json.Nodes;
using Designer.Persistence.Entities;

namespace Designer.Server.Workflows;

public sealed record SaveDraftRequest(JsonObject? Definition, int BaseVersion, string? ConcurrencyToken);
public sealed record PublishRequest(int? Version);
public sealed record CloneRequest(string? Locality, string? DefinitionId, string? Name);

public static class WorkflowDtos
{
    public static string StatusOf(WorkflowDefinitionRecord record) =>
        record.PublishedVersion is not null ? "published" : record.EverPublished ? "retracted" : "draft";

    public static object Summary(WorkflowDefinitionRecord record) => Summary(record, false);

    /// <summary>upstreamChanged: a clone whose template has published a newer version since (see Audit/Upstream).</summary>
    public static object Summary(WorkflowDefinitionRecord record, bool upstreamChanged) => new
    {
        definitionId = record.DefinitionId,
        name = record.Name,
        locality = record.Locality,
        latestVersion = record.LatestVersion,
        publishedVersion = record.PublishedVersion,
        status = StatusOf(record),
        updatedBy = record.UpdatedBy,
        updatedAt = record.UpdatedAt,
        clonedFrom = record.ClonedFrom is null ? null : JsonNode.Parse(record.ClonedFrom),
        upstreamChanged,
    };

    public static object VersionSummary(WorkflowVersionRecord version) => new
    {
        version = version.Version,
        isLatest = version.IsLatest,
        isPublished = version.IsPublished,
        wasPublished = version.Frozen,
        createdBy = version.CreatedBy,
        createdAt = version.CreatedAt,
        updatedBy = version.UpdatedBy,
        updatedAt = version.UpdatedAt,
    };

    public static object Version(WorkflowVersionRecord version) => new
    {
        definitionId = version.DefinitionId,
        version = version.Version,
        isLatest = version.IsLatest,
        isPublished = version.IsPublished,
        wasPublished = version.Frozen,
        concurrencyToken = version.ConcurrencyToken,
        etag = version.ConcurrencyToken,
        createdBy = version.CreatedBy,
        createdAt = version.CreatedAt,
        updatedBy = version.UpdatedBy,
        updatedAt = version.UpdatedAt,
        formPins = version.FormPins is null ? null : JsonNode.Parse(version.FormPins),
        definition = ElsaJson(version),
    };

    /// <summary>The stored JSON with the version flags as they stand now (Elsa's isLatest / isPublished).</summary>
    public static JsonObject ElsaJson(WorkflowVersionRecord version)
    {
        var json = JsonNode.Parse(version.Json)!.AsObject();
        json["definitionId"] = version.DefinitionId;
        json["version"] = version.Version;
        json["isLatest"] = version.IsLatest;
        json["isPublished"] = version.IsPublished;
        return json;
    }
}
