using Designer.Server.Auth;
using Designer.Server.Hosting;
using Designer.Server.Workflows;

namespace Designer.Server.Audit;

public static class UpstreamEndpoints
{
    public static void MapUpstream(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/workflows").WithTags("Auditing").RequireAuthorization(Policies.Staff);
        group.MapGet("/{definitionId}/upstream", Preview);
        group.MapPost("/{definitionId}/upstream/merge", async (string definitionId, UpstreamMergeRequest request, HttpContext http, Upstream upstream) =>
        {
            var (saved, formDrafts) = await upstream.MergeAsync(http.CurrentUser(), definitionId, request);
            var body = ApiJson.ToNode(WorkflowDtos.Version(saved))!.AsObject();
            body["formDrafts"] = ApiJson.ToNode(formDrafts.Select(f => new { formId = f.FormId, templateFormId = f.TemplateFormId, version = f.Version }).ToList());
            return Results.Ok(body);
        });
    }

    private static async Task<IResult> Preview(string definitionId, HttpContext http, WorkflowStore store, Upstream upstream)
    {
        var user = http.CurrentUser();
        var record = await store.FindAsync(user, definitionId);
        if (await upstream.PreviewAsync(user, record) is not { } preview)
            return Results.Ok(new { definitionId, clonedFrom = (object?)null, changed = false });
        return Results.Ok(new
        {
            definitionId,
            clonedFrom = preview.Origin,
            template = new
            {
                definitionId = preview.Template.DefinitionId, name = preview.Template.Name, latestPublishedVersion = preview.Template.PublishedVersion,
            },
            changed = preview.Changed,
            current = new { version = preview.Ours.Version, concurrencyToken = preview.Ours.ConcurrencyToken, isPublished = preview.Ours.IsPublished },
            diff = preview.Diff is null ? null : DiffSummary.ToJson(preview.Diff),
            preview = preview.Merge is null ? null : new
            {
                merged = preview.Merge.Merged, isClean = preview.Merge.IsClean, conflicts = preview.Merge.Conflicts.Select(Upstream.ConflictDto),
            },
            formMerges = preview.FormMerges.Select(f => f.ToJson()).ToList(),
        });
    }
}
