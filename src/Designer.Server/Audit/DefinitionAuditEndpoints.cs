using System.Text.Json.Nodes;
using Designer.Persistence;
using Designer.Persistence.Entities;
using Designer.Server.Auth;
using Designer.Server.Hosting;
using Designer.Server.Workflows;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.Audit;

/// <summary>What changed between two versions of a definition (or a clone and its template), and a definition's history.</summary>
public static class DefinitionAuditEndpoints
{
    public static void MapDefinitionAudit(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/workflows").WithTags("Auditing").RequireAuthorization(Policies.Staff);
        group.MapGet("/{definitionId}/diff", Diff);
        group.MapGet("/{definitionId}/history", History);
    }

    private static async Task<IResult> Diff(string definitionId, [FromQuery(Name = "from")] int? fromVersion, [FromQuery(Name = "to")] int? toVersion,
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
        var body = DiffSummary.ToJson(diff);
        body["definitionId"] = definitionId;
        body["from"] = from.Version;
        body["to"] = to.Version;
        body["fromDefinitionId"] = from.DefinitionId;
        body["toDefinitionId"] = to.DefinitionId;
        body["fromFormPins"] = ApiJson.ToNode((await diffs.SideAsync(from)).FormPins);
        body["toFormPins"] = ApiJson.ToNode((await diffs.SideAsync(to)).FormPins);
        body["fromDefinition"] = WorkflowDtos.ElsaJson(from);
        body["toDefinition"] = WorkflowDtos.ElsaJson(to);
        return Results.Ok(body);
    }

    /// <summary>Every version (newest first) with who and when, its audit entries, and what changed since the version before.</summary>
    private static async Task<IResult> History(string definitionId, HttpContext http, WorkflowStore store, VersionDiffs diffs, DesignerDbContext db)
    {
        var record = await store.FindAsync(http.CurrentUser(), definitionId);
        var versions = await store.VersionsAsync(definitionId);
        var prefix = AuditKinds.WorkflowSubject(definitionId, null);
        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.Subject == prefix || e.Subject.StartsWith(prefix + "/"))
            .OrderBy(e => e.Sequence).ToListAsync();
        var sides = new List<DiffSide>();
        foreach (var version in versions) sides.Add(await diffs.SideAsync(version));

        var history = new List<object>();
        for (var i = versions.Count - 1; i >= 0; i--)
        {
            var version = versions[i];
            JsonObject? changes = null;
            if (i > 0)
            {
                changes = DiffSummary.ToJson(await diffs.CompareAsync(sides[i - 1], sides[i]));
                changes.Remove("diff");
                changes["againstVersion"] = versions[i - 1].Version;
            }
            history.Add(new
            {
                version = version.Version, isLatest = version.IsLatest, isPublished = version.IsPublished, wasPublished = version.Frozen,
                status = version.IsPublished ? "published" : version.Frozen ? "was-published" : "draft",
                createdBy = version.CreatedBy, createdAt = version.CreatedAt, updatedBy = version.UpdatedBy, updatedAt = version.UpdatedAt,
                formPins = ApiJson.ToNode(sides[i].FormPins), formPinsFrozen = sides[i].PinsFrozen,
                changes,
                audit = entries.Where(e => e.Subject == AuditKinds.WorkflowSubject(definitionId, version.Version)).Select(AuditDtos.Entry),
            });
        }
        return Results.Ok(new
        {
            definitionId, name = record.Name, locality = record.Locality, status = WorkflowDtos.StatusOf(record),
            clonedFrom = record.ClonedFrom is null ? null : JsonNode.Parse(record.ClonedFrom),
            versions = history,
            entries = entries.AsEnumerable().Reverse().Select(AuditDtos.Entry),
        });
    }
}
