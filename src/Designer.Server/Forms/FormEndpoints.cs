using Designer.Persistence;
using Designer.Server.Auth;
using Designer.Server.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.Forms;

/// <summary>
/// Form ids may contain '/' (kashgar/apply), so one catch-all route per verb reads the id and the operation suffix
/// (/versions, /draft, /publish) from the rest of the path.
/// </summary>
public static class FormEndpoints
{
    public static void MapForms(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/forms").WithTags("Forms").RequireAuthorization();
        group.MapGet("/", async (HttpContext http, DesignerDbContext db) =>
        {
            var user = http.CurrentUser();
            var forms = await db.Forms.AsNoTracking().OrderBy(f => f.FormId).ToListAsync();
            return Results.Ok(forms.Where(f => FormStore.CanRead(user, f.Locality)).Select(FormStore.Summary));
        });
        group.MapPost("/", async (SaveFormRequest request, HttpContext http, FormStore store) =>
        {
            var created = await store.CreateAsync(http.CurrentUser(), request);
            return Results.Created($"/api/forms/{created.FormId}", FormStore.Version(created));
        });
        group.MapGet("/{**path}", async (string path, int? version, HttpContext http, FormStore store, FormCatalogs catalogs, DesignerDbContext db) =>
        {
            var user = http.CurrentUser();
            if (Split(path, "versions") is { } formId)
            {
                await store.FindAsync(user, formId);
                var versions = await db.FormVersions.AsNoTracking().Where(v => v.FormId == formId).OrderBy(v => v.Version).ToListAsync();
                return Results.Ok(versions.Select(v => new { version = v.Version, isPublished = v.IsPublished, updatedBy = v.UpdatedBy, updatedAt = v.UpdatedAt }));
            }
            await store.FindAsync(user, path);
            return Results.Ok(FormStore.Version(await store.VersionAsync(path, version), await catalogs.PublishedAsync(db)));
        });
        group.MapPut("/{**path}", async (string path, SaveFormRequest request, HttpContext http, FormStore store) =>
            Split(path, "draft") is { } formId
                ? Results.Ok(FormStore.Version(await store.SaveDraftAsync(http.CurrentUser(), formId, request)))
                : Problems.NotFound());
        group.MapPost("/{**path}", async (string path, HttpContext http, FormStore store) =>
        {
            if (Split(path, "publish") is not { } formId) return Problems.NotFound();
            var (version, problems) = await store.PublishAsync(http.CurrentUser(), formId);
            return problems.Count > 0 ? Problems.FormErrors(problems, "表单定义有误，不能发布 (the form definition is unsound)") : Results.Ok(FormStore.Version(version));
        });
    }

    private static string? Split(string path, string operation)
    {
        var suffix = "/" + operation;
        return path.EndsWith(suffix, StringComparison.Ordinal) && path.Length > suffix.Length ? path[..^suffix.Length] : null;
    }
}
