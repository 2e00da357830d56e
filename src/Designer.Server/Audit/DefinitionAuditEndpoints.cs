using System.Text.Json.Nodes;
using Designer.Persistence;
using Designer.Persistence.Entities;
using Designer.Server.Auth;
using Designer.Server.Hosting;
using Designer.Server.Workflows;
using Designer.Engine.Diff;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.Audit;

/// <summary>Two versions (or a clone and its template) compared, with both sides' Elsa JSON and form pins.</summary>
public sealed record VersionComparison(
    bool HasSemanticChanges, bool HasLayoutChanges, string Summary, DiffCounts Counts, WorkflowDiff Diff, string Text,
    string DefinitionId, int From, int To, string FromDefinitionId, string ToDefinitionId,
    IReadOnlyDictionary<string, int> FromFormPins, IReadOnlyDictionary<string, int> ToFormPins, JsonObject FromDefinition, JsonObject ToDefinition);

/// <summary>What changed since the version before (the full diff is left out: GET …/diff has it).</summary>
public sealed record VersionChanges(bool HasSemanticChanges, bool HasLayoutChanges, string Summary, DiffCounts Counts, string Text, int AgainstVersion);

/// <summary>One version in a definition's history, with its audit entries.</summary>
public sealed record HistoryVersion(
    int Version, bool IsLatest, bool IsPublished, bool WasPublished, string Status, string CreatedBy, DateTime CreatedAt, string UpdatedBy,
    DateTime UpdatedAt, IReadOnlyDictionary<string, int> FormPins, bool FormPinsFrozen, VersionChanges? Changes, IReadOnlyList<AuditTrailEntry> Audit);

/// <summary>A definition's versions (newest first) and every audit entry about it (newest first).</summary>
public sealed record DefinitionHistory(
    string DefinitionId, string Name, string Locality, string Status, JsonNode? ClonedFrom, IReadOnlyList<HistoryVersion> Versions,
    IReadOnlyList<AuditTrailEntry> Entries);

/// <summary>What changed between two versions of a definition (or a clone and its template), and a definition's history.</summary>
public static class DefinitionAuditEndpoints
{
    public static void MapDefinitionAudit(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/workflows").WithTags("Auditing").RequireAuthorization(Policies.Staff);
        group.MapGet("/{definitionId}/diff", Diff).Fails(422);
        group.MapGet("/{definitionId}/history", History);
    }

    private static async Task<Results<Ok<VersionComparison>, ProblemHttpResult>> Diff(string definitionId, [FromQuery(Name = "from")] int? fromVersion, [FromQuery(Name = "to")] int? toVersion,
        string? against, HttpContext http, WorkflowStore store, VersionDiffs diffs)
    {
        var user = http.CurrentUser();
        var record = await store.FindAsync(user, definitionId);
        var to = await store.VersionAsync(definitionId, toVersion);
        WorkflowVersionRecord from;
        if (against == "template")
        {
            var origin = Upstream.ClonedFromOf(to, record)
                ?? throw new ApiProblemException(Problems.Invalid("$.against", $"流程 {definitionId} 不是从模板复制的 (not a clone)"));
            await store.FindAsync(user, origin.DefinitionId);
            from = await store.VersionAsync(origin.DefinitionId, origin.Version);
        }
        else if (!string.IsNullOrEmpty(against)) return Problems.Invalid("$.against", "against 只能是 template (against must be 'template')");
        else from = await store.VersionAsync(definitionId, fromVersion ?? Math.Max(1, to.Version - 1));

        var diff = await diffs.CompareAsync(await diffs.SideAsync(from), await diffs.SideAsync(to));
        var overview = DiffOverview.Of(diff);
        return TypedResults.Ok(new VersionComparison(
            overview.HasSemanticChanges, overview.HasLayoutChanges, overview.Summary, overview.Counts, overview.Diff, overview.Text,
            definitionId, from.Version, to.Version, from.DefinitionId, to.DefinitionId,
            (await diffs.SideAsync(from)).FormPins, (await diffs.SideAsync(to)).FormPins,
            WorkflowDtos.ElsaJson(from), WorkflowDtos.ElsaJson(to)));
    }

    /// <summary>Every version (newest first) with who and when, its audit entries, and what changed since the version before.</summary>
    private static async Task<Ok<DefinitionHistory>> History(string definitionId, HttpContext http, WorkflowStore store, VersionDiffs diffs, DesignerDbContext db)
    {
        var record = await store.FindAsync(http.CurrentUser(), definitionId);
        var versions = await store.VersionsAsync(definitionId);
        var prefix = AuditKinds.WorkflowSubject(definitionId, null);
        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.Subject == prefix || e.Subject.StartsWith(prefix + "/"))
            .OrderBy(e => e.Sequence).ToListAsync();
        var sides = new List<DiffSide>();
        foreach (var version in versions) sides.Add(await diffs.SideAsync(version));

        var history = new List<HistoryVersion>();
        for (var i = versions.Count - 1; i >= 0; i--)
        {
            var version = versions[i];
            VersionChanges? changes = null;
            if (i > 0)
            {
                var changed = DiffOverview.Of(await diffs.CompareAsync(sides[i - 1], sides[i]));
                changes = new VersionChanges(changed.HasSemanticChanges, changed.HasLayoutChanges, changed.Summary, changed.Counts, changed.Text,
                    versions[i - 1].Version);
            }
            history.Add(new HistoryVersion(
                version.Version, version.IsLatest, version.IsPublished, version.Frozen,
                version.IsPublished ? "published" : version.Frozen ? "was-published" : "draft",
                version.CreatedBy, version.CreatedAt, version.UpdatedBy, version.UpdatedAt,
                sides[i].FormPins, sides[i].PinsFrozen,
                changes,
                entries.Where(e => e.Subject == AuditKinds.WorkflowSubject(definitionId, version.Version)).Select(AuditDtos.Entry).ToList()));
        }
        return TypedResults.Ok(new DefinitionHistory(
            definitionId, record.Name, record.Locality, WorkflowDtos.StatusOf(record),
            record.ClonedFrom is null ? null : JsonNode.Parse(record.ClonedFrom),
            history,
            entries.AsEnumerable().Reverse().Select(AuditDtos.Entry).ToList()));
    }
}
