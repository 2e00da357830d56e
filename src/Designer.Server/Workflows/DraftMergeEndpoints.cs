using System.Text.Json.Nodes;
using Designer.Engine.Merge;
using Designer.Engine.Model;
using Designer.Server.Audit;
using Designer.Server.Auth;
using Designer.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Designer.Server.Workflows;

/// <summary>
/// A stale draft save: base = the version the editor loaded (the Studio sends it back as it was loaded), mine = the
/// editor's definition, theirs = the latest version now. Resolutions name conflicts by key as the upstream merge does
/// ("activity:review-1:assigneeOrg", "definition::name"): "theirs" or "ours"; an unnamed conflict keeps mine.
/// </summary>
public sealed record DraftMergeRequest(JsonObject? Base, JsonObject? Mine, Dictionary<string, string>? Resolutions);

/// <summary>Who saved the latest version and when, with the token a save of the merge sends back.</summary>
public sealed record DraftMergeCurrent(int Version, string ConcurrencyToken, string UpdatedBy, DateTime UpdatedAt, bool IsPublished);

/// <summary>
/// What the other editor changed (base → theirs) and what I changed (base → mine), activity by activity, the
/// conflicts (both changed the same property differently), and the merged definition with the resolutions applied.
/// </summary>
public sealed record DraftMergePreview(
    DraftMergeCurrent Current, DiffOverview TheirChanges, DiffOverview MyChanges, IReadOnlyList<UpstreamConflict> Conflicts, JsonObject Merged);

public static class DraftMergeEndpoints
{
    /// <summary>Top-level keys the store stamps on every version: never a change of anyone's.</summary>
    private static readonly HashSet<string> Stamped = ["$schema", "id", "definitionId", "version", "isLatest", "isPublished", "root", "variables", "customProperties"];

    public static void MapDraftMerge(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/workflows").WithTags("Workflows").RequireAuthorization(Policies.Staff);
        group.MapPost("/{definitionId}/draft/merge", Preview)
            .WithDescription("保存冲突时的三方合并预览，不保存任何内容 (three-way merge of a stale draft: nothing is saved; save the merged definition with current.concurrencyToken)")
            .Fails(422);
    }

    private static async Task<Ok<DraftMergePreview>> Preview(string definitionId, DraftMergeRequest request, HttpContext http, WorkflowStore store)
    {
        await store.FindAsync(http.CurrentUser(), definitionId, write: true);
        if (request.Base is null) throw new ApiProblemException(Problems.Invalid("$.base", "缺少载入时的流程定义 (base is required)"));
        if (request.Mine is null) throw new ApiProblemException(Problems.Invalid("$.mine", "缺少我的流程定义 (mine is required)"));
        var latest = await store.VersionAsync(definitionId, null);
        var theirsJson = JsonNode.Parse(latest.Json)!.AsObject();
        var @base = Parse(request.Base, definitionId, "$.base");
        var mine = Parse(request.Mine, definitionId, "$.mine");
        var theirs = VersionDiffs.Parse(theirsJson, definitionId, latest.Version);

        var merge = ThreeWayMerge.Merge(@base, theirs, mine);
        var conflicts = merge.Conflicts.ToList();
        var merged = merge.Merged;
        MergeTopLevel(request.Base, theirsJson, request.Mine, merged, conflicts);
        var choices = request.Resolutions ?? [];
        merged = ThreeWayMerge.Resolve(merge with { Merged = merged }, choices);
        foreach (var conflict in conflicts.Where(c => c.Kind == "definition" && choices.GetValueOrDefault(c.Key) == "theirs"))
            Set(merged, conflict.Property, conflict.Theirs?.DeepClone());
        merged["definitionId"] = definitionId;
        merged["version"] = latest.Version;

        return TypedResults.Ok(new DraftMergePreview(
            new DraftMergeCurrent(latest.Version, latest.ConcurrencyToken, latest.UpdatedBy, latest.UpdatedAt, latest.IsPublished),
            DiffOverview.Of(Engine.Diff.WorkflowDiffer.Compare(@base, theirs, [])),
            DiffOverview.Of(Engine.Diff.WorkflowDiffer.Compare(@base, mine, [])),
            conflicts.Select(UpstreamConflict.Of).ToList(),
            merged));
    }

    /// <summary>
    /// The definition's own properties (name, description, …, and each customProperties entry such as scope): a change
    /// only one side made is kept; both changing one differently is a conflict (mine kept until resolved).
    /// </summary>
    private static void MergeTopLevel(JsonObject @base, JsonObject theirs, JsonObject mine, JsonObject merged, List<MergeConflict> conflicts)
    {
        IEnumerable<string> Keys(Func<JsonObject, JsonObject?> of) =>
            new[] { @base, theirs, mine }.SelectMany(o => of(o)?.Select(p => p.Key) ?? []).Distinct(StringComparer.Ordinal);
        var properties = Keys(o => o).Where(k => !Stamped.Contains(k)).ToList();
        var custom = Keys(o => o["customProperties"] as JsonObject).Select(k => $"customProperties.{k}");
        foreach (var property in properties.Concat(custom))
        {
            var (b, t, m) = (Get(@base, property), Get(theirs, property), Get(mine, property));
            if (JsonNode.DeepEquals(t, b) || JsonNode.DeepEquals(t, m)) continue;
            if (JsonNode.DeepEquals(m, b)) Set(merged, property, t?.DeepClone());
            else conflicts.Add(new MergeConflict("definition", "", property, b?.DeepClone(), t?.DeepClone(), m?.DeepClone()));
        }
    }

    private static JsonNode? Get(JsonObject json, string property) =>
        property.StartsWith("customProperties.", StringComparison.Ordinal)
            ? (json["customProperties"] as JsonObject)?[property["customProperties.".Length..]]
            : json[property];

    private static void Set(JsonObject json, string property, JsonNode? value)
    {
        var (target, key) = property.StartsWith("customProperties.", StringComparison.Ordinal)
            ? (json["customProperties"] as JsonObject ?? (JsonObject)(json["customProperties"] = new JsonObject()), property["customProperties.".Length..])
            : (json, property);
        if (value is null) target.Remove(key);
        else target[key] = value;
    }

    private static WorkflowDefinition Parse(JsonObject json, string definitionId, string path)
    {
        try { return WorkflowDefinitionReader.FromJson(json.DeepClone().AsObject(), definitionId); }
        catch (DefinitionFormatException e)
        {
            throw new ApiProblemException(Problems.Invalid(path, $"不是有效的 Elsa 3 流程定义：{string.Join("；", e.Problems)} (not an Elsa 3 workflow definition)"));
        }
    }
}
