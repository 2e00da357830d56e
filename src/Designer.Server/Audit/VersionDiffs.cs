using System.Text.Json.Nodes;
using Designer.Engine.Diff;
using Designer.Engine.Model;
using Designer.Persistence;
using Designer.Persistence.Entities;
using Designer.Server.Forms;
using Designer.Server.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.Audit;

/// <summary>
/// One side of a comparison: a workflow version's JSON and the form versions it runs with (its pins once published;
/// for a draft, the published forms it would pin if published now).
/// </summary>
public sealed record DiffSide(string DefinitionId, int Version, JsonObject Json, IReadOnlyDictionary<string, int> FormPins, bool PinsFrozen);

/// <summary>Semantic diffs of workflow versions with the field-level diffs of the form versions each side pins.</summary>
public sealed class VersionDiffs(DesignerDbContext db)
{
    public Task<DiffSide> SideAsync(WorkflowVersionRecord version) => SideAsync(version.DefinitionId, version.Version, version.Json, version.FormPins);

    public async Task<DiffSide> SideAsync(string definitionId, int version, string json, string? formPins)
    {
        var parsed = JsonNode.Parse(json)!.AsObject();
        var pins = formPins is not null ? FormCatalogs.ParsePins(formPins) : await FormCatalogs.PinsForAsync(db, Parse(parsed, definitionId, version));
        return new DiffSide(definitionId, version, parsed, pins, formPins is not null);
    }

    public async Task<WorkflowDiff> CompareAsync(DiffSide from, DiffSide to) => WorkflowDiffer.Compare(
        Parse(from.Json, from.DefinitionId, from.Version), Parse(to.Json, to.DefinitionId, to.Version), await FormDiffsAsync(from.FormPins, to.FormPins));

    /// <summary>For each form pinned at different versions (or on one side only): its fields compared.</summary>
    public async Task<List<FormDiff>> FormDiffsAsync(IReadOnlyDictionary<string, int> from, IReadOnlyDictionary<string, int> to)
    {
        var changed = from.Keys.Union(to.Keys).Where(id => from.GetValueOrDefault(id) != to.GetValueOrDefault(id)).Order(StringComparer.Ordinal).ToList();
        if (changed.Count == 0) return [];
        var versions = await db.FormVersions.AsNoTracking().Where(v => changed.Contains(v.FormId)).ToListAsync();
        JsonObject? Schema(string formId, int? version) => version is null ? null
            : versions.FirstOrDefault(v => v.FormId == formId && v.Version == version) is { } found ? JsonNode.Parse(found.SchemaJson) as JsonObject : null;
        return changed.Select(id =>
        {
            var old = from.TryGetValue(id, out var o) ? o : (int?)null;
            var current = to.TryGetValue(id, out var c) ? c : (int?)null;
            return FormDiffer.Compare(id, Schema(id, old), Schema(id, current)) with { OldVersion = old?.ToString(), NewVersion = current?.ToString() };
        }).ToList();
    }

    public async Task<JsonObject?> FormSchemaAsync(string formId, int version) =>
        await db.FormVersions.AsNoTracking().FirstOrDefaultAsync(v => v.FormId == formId && v.Version == version) is { } found
            ? JsonNode.Parse(found.SchemaJson) as JsonObject
            : null;

    public static WorkflowDefinition Parse(JsonObject json, string definitionId, int version)
    {
        try { return WorkflowDefinitionReader.FromJson(json.DeepClone().AsObject(), $"{definitionId} v{version}"); }
        catch (DefinitionFormatException e)
        {
            throw new ApiProblemException(Problems.Invalid("$.definition", $"流程 {definitionId} 第 {version} 版不是有效的流程定义：{string.Join("；", e.Problems)}"));
        }
    }
}

/// <summary>How much a diff changed, in words and numbers.</summary>
public static class DiffSummary
{
    public static int SemanticChanges(WorkflowDiff diff) =>
        diff.Definition.Count + diff.Activities.Count(a => a.Kind != ChangeKinds.Moved) + diff.Connections.Count + diff.Variables.Count +
        diff.Forms.Sum(f => f.Kind == ChangeKinds.Changed ? f.Fields.Count : 1);

    public static string Describe(WorkflowDiff diff)
    {
        var semantic = SemanticChanges(diff);
        var moves = diff.Activities.Count(a => a.Moved);
        if (semantic > 0) return moves > 0 ? $"{semantic} 处变化，另有 {moves} 个活动移动位置" : $"{semantic} 处变化";
        return moves > 0 ? $"仅布局变化（{moves} 个活动移动位置）" : "没有变化";
    }

    public static JsonObject Counts(WorkflowDiff diff) => new()
    {
        ["definition"] = diff.Definition.Count,
        ["activitiesAdded"] = diff.Activities.Count(a => a.Kind == ChangeKinds.Added),
        ["activitiesRemoved"] = diff.Activities.Count(a => a.Kind == ChangeKinds.Removed),
        ["activitiesChanged"] = diff.Activities.Count(a => a.Kind == ChangeKinds.Changed),
        ["activitiesMoved"] = diff.Activities.Count(a => a.Moved),
        ["connections"] = diff.Connections.Count,
        ["variables"] = diff.Variables.Count,
        ["formFields"] = diff.Forms.Sum(f => f.Fields.Count),
    };

    /// <summary>The diff as the API and the audit data show it.</summary>
    public static JsonObject ToJson(WorkflowDiff diff) => new()
    {
        ["hasSemanticChanges"] = diff.HasSemanticChanges,
        ["hasLayoutChanges"] = diff.HasLayoutChanges,
        ["summary"] = Describe(diff),
        ["counts"] = Counts(diff),
        ["diff"] = ApiJson.ToNode(diff),
        ["text"] = DiffText.Render(diff),
    };
}
