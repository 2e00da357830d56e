using System.Text.Json.Nodes;
using Designer.Engine.Diff;
using Designer.Engine.Merge;
using Designer.Engine.Model;
using Designer.Persistence;
using Designer.Persistence.Entities;
using Designer.Server.Auth;
using Designer.Server.Forms;
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
    WorkflowDiff? Diff, MergeResult? Merge, IReadOnlyList<FormMergePlan> FormMerges)
{
    public bool Changed => Theirs is not null;

    /// <summary>Every conflict by the key a resolution names: the workflow's ("activity:…") and the forms' ("form:&lt;formId&gt;:field:&lt;name&gt;").</summary>
    public IEnumerable<(string Key, MergeConflict Conflict)> AllConflicts =>
        (Merge?.Conflicts.Select(c => (c.Key, c)) ?? []).Concat(FormMerges.SelectMany(f => f.Conflicts));
}

/// <summary>
/// One form the template's new version pins at another version than its base did, merged field by field onto the
/// clone's form (the same form at the version the clone pins, or the clone's locality form "&lt;locality&gt;/&lt;formId&gt;").
/// </summary>
public sealed record FormMergePlan(
    string FormId, string TemplateFormId, int BaseVersion, int TheirsVersion, int OursVersion, JsonObject Theirs, JsonObject Ours, MergeResult Merge)
{
    public static string KeyOf(string formId, string field) => $"form:{formId}:field:{field}";

    public IEnumerable<(string Key, MergeConflict Conflict)> Conflicts => Merge.Conflicts.Select(c => (KeyOf(FormId, c.Id), c));

    /// <summary>The merged schema with each conflicting field as chosen ("theirs": the template's field and its required-ness, also under a condition).</summary>
    public JsonObject Resolve(IReadOnlyDictionary<string, string> choices)
    {
        var merged = FormMerge.Resolve(Merge, Theirs, conflict => choices.GetValueOrDefault(KeyOf(FormId, conflict.Id)) == "theirs");
        var properties = merged["properties"] as JsonObject ?? [];
        merged["properties"] = properties;
        var required = (merged["required"] as JsonArray)?.Select(n => n?.GetValue<string>() ?? "") ?? [];
        merged["required"] = new JsonArray([.. required.Where(properties.ContainsKey).Distinct().Order(StringComparer.Ordinal).Select(r => (JsonNode)JsonValue.Create(r)!)]);
        return merged;
    }

    public JsonObject ToJson() => new()
    {
        ["formId"] = FormId, ["templateFormId"] = TemplateFormId, ["baseVersion"] = BaseVersion, ["theirsVersion"] = TheirsVersion, ["oursVersion"] = OursVersion,
        ["clean"] = Merge.IsClean, ["changes"] = !JsonNode.DeepEquals(Merge.Merged, Ours),
        ["conflicts"] = ApiJson.ToNode(Conflicts.Select(x => new
        {
            key = x.Key, kind = x.Conflict.Kind, id = x.Conflict.Id, field = x.Conflict.Id, property = x.Conflict.Property,
            @base = x.Conflict.Base, theirs = x.Conflict.Theirs, ours = x.Conflict.Ours,
        }).ToList()),
    };
}

/// <summary>A form draft an upstream merge saved.</summary>
public sealed record SavedFormDraft(string FormId, string TemplateFormId, int Version);

public sealed record UpstreamMergeRequest(Dictionary<string, string>? Resolutions, string? ConcurrencyToken);

/// <summary>
/// Template changes for clones: base = the template version the clone's latest version was cloned from (or last merged),
/// theirs = the template's published version, ours = the clone's latest version. Merging saves a draft, like a draft save.
/// </summary>
public sealed class Upstream(DesignerDbContext db, WorkflowStore store, VersionDiffs diffs, FormStore forms)
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
        return new UpstreamPreview(origin, template, ours, @base, theirs, diff, merge, await FormMergesAsync(record.Locality, baseSide, theirSide, ourSide));
    }

    /// <summary>Saves the merge, every conflict resolved, as the clone's draft (422 naming unresolved conflicts, 409 when stale).</summary>
    public async Task<(WorkflowVersionRecord Saved, IReadOnlyList<SavedFormDraft> FormDrafts)> MergeAsync(CurrentUser user, string definitionId, UpstreamMergeRequest request)
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
        var unresolved = preview.AllConflicts.Where(c => choices.GetValueOrDefault(c.Key) is not ("theirs" or "ours")).ToList();
        if (unresolved.Count > 0) throw new ApiProblemException(Unresolved(unresolved));

        // The clone's forms that take template changes: checked before anything is saved (write access, nothing newer).
        var formSaves = new List<(FormMergePlan Plan, JsonObject Schema, FormVersionRecord Latest)>();
        foreach (var plan in preview.FormMerges)
        {
            var schema = plan.Resolve(choices);
            if (JsonNode.DeepEquals(schema, plan.Ours)) continue;
            await forms.FindAsync(user, plan.FormId, write: true);
            var latest = await forms.VersionAsync(plan.FormId, null);
            if (latest.Version != plan.OursVersion)
                throw new ApiProblemException(Problems.Conflict(
                    $"表单 {plan.FormId} 已有更新的版本 {latest.Version}（{latest.UpdatedBy}），合并基于第 {plan.OursVersion} 版：请先发布或处理该版本后再合并 (the form has a newer version: nothing was saved)",
                    new Dictionary<string, object?> { ["form"] = new { formId = plan.FormId, version = latest.Version, mergedOnto = plan.OursVersion } }));
            formSaves.Add((plan, schema, latest));
        }

        var merged = ThreeWayMerge.Resolve(merge, choices);
        var now = preview.Origin with { Version = preview.Theirs!.Version };
        Rebase(merged, now);
        var note = new AuditNote(AuditKinds.WorkflowUpstreamMerge, new JsonObject
        {
            ["template"] = new JsonObject { ["definitionId"] = now.DefinitionId, ["fromVersion"] = preview.Origin.Version, ["toVersion"] = now.Version },
            ["resolutions"] = ApiJson.ToNode(preview.AllConflicts.ToDictionary(c => c.Key, c => choices[c.Key])),
            ["formDrafts"] = ApiJson.ToNode(formSaves.Select(f => new { formId = f.Plan.FormId, templateFormId = f.Plan.TemplateFormId, fromVersion = f.Latest.Version }).ToList()),
        });
        await using var transaction = db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.Serializable)
            : null;
        var saved = await store.SaveDraftAsync(user, definitionId, new SaveDraftRequest(merged, preview.Ours.Version, request.ConcurrencyToken), note);
        var drafts = new List<SavedFormDraft>();
        foreach (var (plan, schema, latest) in formSaves)
        {
            var ui = latest.UiSchemaJson is null ? null : JsonNode.Parse(latest.UiSchemaJson) as JsonObject;
            if (ui?["ui:order"] is JsonArray order)
            {
                // Fields the template added are appended to an ui:order without "*" (which must list every field).
                var listed = order.Select(o => o?.AsString()).ToHashSet();
                if (!listed.Contains("*"))
                    foreach (var (field, _) in schema["properties"] as JsonObject ?? [])
                        if (!listed.Contains(field)) order.Add(field);
            }
            var draft = await forms.SaveDraftAsync(user, plan.FormId, new SaveFormRequest(plan.FormId, schema, ui, latest.Version, latest.ConcurrencyToken));
            drafts.Add(new SavedFormDraft(plan.FormId, plan.TemplateFormId, draft.Version));
        }
        if (transaction is not null) await transaction.CommitAsync();
        return (saved, drafts);
    }

    public static object ConflictDto(MergeConflict c) => new
    {
        key = c.Key, kind = c.Kind, id = c.Id, property = c.Property, @base = c.Base, theirs = c.Theirs, ours = c.Ours,
    };

    private static IResult Unresolved(IReadOnlyList<(string Key, MergeConflict Conflict)> conflicts) => Problems.Problem(422, "校验未通过",
        $"还有 {conflicts.Count} 处冲突未选择保留哪一方 (every conflict needs a resolution: \"theirs\" or \"ours\")",
        new Dictionary<string, object?>
        {
            ["errors"] = conflicts.Select(x => new
            {
                path = $"$.resolutions['{x.Key}']", key = x.Key,
                message = $"冲突 {x.Key}：模板与本地都修改了{(x.Conflict.Kind == "field" ? $"表单字段 {x.Conflict.Id}" : x.Conflict.Property == "*" ? "该项" : $"属性 {x.Conflict.Property}")}，请选择 theirs（模板）或 ours（本地）",
            }).ToList(),
            ["conflicts"] = conflicts.Select(x => x.Conflict.Kind == "field"
                ? new { key = x.Key, kind = x.Conflict.Kind, id = x.Conflict.Id, property = x.Conflict.Property, @base = x.Conflict.Base, theirs = x.Conflict.Theirs, ours = x.Conflict.Ours }
                : ConflictDto(x.Conflict)).ToList(),
        });

    /// <summary>
    /// Forms the template's new version pins at another version than its base did, merged field by field onto the clone's
    /// form: its locality form "&lt;locality&gt;/&lt;formId&gt;" when it pins one (unless that extends the template's form and so
    /// inherits the change), else the same form when the clone pins it at yet another version. Forms already equal to
    /// the template's new version are left out.
    /// </summary>
    private async Task<List<FormMergePlan>> FormMergesAsync(string locality, DiffSide @base, DiffSide theirs, DiffSide ours)
    {
        var plans = new List<FormMergePlan>();
        foreach (var (formId, theirVersion) in theirs.FormPins.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!@base.FormPins.TryGetValue(formId, out var baseVersion) || baseVersion == theirVersion) continue;
            var (b, t) = (await diffs.FormSchemaAsync(formId, baseVersion), await diffs.FormSchemaAsync(formId, theirVersion));
            if (b is null || t is null) continue;
            string oursId;
            int ourVersion;
            if (locality.Length > 0 && FormCatalogs.LocalityOf(formId).Length == 0 && ours.FormPins.TryGetValue($"{locality}/{formId}", out var localVersion))
                (oursId, ourVersion) = ($"{locality}/{formId}", localVersion);
            else if (ours.FormPins.TryGetValue(formId, out var sameVersion) && sameVersion != baseVersion && sameVersion != theirVersion)
                (oursId, ourVersion) = (formId, sameVersion);
            else continue;
            if (await diffs.FormSchemaAsync(oursId, ourVersion) is not { } o) continue;
            if (oursId != formId && o["x-extends"].AsString() == formId) continue;
            if (JsonNode.DeepEquals(o, t)) continue;
            plans.Add(new FormMergePlan(oursId, formId, baseVersion, theirVersion, ourVersion, t, o, FormMerge.Merge(b, t, o)));
        }
        return plans;
    }

    private static WorkflowDefinition Parse(DiffSide side) => VersionDiffs.Parse(side.Json, side.DefinitionId, side.Version);

    private static void Rebase(JsonObject definition, ClonedFrom origin)
    {
        var custom = definition["customProperties"] as JsonObject ?? [];
        definition["customProperties"] = custom;
        custom["clonedFrom"] = origin.ToJson();
    }
}
