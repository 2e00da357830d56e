using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Designer.Engine.Domain;
using Designer.Engine.Model;
using Designer.Engine.Runtime;
using Designer.Engine.Validation;
using Designer.Persistence;
using Designer.Persistence.Entities;
using Designer.Server.Audit;
using Designer.Server.Auth;
using Designer.Server.Forms;
using Designer.Server.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.Workflows;

/// <summary>
/// Workflow definitions versioned the way Elsa 3's management layer does it: a new definition is version 1 (draft);
/// saving edits the draft, or opens version latest+1 when the latest was ever published; at most one version is
/// published; revert copies an old version into a new one; history is never rewritten.
/// </summary>
public sealed partial class WorkflowStore(DesignerDbContext db, EngineHost.EngineHost engine, FormCatalogs forms, IClock clock, DefinitionAudit audit,
    StepHolders holders)
{
    private DateTime Now => clock.Now.UtcDateTime;

    /// <summary>The definition, if the user may read it (404 otherwise); for writes, 403 when they may only read it.</summary>
    public async Task<WorkflowDefinitionRecord> FindAsync(CurrentUser user, string definitionId, bool write = false)
    {
        var record = await db.Workflows.FirstOrDefaultAsync(w => w.DefinitionId == definitionId);
        if (record is null || !user.CanReadDefinitionsOf(record.Locality)) throw new ApiProblemException(Problems.NotFound("找不到该流程 (no such workflow)"));
        if (write && !user.CanWriteDefinitionsOf(record.Locality))
            throw new ApiProblemException(record.Locality == Shared.Templates ? Problems.Forbidden(TemplatesAreReadOnly) : Problems.Forbidden());
        return record;
    }

    public const string TemplatesAreReadOnly = "模板只能由政策管理员修改，可克隆到本地区后修改 (templates are changed by the policy admin only: clone one into your locality to change it)";

    public Task<List<WorkflowVersionRecord>> VersionsAsync(string definitionId) =>
        db.WorkflowVersions.Where(v => v.DefinitionId == definitionId).OrderBy(v => v.Version).ToListAsync();

    /// <summary>One page of the definition's versions, newest first, without their JSON.</summary>
    public Task<Paged<WorkflowVersionSummary>> VersionSummariesAsync(string definitionId, int? page, int? pageSize) =>
        db.WorkflowVersions.AsNoTracking().Where(v => v.DefinitionId == definitionId).OrderByDescending(v => v.Version)
            .Select(v => new WorkflowVersionSummary(v.Version, v.IsLatest, v.IsPublished, v.Frozen, v.CreatedBy, v.CreatedAt, v.UpdatedBy, v.UpdatedAt))
            .PageAsync(page, pageSize, v => v);

    public async Task<WorkflowVersionRecord> VersionAsync(string definitionId, int? version)
    {
        var found = version is { } n
            ? await db.WorkflowVersions.FirstOrDefaultAsync(v => v.DefinitionId == definitionId && v.Version == n)
            : await db.WorkflowVersions.FirstOrDefaultAsync(v => v.DefinitionId == definitionId && v.IsLatest);
        return found ?? throw new ApiProblemException(Problems.NotFound($"流程 {definitionId} 没有版本 {version}"));
    }

    public async Task<WorkflowVersionRecord> CreateAsync(CurrentUser user, JsonObject json, JsonObject? clonedFrom = null, string auditKind = AuditKinds.WorkflowCreate)
    {
        var definition = Parse(json);
        var locality = definition.Locality;
        if (!engine.Vocabulary.IsWorkflowLocality(locality))
            throw new ApiProblemException(Problems.Invalid("$.customProperties.locality", $"未知的地区 “{locality}” (customProperties.locality must be a locality code)"));
        if (!user.CanWriteDefinitionsOf(locality)) throw new ApiProblemException(Problems.Forbidden($"无权在地区 {locality} 创建流程"));

        var id = definition.DefinitionId is { Length: > 0 } given ? given : await NewIdAsync(locality, definition.Name);
        if (!IdPattern().IsMatch(id)) throw new ApiProblemException(Problems.Invalid("$.definitionId", $"流程标识 “{id}” 只能包含字母、数字、-、_ 和 . (invalid definitionId)"));
        if (await db.Workflows.AnyAsync(w => w.DefinitionId == id)) throw new ApiProblemException(Problems.Conflict($"流程 {id} 已存在 (definitionId already exists)"));

        var record = new WorkflowDefinitionRecord
        {
            DefinitionId = id, Name = definition.Name, Locality = locality, LatestVersion = 1, UpdatedBy = user.UserName, UpdatedAt = Now,
            ClonedFrom = clonedFrom?.ToJsonString(),
        };
        db.Workflows.Add(record);
        var version = NewVersion(record, json, 1, user);
        await audit.WorkflowAsync(auditKind, user, record, version);
        await db.SaveChangesAsync();
        return version;
    }

    public async Task<WorkflowVersionRecord> SaveDraftAsync(CurrentUser user, string definitionId, SaveDraftRequest request, AuditNote? note = null)
    {
        var record = await FindAsync(user, definitionId, write: true);
        if (request.Definition is null) throw new ApiProblemException(Problems.Invalid("$.definition", "缺少流程定义 (definition is required)"));
        var latest = await VersionAsync(definitionId, null);
        if (request.BaseVersion != latest.Version || request.ConcurrencyToken != latest.ConcurrencyToken)
            throw new ApiProblemException(Stale(latest));
        var definition = Parse(request.Definition);
        if (definition.Locality != record.Locality)
            throw new ApiProblemException(Problems.Invalid("$.customProperties.locality", $"草稿不能改变流程所属地区（{record.Locality}）(the locality of a definition cannot change)"));

        WorkflowVersionRecord saved;
        if (latest.Frozen)
        {
            latest.IsLatest = false;
            saved = NewVersion(record, request.Definition, latest.Version + 1, user);
        }
        else
        {
            saved = latest;
            saved.Json = Stamp(request.Definition, definitionId, latest.Version).ToJsonString();
            saved.ConcurrencyToken = NewToken();
            saved.UpdatedBy = user.UserName;
            saved.UpdatedAt = Now;
        }
        Touch(record, user, definition.Name);
        await audit.WorkflowAsync(note?.Kind ?? AuditKinds.WorkflowSaveDraft, user, record, saved, note?.Details);
        await SaveAsync(latest);
        return saved;
    }

    public async Task<(WorkflowVersionRecord Version, IReadOnlyList<ValidationProblem> Problems)> PublishAsync(CurrentUser user, string definitionId, int? version)
    {
        var record = await FindAsync(user, definitionId, write: true);
        var target = await VersionAsync(definitionId, version);
        var definition = engine.Definition(target.DefinitionId, target.Version, target.ConcurrencyToken, target.Json);
        var catalog = await forms.PublishedForAsync(db, definition.Locality);
        var problems = engine.Validator(catalog).Validate(definition)
            .Concat(ApplyFormScopeChecks.Run(definition, catalog, engine.Vocabulary))
            .Concat(await holders.ProblemsAsync(definition)).ToList();
        if (problems.Count > 0) return (target, problems);

        foreach (var other in await db.WorkflowVersions.Where(v => v.DefinitionId == definitionId && v.IsPublished).ToListAsync())
            other.IsPublished = false;
        target.IsPublished = true;
        target.Frozen = true;
        target.FormPins = JsonSerializer.Serialize(await FormCatalogs.PinsForAsync(db, definition));
        record.PublishedVersion = target.Version;
        record.EverPublished = true;
        Touch(record, user, null);
        await audit.WorkflowAsync(AuditKinds.WorkflowPublish, user, record, target);
        await SaveAsync(target);
        return (target, []);
    }

    public async Task RetractAsync(CurrentUser user, string definitionId)
    {
        var record = await FindAsync(user, definitionId, write: true);
        foreach (var published in await db.WorkflowVersions.Where(v => v.DefinitionId == definitionId && v.IsPublished).ToListAsync())
            published.IsPublished = false;
        record.PublishedVersion = null;
        Touch(record, user, null);
        await audit.WorkflowAsync(AuditKinds.WorkflowRetract, user, record, null);
        await db.SaveChangesAsync();
    }

    public async Task<WorkflowVersionRecord> RevertAsync(CurrentUser user, string definitionId, int version)
    {
        var record = await FindAsync(user, definitionId, write: true);
        var source = await VersionAsync(definitionId, version);
        var latest = await VersionAsync(definitionId, null);
        latest.IsLatest = false;
        var copy = NewVersion(record, JsonNode.Parse(source.Json)!.AsObject(), latest.Version + 1, user);
        Touch(record, user, null);
        await audit.WorkflowAsync(AuditKinds.WorkflowRevert, user, record, copy, new JsonObject { ["revertedFrom"] = version });
        await SaveAsync(latest);
        return copy;
    }

    /// <summary>Deletes the latest version when it was never published; the whole definition when it was its only one.</summary>
    public async Task DeleteDraftAsync(CurrentUser user, string definitionId)
    {
        var record = await FindAsync(user, definitionId, write: true);
        var latest = await VersionAsync(definitionId, null);
        if (latest.Frozen) throw new ApiProblemException(Problems.Conflict($"最新版本 {latest.Version} 已发布过，不是草稿 (the latest version is not a draft)"));
        db.WorkflowVersions.Remove(latest);
        if (latest.Version == 1 && record.LatestVersion == 1) db.Workflows.Remove(record);
        else
        {
            var previous = await db.WorkflowVersions.Where(v => v.DefinitionId == definitionId && v.Version < latest.Version)
                .OrderByDescending(v => v.Version).FirstAsync();
            previous.IsLatest = true;
            record.LatestVersion = previous.Version;
            Touch(record, user, null);
        }
        await audit.WorkflowAsync(AuditKinds.WorkflowDeleteDraft, user, record, latest);
        await db.SaveChangesAsync();
    }

    /// <summary>Imports Elsa JSON as a draft: a new definition, or a new version of an existing one. Problems are reported, not fatal.</summary>
    public async Task<(WorkflowVersionRecord Version, bool Created, IReadOnlyList<ValidationProblem> Problems)> ImportAsync(CurrentUser user, JsonObject json)
    {
        var definition = Parse(json);
        var problems = await ValidateAsync(definition);
        var existing = definition.DefinitionId is { Length: > 0 } id ? await db.Workflows.FirstOrDefaultAsync(w => w.DefinitionId == id) : null;
        if (existing is null) return (await CreateAsync(user, json, auditKind: AuditKinds.WorkflowImport), true, problems);

        var record = await FindAsync(user, existing.DefinitionId, write: true);
        if (definition.Locality != record.Locality)
            throw new ApiProblemException(Problems.Invalid("$.customProperties.locality", $"流程 {record.DefinitionId} 属于地区 {record.Locality} (locality mismatch)"));
        var latest = await VersionAsync(record.DefinitionId, null);
        latest.IsLatest = false;
        var version = NewVersion(record, json, latest.Version + 1, user);
        Touch(record, user, definition.Name);
        await audit.WorkflowAsync(AuditKinds.WorkflowImport, user, record, version);
        await SaveAsync(latest);
        return (version, false, problems);
    }

    public async Task<WorkflowVersionRecord> CloneAsync(CurrentUser user, string definitionId, CloneRequest request)
    {
        var record = await FindAsync(user, definitionId);
        var locality = request.Locality ?? user.Locality;
        if (string.IsNullOrEmpty(locality) || !engine.Vocabulary.IsWorkflowLocality(locality))
            throw new ApiProblemException(Problems.Invalid("$.locality", $"未知的地区 “{locality}” (locality must be a locality code)"));
        if (request.Name is { } given)
        {
            var trimmed = given.Trim();
            if (trimmed.Length == 0) throw new ApiProblemException(Problems.Invalid("$.name", "请填写新流程的名称 (name must not be blank)"));
            if (trimmed.Length > MaxNameLength) throw new ApiProblemException(Problems.Invalid("$.name", $"流程名称不能超过 {MaxNameLength} 个字 (name is too long)"));
            if (await db.Workflows.AnyAsync(w => w.Locality == locality && w.Name == trimmed))
                throw new ApiProblemException(Problems.Invalid("$.name", $"该地区已有名为“{trimmed}”的流程，请换一个名称 (a workflow of that name exists in the locality)"));
            request = request with { Name = trimmed };
        }
        var source = await VersionAsync(definitionId, record.PublishedVersion);
        var json = JsonNode.Parse(source.Json)!.AsObject();
        var custom = json["customProperties"] as JsonObject ?? [];
        json["customProperties"] = custom;
        custom["locality"] = locality;
        var clonedFrom = new JsonObject { ["definitionId"] = definitionId, ["version"] = source.Version };
        custom["clonedFrom"] = clonedFrom.DeepClone();
        if (json["tenantId"] is not null) json["tenantId"] = locality;
        if (request.Name is { Length: > 0 } name) json["name"] = name;
        json["definitionId"] = request.DefinitionId is { Length: > 0 } newId ? newId : await NewIdAsync(locality, BaseName(definitionId, record.Locality));
        return await CreateAsync(user, json, clonedFrom, AuditKinds.WorkflowClone);
    }

    public const int MaxNameLength = 100;

    public async Task<IReadOnlyList<ValidationProblem>> ValidateAsync(WorkflowDefinition definition)
    {
        var catalog = await forms.PublishedForAsync(db, definition.Locality);
        return [.. engine.Validator(catalog).Validate(definition), .. ApplyFormScopeChecks.Run(definition, catalog, engine.Vocabulary)];
    }

    public static WorkflowDefinition Parse(JsonObject json)
    {
        try { return WorkflowDefinitionReader.FromJson(json.DeepClone().AsObject(), "definition"); }
        catch (DefinitionFormatException e)
        {
            throw new ApiProblemException(Problems.WorkflowProblems(
                e.Problems.Select(p => new ValidationProblem(null, "$", ProblemCodes.InvalidDefinition, p)), "不是有效的 Elsa 3 流程定义 (not an Elsa 3 workflow definition)"));
        }
    }

    private WorkflowVersionRecord NewVersion(WorkflowDefinitionRecord record, JsonObject json, int number, CurrentUser user)
    {
        var version = new WorkflowVersionRecord
        {
            DefinitionId = record.DefinitionId, Version = number, Json = Stamp(json, record.DefinitionId, number).ToJsonString(),
            IsLatest = true, ConcurrencyToken = NewToken(), CreatedBy = user.UserName, CreatedAt = Now, UpdatedBy = user.UserName, UpdatedAt = Now,
        };
        record.LatestVersion = number;
        db.WorkflowVersions.Add(version);
        return version;
    }

    private static JsonObject Stamp(JsonObject json, string definitionId, int version)
    {
        var copy = json.DeepClone().AsObject();
        copy["$schema"] ??= WorkflowDefinition.ElsaSchema;
        copy["definitionId"] = definitionId;
        copy["id"] = $"{definitionId}-v{version}";
        copy["version"] = version;
        copy.Remove("isLatest");
        copy.Remove("isPublished");
        return copy;
    }

    private void Touch(WorkflowDefinitionRecord record, CurrentUser user, string? name)
    {
        if (name is { Length: > 0 }) record.Name = name;
        record.UpdatedBy = user.UserName;
        record.UpdatedAt = Now;
    }

    /// <summary>Saves; a concurrent writer of the same version (its token checked by EF) gets 409.</summary>
    private async Task SaveAsync(WorkflowVersionRecord current)
    {
        try { await db.SaveChangesAsync(); }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || e.IsUniqueViolation())
        {
            throw new ApiProblemException(Problems.Conflict("流程已被其他人同时修改，请刷新后重试 (changed concurrently: reload and retry)"));
        }
    }

    private static IResult Stale(WorkflowVersionRecord latest) => Problems.Conflict(
        $"草稿已被 {latest.UpdatedBy} 于 {latest.UpdatedAt:yyyy-MM-dd HH:mm} 修改为版本 {latest.Version}，你的修改未保存，请合并后重试 (stale draft: nothing was saved)",
        new Dictionary<string, object?>
        {
            ["current"] = new { version = latest.Version, concurrencyToken = latest.ConcurrencyToken, updatedBy = latest.UpdatedBy, updatedAt = latest.UpdatedAt },
        });

    private async Task<string> NewIdAsync(string locality, string name)
    {
        var slug = Slug(name);
        var baseId = slug.Length > 0 ? (slug.StartsWith(locality + "-") ? slug : $"{locality}-{slug}") : $"{locality}-workflow";
        var id = baseId;
        for (var n = 2; await db.Workflows.AnyAsync(w => w.DefinitionId == id); n++) id = $"{baseId}-{n}";
        return id;
    }

    private static string BaseName(string definitionId, string locality) =>
        definitionId.StartsWith(locality + "-") ? definitionId[(locality.Length + 1)..] : definitionId;

    private static string Slug(string text) =>
        string.Join("-", SlugParts().Matches(text.ToLowerInvariant()).Select(m => m.Value)).Trim('-');

    private static string NewToken() => Guid.NewGuid().ToString("N");

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("[a-z0-9]+")]
    private static partial Regex SlugParts();
}
