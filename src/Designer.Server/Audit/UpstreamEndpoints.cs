using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Designer.Engine.Merge;
using Designer.Server.Auth;
using Designer.Server.Hosting;
using Designer.Server.Workflows;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Designer.Server.Audit;

/// <summary>
/// Whether a clone's template published a newer version, and what merging it would do. For a definition that is not a
/// clone only definitionId, clonedFrom (null) and changed (false) are present.
/// </summary>
public sealed record UpstreamStatus(
    string DefinitionId,
    ClonedFrom? ClonedFrom,
    bool Changed,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] UpstreamTemplate? Template = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] UpstreamCurrent? Current = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DiffOverview? Diff = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] MergePreview? Preview = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<JsonObject>? FormMerges = null);

public sealed record UpstreamTemplate(string DefinitionId, string Name, int? LatestPublishedVersion);

/// <summary>The clone's latest version: the concurrency token a merge sends back.</summary>
public sealed record UpstreamCurrent(int Version, string ConcurrencyToken, bool IsPublished);

/// <summary>The three-way merge of the template's changes onto the clone; conflicts need a resolution each.</summary>
public sealed record MergePreview(JsonObject Merged, bool IsClean, IReadOnlyList<UpstreamConflict> Conflicts);

/// <summary>key: what a resolution names ("activity:review-1:assigneeOrg"); base, theirs (template), ours (clone).</summary>
public sealed record UpstreamConflict(string Key, string Kind, string Id, string Property, JsonNode? Base, JsonNode? Theirs, JsonNode? Ours)
{
    public static UpstreamConflict Of(MergeConflict c) => new(c.Key, c.Kind, c.Id, c.Property, c.Base, c.Theirs, c.Ours);
}

/// <summary>The merged draft, with the form drafts the merge saved.</summary>
public sealed record MergedWorkflowVersion : WorkflowVersion
{
    public MergedWorkflowVersion(WorkflowVersion saved, IReadOnlyList<SavedFormDraft> formDrafts) : base(saved) => FormDrafts = formDrafts;

    public IReadOnlyList<SavedFormDraft> FormDrafts { get; init; }
}

public static class UpstreamEndpoints
{
    public static void MapUpstream(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/workflows").WithTags("Auditing").RequireAuthorization(Policies.Staff);
        group.MapGet("/{definitionId}/upstream", Preview);
        group.MapPost("/{definitionId}/upstream/merge", async (string definitionId, UpstreamMergeRequest request, HttpContext http, Upstream upstream) =>
        {
            var (saved, formDrafts) = await upstream.MergeAsync(http.CurrentUser(), definitionId, request);
            return TypedResults.Ok(new MergedWorkflowVersion(WorkflowDtos.Version(saved), formDrafts));
        }).Fails(409, 422);
    }

    private static async Task<Ok<UpstreamStatus>> Preview(string definitionId, HttpContext http, WorkflowStore store, Upstream upstream)
    {
        var user = http.CurrentUser();
        var record = await store.FindAsync(user, definitionId);
        if (await upstream.PreviewAsync(user, record) is not { } preview)
            return TypedResults.Ok(new UpstreamStatus(definitionId, null, false));
        return TypedResults.Ok(new UpstreamStatus(
            definitionId,
            preview.Origin,
            preview.Changed,
            new UpstreamTemplate(preview.Template.DefinitionId, preview.Template.Name, preview.Template.PublishedVersion),
            new UpstreamCurrent(preview.Ours.Version, preview.Ours.ConcurrencyToken, preview.Ours.IsPublished),
            preview.Diff is null ? null : DiffOverview.Of(preview.Diff),
            preview.Merge is null ? null : new MergePreview(preview.Merge.Merged, preview.Merge.IsClean, preview.Merge.Conflicts.Select(UpstreamConflict.Of).ToList()),
            preview.FormMerges.Select(f => f.ToJson()).ToList()));
    }
}
