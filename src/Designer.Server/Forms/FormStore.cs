using System.Text.Json.Nodes;
using Designer.Engine.Forms;
using Designer.Engine.Runtime;
using Designer.Forms;
using Designer.Persistence;
using Designer.Persistence.Entities;
using Designer.Server.Audit;
using Designer.Server.Auth;
using Designer.Server.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.Forms;

public sealed record SaveFormRequest(string? FormId, JsonObject? Schema, JsonObject? UiSchema, int BaseVersion, string? ConcurrencyToken);

/// <summary>Forms versioned like workflows: drafts, one published version, published versions frozen.</summary>
public sealed class FormStore(DesignerDbContext db, FormCatalogs catalogs, IClock clock, DefinitionAudit audit)
{
    private DateTime Now => clock.Now.UtcDateTime;

    /// <summary>Shared forms (templates/ included) and their own locality's are readable by every signed-in user; admins' scope as for workflows.</summary>
    public static bool CanRead(CurrentUser user, string locality) =>
        FormLocality.IsShared(locality) || user.SeesEverything || user.Locality == locality;

    public static bool CanWrite(CurrentUser user, string locality) =>
        user.IsPolicyAdmin || (user.IsLocalityAdmin && locality.Length > 0 && locality == user.Locality);

    public async Task<FormRecord> FindAsync(CurrentUser user, string formId, bool write = false)
    {
        var record = await db.Forms.FirstOrDefaultAsync(f => f.FormId == formId);
        if (record is null || !CanRead(user, record.Locality)) throw new ApiProblemException(Problems.NotFound("找不到该表单 (no such form)"));
        if (write && !CanWrite(user, record.Locality)) throw new ApiProblemException(Problems.Forbidden());
        return record;
    }

    public async Task<FormVersionRecord> VersionAsync(string formId, int? version)
    {
        var record = await db.Forms.FirstAsync(f => f.FormId == formId);
        var number = version ?? record.LatestVersion;
        return await db.FormVersions.FirstOrDefaultAsync(v => v.FormId == formId && v.Version == number)
            ?? throw new ApiProblemException(Problems.NotFound($"表单 {formId} 没有版本 {number}"));
    }

    public async Task<FormVersionRecord> CreateAsync(CurrentUser user, SaveFormRequest request, bool publish = false)
    {
        var formId = request.FormId?.Trim('/') ?? "";
        if (formId.Length == 0 || formId.Length > 200 || formId.Contains(".."))
            throw new ApiProblemException(Problems.Invalid("$.formId", "表单标识无效 (formId is required)"));
        var locality = FormCatalogs.LocalityOf(formId);
        if (!CanWrite(user, locality)) throw new ApiProblemException(Problems.Forbidden($"无权创建表单 {formId}"));
        if (await db.Forms.AnyAsync(f => f.FormId == formId)) throw new ApiProblemException(Problems.Conflict($"表单 {formId} 已存在"));
        var schema = request.Schema ?? throw new ApiProblemException(Problems.Invalid("$.schema", "缺少 schema"));
        var record = new FormRecord
        {
            FormId = formId, Locality = locality, Title = schema["title"]?.ToString() ?? formId, LatestVersion = 1,
            PublishedVersion = publish ? 1 : null, UpdatedBy = user.UserName, UpdatedAt = Now,
        };
        var version = new FormVersionRecord
        {
            FormId = formId, Version = 1, SchemaJson = schema.ToJsonString(), UiSchemaJson = request.UiSchema?.ToJsonString(),
            IsPublished = publish, Frozen = publish, ConcurrencyToken = Guid.NewGuid().ToString("N"), UpdatedBy = user.UserName, UpdatedAt = Now,
        };
        db.Forms.Add(record);
        db.FormVersions.Add(version);
        await audit.FormAsync(AuditKinds.FormCreate, user, record, version);
        await db.SaveChangesAsync();
        if (publish) catalogs.PublishedChanged();
        return version;
    }

    public async Task<FormVersionRecord> SaveDraftAsync(CurrentUser user, string formId, SaveFormRequest request)
    {
        var record = await FindAsync(user, formId, write: true);
        var latest = await VersionAsync(formId, null);
        if (request.BaseVersion != latest.Version || request.ConcurrencyToken != latest.ConcurrencyToken)
            throw new ApiProblemException(Problems.Conflict($"表单已被 {latest.UpdatedBy} 修改为版本 {latest.Version}，你的修改未保存 (stale draft: nothing was saved)",
                new Dictionary<string, object?> { ["current"] = new { version = latest.Version, concurrencyToken = latest.ConcurrencyToken } }));
        var schema = request.Schema ?? throw new ApiProblemException(Problems.Invalid("$.schema", "缺少 schema"));
        var target = latest;
        if (latest.Frozen)
        {
            target = new FormVersionRecord { FormId = formId, Version = latest.Version + 1 };
            db.FormVersions.Add(target);
            record.LatestVersion = target.Version;
        }
        target.SchemaJson = schema.ToJsonString();
        target.UiSchemaJson = request.UiSchema?.ToJsonString();
        target.ConcurrencyToken = Guid.NewGuid().ToString("N");
        target.UpdatedBy = user.UserName;
        target.UpdatedAt = Now;
        record.Title = schema["title"]?.ToString() ?? record.Title;
        record.UpdatedBy = user.UserName;
        record.UpdatedAt = Now;
        await audit.FormAsync(AuditKinds.FormSaveDraft, user, record, target);
        await db.SaveChangesAsync();
        return target;
    }

    public async Task<(FormVersionRecord Version, IReadOnlyList<FieldError> Problems)> PublishAsync(CurrentUser user, string formId)
    {
        var record = await FindAsync(user, formId, write: true);
        var latest = await VersionAsync(formId, null);
        var problems = await CheckAsync(latest);
        if (problems.Count > 0) return (latest, problems);
        foreach (var other in await db.FormVersions.Where(v => v.FormId == formId && v.IsPublished).ToListAsync()) other.IsPublished = false;
        latest.IsPublished = true;
        latest.Frozen = true;
        record.PublishedVersion = latest.Version;
        record.UpdatedBy = user.UserName;
        record.UpdatedAt = Now;
        await audit.FormAsync(AuditKinds.FormPublish, user, record, latest);
        await db.SaveChangesAsync();
        catalogs.PublishedChanged();
        return (latest, []);
    }

    /// <summary>The form checked as it would resolve among the other published forms (x-extends included).</summary>
    private async Task<IReadOnlyList<FieldError>> CheckAsync(FormVersionRecord candidate)
    {
        var others = await db.FormVersions.AsNoTracking().Where(v => v.IsPublished && v.FormId != candidate.FormId).ToListAsync();
        var catalog = new FileFormCatalog(others.Select(v => new FormSource(v.FormId, v.SchemaJson, v.UiSchemaJson))
            .Append(new FormSource(candidate.FormId, candidate.SchemaJson, candidate.UiSchemaJson)));
        return catalog.CheckDefinition(candidate.FormId);
    }
}
