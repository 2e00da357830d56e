using System.Text.Json.Nodes;
using Designer.Engine.Diff;
using Designer.Engine.Merge;
using Designer.Engine.Model;
using Designer.Persistence;
using Designer.Persistence.Entities;
using Designer.Server.Auth;
using Designer.Server.Hosting;
using Designer.Server.Workflows;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.Audit;

/// <summary>The template version a clone is based on (customProperties.clonedFrom).</summary>
public sealed record ClonedFrom(string DefinitionId, int Version)
{
    public JsonObject ToJson() => new() { ["definitionId"] = DefinitionId, ["version"] = Version };

    public static ClonedFrom? From(JsonNode? node) =>
        node?["definitionId"].AsString() is { Length: > 0 } id && node["version"] is JsonValue v && v.TryGetValue<int>(out var version)
            ? new ClonedFrom(id, version)
            : null;
}

/// <summary>What a template changed since a clone was taken from it, and the three-way merge of those changes onto the clone.</summary>
public sealed record UpstreamPreview(
    ClonedFrom Origin, WorkflowDefinitionRecord Template, WorkflowVersionRecord Ours, WorkflowVersionRecord? Base, WorkflowVersionRecord? Theirs,
    WorkflowDiff? Diff, MergeResult? Merge, IReadOnlyList<JsonObject> FormConflicts)
{
    public bool Changed => Theirs is not null;
}

public sealed record UpstreamMergeRequest(Dictionary<string, string>? Resolutions, string? ConcurrencyToken);

/// <summary>
/// Template changes for clones: base = the template version the clone's latest version was cloned from (or last merged),
/// theirs = the template's published version, ours = the clone's latest version. Merging saves a draft, like a draft save.
/// </summary>
public sealed class Upstream(DesignerDbContext db, WorkflowStore store, VersionDiffs diffs)
{
    public static ClonedFrom? ClonedFromOf(WorkflowVersionRecord latest, WorkflowDefinitionRecord record) =>
        ClonedFrom.From(JsonNode.Parse(latest.Json)?["customProperties"]?["clonedFrom"])
        ?? (record.ClonedFrom is null ? null : ClonedFrom.From(JsonNode.Parse(record.ClonedFrom)));

    /// <summary>Ids of the clones among these whose template has published a newer version than the one they are based on.</summary>
    public static async Task<HashSet<string>> ChangedAsync(DesignerDbContext db, IReadOnlyList<WorkflowDefinitionRecord> records)
    {
        var clones = records.Where(r => r.ClonedFrom is not null).ToDictionary(r => r.DefinitionId);
        if (clones.Count == 0) return [];
        var ids = clones.Keys.ToList();
        var latest = await db.WorkflowVersions.AsNoTracking().Where(v => v.IsLatest && ids.Contains(v.DefinitionId)).ToListAsync();
        var origins = latest.Select(v => (v.DefinitionId, Origin: ClonedFromOf(v, clones[v.DefinitionId]))).Where(x => x.Origin is not null).ToList();
        var templateIds = origins.Select(o => o.Origin!.DefinitionId).Distinct().ToList();
        var published = await db.Workflows.AsNoTracking().Where(w => templateIds.Contains(w.DefinitionId))
            .ToDictionaryAsync(w => w.DefinitionId, w => w.PublishedVersion);
        return origins.Where(o => published.GetValueOrDefault(o.Origin!.DefinitionId) is { } p && p > o.Origin.Version)
            .Select(o => o.DefinitionId).ToHashSet();
    }

    /// <summary>Null when the definition is not a clone. 404 when its template is gone or not readable.</summary>
    public async Task<UpstreamPreview?> PreviewAsync(CurrentUser user, WorkflowDefinitionRecord record)
    {
        var ours = await store.VersionAsync(record.DefinitionId, null);
        if (ClonedFromOf(ours, record) is not { } origin) return null;
        var template = await store.FindAsync(user, origin.DefinitionId);
        if (template.PublishedVersion is not { } published || published <= origin.Version)
            return new UpstreamPreview(origin, template, ours, null, null, null, null, []);

        var @base = await store.VersionAsync(origin.DefinitionId, origin.Version);
        var theirs = await store.VersionAsync(origin.DefinitionId, published);
        var (baseSide, theirSide, ourSide) = (await diffs.SideAsync(@base), await diffs.SideAsync(theirs), await diffs.SideAsync(ours));
        var diff = await diffs.CompareAsync(baseSide, theirSide);
        var merge = ThreeWayMerge.Merge(Parse(baseSide), Parse(theirSide), Parse(ourSide));
        Rebase(merge.Merged, origin with { Version = published });
        return new UpstreamPreview(origin, template, ours, @base, theirs, diff, merge, await FormConflictsAsync(baseSide, theirSide, ourSide));
    }

    /// <summary>Saves the merge, every conflict resolved, as the clone's draft (422 naming unresolved conflicts, 409 when stale).</summary>
    public async Task<WorkflowVersionRecord> MergeAsync(CurrentUser user, string definitionId, UpstreamMergeRequest request)
    {
        var record = await store.FindAsync(user, definitionId, write: true);
        var preview = await PreviewAsync(user, record)
            ?? throw new ApiProblemException(Problems.Invalid("$", $"流程 {definitionId} 不是从模板复制的，没有上游可合并 (not a clone)"));
        if (request.ConcurrencyToken != preview.Ours.ConcurrencyToken)
            throw new ApiProblemException(Problems.Conflict(
                $"流程已被 {preview.Ours.UpdatedBy} 于 {preview.Ours.UpdatedAt:yyyy-MM-dd HH:mm} 修改为版本 {preview.Ours.Version}，请刷新后重新合并 (stale: nothing was saved)",
                new Dictionary<string, object?>
                {
                    ["current"] = new { version = preview.Ours.Version, concurrencyToken = preview.Ours.ConcurrencyToken, updatedBy = preview.Ours.UpdatedBy, updatedAt = preview.Ours.UpdatedAt },
                }));
        if (!preview.Changed || preview.Merge is not { } merge)
            throw new ApiProblemException(Problems.Invalid("$", $"模板 {preview.Origin.DefinitionId} 没有比第 {preview.Origin.Version} 版更新的发布版本，无需合并 (nothing to merge)"));

        var choices = request.Resolutions ?? [];
        var unresolved = merge.Conflicts.Where(c => choices.GetValueOrDefault(c.Key) is not ("theirs" or "ours")).ToList();
        if (unresolved.Count > 0) throw new ApiProblemException(Unresolved(unresolved));

        var merged = ThreeWayMerge.Resolve(merge, choices);
        var now = preview.Origin with { Version = preview.Theirs!.Version };
        Rebase(merged, now);
        var note = new AuditNote(AuditKinds.WorkflowUpstreamMerge, new JsonObject
        {
            ["template"] = new JsonObject { ["definitionId"] = now.DefinitionId, ["fromVersion"] = preview.Origin.Version, ["toVersion"] = now.Version },
            ["resolutions"] = ApiJson.ToNode(merge.Conflicts.ToDictionary(c => c.Key, c => choices[c.Key])),
        });
        return await store.SaveDraftAsync(user, definitionId, new SaveDraftRequest(merged, preview.Ours.Version, request.ConcurrencyToken), note);
    }

    public static object ConflictDto(MergeConflict c) => new
    {
        key = c.Key, kind = c.Kind, id = c.Id, property = c.Property, @base = c.Base, theirs = c.Theirs, ours = c.Ours,
    };

    private static IResult Unresolved(IReadOnlyList<MergeConflict> conflicts) => Problems.Problem(422, "校验未通过",
        $"还有 {conflicts.Count} 处冲突未选择保留哪一方 (every conflict needs a resolution: \"theirs\" or \"ours\")",
        new Dictionary<string, object?>
        {
            ["errors"] = conflicts.Select(c => new
            {
                path = $"$.resolutions['{c.Key}']", key = c.Key,
                message = $"冲突 {c.Key}：模板与本地都修改了{(c.Property == "*" ? "该项" : $"属性 {c.Property}")}，请选择 theirs（模板）或 ours（本地）",
            }).ToList(),
            ["conflicts"] = conflicts.Select(ConflictDto).ToList(),
        });

    /// <summary>
    /// Forms the template's new version pins at another version than its base did, where the clone pins yet another
    /// version of that form: merged field by field, conflicts reported (they are not applied by the workflow merge).
    /// </summary>
    private async Task<List<JsonObject>> FormConflictsAsync(DiffSide @base, DiffSide theirs, DiffSide ours)
    {
        var reports = new List<JsonObject>();
        foreach (var (formId, theirVersion) in theirs.FormPins.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!@base.FormPins.TryGetValue(formId, out var baseVersion) || baseVersion == theirVersion) continue;
            if (!ours.FormPins.TryGetValue(formId, out var ourVersion) || ourVersion == baseVersion || ourVersion == theirVersion) continue;
            var (b, t, o) = (await diffs.FormSchemaAsync(formId, baseVersion), await diffs.FormSchemaAsync(formId, theirVersion), await diffs.FormSchemaAsync(formId, ourVersion));
            if (b is null || t is null || o is null) continue;
            var merge = FormMerge.Merge(b, t, o);
            reports.Add(new JsonObject
            {
                ["formId"] = formId, ["baseVersion"] = baseVersion, ["theirsVersion"] = theirVersion, ["oursVersion"] = ourVersion,
                ["conflicts"] = ApiJson.ToNode(merge.Conflicts.Select(ConflictDto).ToList()),
            });
        }
        return reports;
    }

    private static WorkflowDefinition Parse(DiffSide side) => VersionDiffs.Parse(side.Json, side.DefinitionId, side.Version);

    private static void Rebase(JsonObject definition, ClonedFrom origin)
    {
        var custom = definition["customProperties"] as JsonObject ?? [];
        definition["customProperties"] = custom;
        custom["clonedFrom"] = origin.ToJson();
    }
}
