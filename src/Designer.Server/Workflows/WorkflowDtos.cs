using System.Text.Json.Nodes;
using Designer.Persistence.Entities;
using Designer.Server.Hosting;

namespace Designer.Server.Workflows;

public sealed record SaveDraftRequest(JsonObject? Definition, int BaseVersion, string? ConcurrencyToken);
public sealed record PublishRequest(int? Version);
public sealed record CloneRequest(string? Locality, string? DefinitionId, string? Name);

/// <summary>A definition in the list. upstreamChanged: a clone whose template has published a newer version since (see Audit/Upstream).</summary>
public sealed record WorkflowSummary(
    string DefinitionId, string Name, string Locality, int LatestVersion, int? PublishedVersion, string Status, string UpdatedBy,
    DateTime UpdatedAt, JsonNode? ClonedFrom, bool UpstreamChanged);

/// <summary>One version in a definition's version list.</summary>
public sealed record WorkflowVersionSummary(
    int Version, bool IsLatest, bool IsPublished, bool WasPublished, string CreatedBy, DateTime CreatedAt, string UpdatedBy, DateTime UpdatedAt);

/// <summary>One version with its Elsa JSON; concurrencyToken (also as etag) is what a draft save sends back.</summary>
public record WorkflowVersion(
    string DefinitionId, int Version, bool IsLatest, bool IsPublished, bool WasPublished, string ConcurrencyToken, string Etag,
    string CreatedBy, DateTime CreatedAt, string UpdatedBy, DateTime UpdatedAt, JsonNode? FormPins, JsonObject Definition);

/// <summary>An imported definition: the version written, whether the definition is new, and what the validator found.</summary>
public sealed record ImportResult(string DefinitionId, int Version, bool Created, IReadOnlyList<WorkflowProblem> Problems);

public sealed record ValidationResult(IReadOnlyList<WorkflowProblem> Problems);

public static class WorkflowDtos
{
    public static string StatusOf(WorkflowDefinitionRecord record) =>
        record.PublishedVersion is not null ? "published" : record.EverPublished ? "retracted" : "draft";

    public static WorkflowSummary Summary(WorkflowDefinitionRecord record) => Summary(record, false);

    public static WorkflowSummary Summary(WorkflowDefinitionRecord record, bool upstreamChanged) => new(
        record.DefinitionId, record.Name, record.Locality, record.LatestVersion, record.PublishedVersion, StatusOf(record), record.UpdatedBy,
        record.UpdatedAt, record.ClonedFrom is null ? null : JsonNode.Parse(record.ClonedFrom), upstreamChanged);

    public static WorkflowVersionSummary VersionSummary(WorkflowVersionRecord version) => new(
        version.Version, version.IsLatest, version.IsPublished, version.Frozen, version.CreatedBy, version.CreatedAt, version.UpdatedBy, version.UpdatedAt);

    public static WorkflowVersion Version(WorkflowVersionRecord version) => new(
        version.DefinitionId, version.Version, version.IsLatest, version.IsPublished, version.Frozen, version.ConcurrencyToken,
        version.ConcurrencyToken, version.CreatedBy, version.CreatedAt, version.UpdatedBy, version.UpdatedAt,
        version.FormPins is null ? null : JsonNode.Parse(version.FormPins), ElsaJson(version));

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
