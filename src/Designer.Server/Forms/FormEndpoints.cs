using Designer.Persistence;
using Designer.Server.ApiDocs;
using Designer.Server.Auth;
using Designer.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.Forms;

/// <summary>
/// Form ids may contain '/' (&lt;locality&gt;/apply), so one catch-all route per verb reads the id and the operation suffix
/// (/versions, /draft, /publish) from the rest of the path.
/// </summary>
public static class FormEndpoints
{
    public static void MapForms(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/forms").WithTags("Forms").RequireAuthorization();
        group.MapGet("/", async (int? page, int? pageSize, HttpContext http, DesignerDbContext db) =>
        {
            var user = http.CurrentUser();
            var forms = await db.Forms.AsNoTracking().OrderBy(f => f.FormId).ToListAsync();
            return TypedResults.Ok(forms.Where(f => FormStore.CanRead(user, f.Locality)).Page(page, pageSize, FormDtos.Summary));
        }).Fails(422);
        group.MapPost("/", async (SaveFormRequest request, HttpContext http, FormStore store) =>
        {
            var created = await store.CreateAsync(http.CurrentUser(), request);
            return TypedResults.Created($"/api/forms/{created.FormId}", FormDtos.Version(created));
        }).Fails(409, 422);
        // GET /api/forms/{formId}[?version=N] is one version; GET /api/forms/{formId}/versions the list of versions.
        group.MapGet("/{**path}", async Task<Results<Ok<FormVersion>, Ok<Paged<FormVersionSummary>>>> (string path, int? version, int? page, int? pageSize,
            HttpContext http, FormStore store, FormCatalogs catalogs, DesignerDbContext db) =>
        {
            var user = http.CurrentUser();
            if (Split(path, "versions") is { } formId)
            {
                await store.FindAsync(user, formId);
                return TypedResults.Ok(await db.FormVersions.AsNoTracking().Where(v => v.FormId == formId).OrderByDescending(v => v.Version)
                    .Select(v => new FormVersionSummary(v.Version, v.IsPublished, v.UpdatedBy, v.UpdatedAt)).PageAsync(page, pageSize, v => v));
            }
            await store.FindAsync(user, path);
            return TypedResults.Ok(FormDtos.Version(await store.VersionAsync(path, version), await catalogs.PublishedAsync(db)));
        }).ProducesOneOf(nameof(FormVersion), $"PagedOf{nameof(FormVersionSummary)}");
        // PUT /api/forms/{formId}/draft
        group.MapPut("/{**path}", async Task<Results<Ok<FormVersion>, ProblemHttpResult>> (string path, SaveFormRequest request, HttpContext http, FormStore store) =>
            Split(path, "draft") is { } formId
                ? TypedResults.Ok(FormDtos.Version(await store.SaveDraftAsync(http.CurrentUser(), formId, request)))
                : Problems.NotFound()).Fails(409, 422);
        // POST /api/forms/{formId}/publish
        group.MapPost("/{**path}", async Task<Results<Ok<FormVersion>, ProblemHttpResult>> (string path, HttpContext http, FormStore store) =>
        {
            if (Split(path, "publish") is not { } formId) return Problems.NotFound();
            var (version, problems) = await store.PublishAsync(http.CurrentUser(), formId);
            return problems.Count > 0 ? Problems.FormErrors(problems, "表单定义有误，不能发布 (the form definition is unsound)") : TypedResults.Ok(FormDtos.Version(version));
        }).Fails(409, 422);
    }

    private static string? Split(string path, string operation)
    {
        var suffix = "/" + operation;
        return path.EndsWith(suffix, StringComparison.Ordinal) && path.Length > suffix.Length ? path[..^suffix.Length] : null;
    }
}
