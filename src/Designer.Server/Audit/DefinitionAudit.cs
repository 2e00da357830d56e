using System.Text.Json.Nodes;
using Designer.Engine.Diff;
using Designer.Engine.Model;
using Designer.Persistence;
using Designer.Persistence.Entities;
using Designer.Server.Auth;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.Audit;

/// <summary>
/// Audit entries for changes to workflow definitions and forms, recorded just before the change is saved: the data is
/// the semantic diff against what came before (the content this save replaced, the previously published version, or
/// the previous version), or the whole definition when it is new.
/// </summary>
public sealed class DefinitionAudit(DesignerDbContext db, AuditLog log, VersionDiffs diffs)
{
    public async Task WorkflowAsync(string kind, CurrentUser user, WorkflowDefinitionRecord record, WorkflowVersionRecord? version, JsonObject? details = null)
    {
        var number = version?.Version ?? db.Entry(record).Property(r => r.PublishedVersion).OriginalValue;
        JsonNode data;
        var change = "";
        if (version is null) data = new JsonObject { ["retractedVersion"] = number };
        else if (db.Entry(record).State == EntityState.Added) data = JsonNode.Parse(version.Json)!;
        else if (await AgainstAsync(kind, record, version) is not { } against)
            data = new JsonObject { ["version"] = version.Version, ["definition"] = JsonNode.Parse(version.Json) };
        else
        {
            var diff = await diffs.CompareAsync(against, await diffs.SideAsync(version.DefinitionId, version.Version, version.Json, version.FormPins));
            change = DiffSummary.Describe(diff);
            var described = DiffSummary.ToJson(diff);
            described["version"] = version.Version;
            described["againstVersion"] = against.Version;
            data = described;
        }
        if (details is not null && data is JsonObject target)
            foreach (var (key, value) in details) target[key] = value?.DeepClone();
        var summary = WorkflowSummary(kind, user.UserName, record, number, change, details ?? data as JsonObject);
        log.Record(user.UserName, kind, AuditKinds.WorkflowSubject(record.DefinitionId, number), record.Locality, summary, data);
    }

    public async Task FormAsync(string kind, CurrentUser user, FormRecord record, FormVersionRecord version)
    {
        JsonNode data;
        var change = "";
        if (kind == AuditKinds.FormCreate)
            data = new JsonObject { ["schema"] = JsonNode.Parse(version.SchemaJson), ["uiSchema"] = version.UiSchemaJson is null ? null : JsonNode.Parse(version.UiSchemaJson) };
        else if (await FormAgainstAsync(kind, record, version) is not { } against)
            data = new JsonObject { ["version"] = version.Version, ["schema"] = JsonNode.Parse(version.SchemaJson) };
        else
        {
            var diff = FormDiffer.Compare(record.FormId, JsonNode.Parse(against.Schema) as JsonObject, JsonNode.Parse(version.SchemaJson) as JsonObject)
                with { OldVersion = against.Version.ToString(), NewVersion = version.Version.ToString() };
            change = diff.Fields.Count == 0 ? "字段没有变化" : $"{diff.Fields.Count} 处字段变化";
            data = new JsonObject
            {
                ["version"] = version.Version, ["againstVersion"] = against.Version, ["diff"] = ApiJson.ToNode(diff),
                ["uiSchemaChanged"] = against.UiSchema != version.UiSchemaJson,
            };
        }
        var what = kind switch
        {
            AuditKinds.FormCreate => "新建表单",
            AuditKinds.FormPublish => "发布表单",
            _ => "保存表单草稿",
        };
        var summary = $"{user.UserName} {what}「{record.Title}」（{record.FormId}）第 {version.Version} 版{(change.Length > 0 ? "：" + change : "")}";
        log.Record(user.UserName, kind, AuditKinds.FormSubject(record.FormId, version.Version), record.Locality, summary, data);
    }

    /// <summary>What a workflow change is compared with; null when there is nothing before it.</summary>
    private async Task<DiffSide?> AgainstAsync(string kind, WorkflowDefinitionRecord record, WorkflowVersionRecord version)
    {
        if (kind == AuditKinds.WorkflowPublish)
        {
            var previouslyPublished = db.Entry(record).Property(r => r.PublishedVersion).OriginalValue;
            if (previouslyPublished is { } published && published != version.Version && await VersionAsync(record.DefinitionId, published) is { } before)
                return await diffs.SideAsync(before);
        }
        else if (db.Entry(version).State is EntityState.Modified or EntityState.Unchanged)
        {
            var entry = db.Entry(version);
            return await diffs.SideAsync(version.DefinitionId, version.Version, entry.Property(v => v.Json).OriginalValue, entry.Property(v => v.FormPins).OriginalValue);
        }
        return version.Version > 1 && await VersionAsync(record.DefinitionId, version.Version - 1) is { } previous ? await diffs.SideAsync(previous) : null;
    }

    private Task<WorkflowVersionRecord?> VersionAsync(string definitionId, int version) =>
        db.WorkflowVersions.FirstOrDefaultAsync(v => v.DefinitionId == definitionId && v.Version == version);

    private sealed record FormBefore(int Version, string Schema, string? UiSchema);

    private async Task<FormBefore?> FormAgainstAsync(string kind, FormRecord record, FormVersionRecord version)
    {
        if (kind == AuditKinds.FormPublish)
        {
            var previouslyPublished = db.Entry(record).Property(r => r.PublishedVersion).OriginalValue;
            if (previouslyPublished is { } published && published != version.Version && await FormVersionAsync(record.FormId, published) is { } before)
                return new FormBefore(before.Version, before.SchemaJson, before.UiSchemaJson);
        }
        else if (db.Entry(version).State is EntityState.Modified or EntityState.Unchanged)
        {
            var entry = db.Entry(version);
            return new FormBefore(version.Version, entry.Property(v => v.SchemaJson).OriginalValue, entry.Property(v => v.UiSchemaJson).OriginalValue);
        }
        return version.Version > 1 && await FormVersionAsync(record.FormId, version.Version - 1) is { } previous
            ? new FormBefore(previous.Version, previous.SchemaJson, previous.UiSchemaJson)
            : null;
    }

    private Task<FormVersionRecord?> FormVersionAsync(string formId, int version) =>
        db.FormVersions.FirstOrDefaultAsync(v => v.FormId == formId && v.Version == version);

    private static string WorkflowSummary(string kind, string actor, WorkflowDefinitionRecord record, int? version, string change, JsonObject? details)
    {
        var workflow = $"流程「{record.Name}」（{record.DefinitionId}）";
        var suffix = change.Length > 0 ? "：" + change : "";
        return kind switch
        {
            AuditKinds.WorkflowCreate => $"{actor} 新建{workflow}第 {version} 版",
            AuditKinds.WorkflowImport => $"{actor} 导入{workflow}为第 {version} 版{suffix}",
            AuditKinds.WorkflowClone => $"{actor} 复制模板 {details?["customProperties"]?["clonedFrom"]?["definitionId"].AsString()} 第 " +
                                        $"{details?["customProperties"]?["clonedFrom"]?["version"]} 版为{workflow}",
            AuditKinds.WorkflowSaveDraft => $"{actor} 保存{workflow}第 {version} 版草稿{suffix}",
            AuditKinds.WorkflowPublish => $"{actor} 发布{workflow}第 {version} 版{suffix}",
            AuditKinds.WorkflowRetract => $"{actor} 撤回{workflow}第 {version} 版的发布",
            AuditKinds.WorkflowRevert => $"{actor} 将{workflow}恢复为第 {details?["revertedFrom"]} 版，存为第 {version} 版{suffix}",
            AuditKinds.WorkflowDeleteDraft => $"{actor} 删除{workflow}第 {version} 版草稿",
            AuditKinds.WorkflowUpstreamMerge => $"{actor} 将模板 {details?["template"]?["definitionId"].AsString()} 第 {details?["template"]?["fromVersion"]} → " +
                                                $"{details?["template"]?["toVersion"]} 版的更新合并到{workflow}第 {version} 版草稿{suffix}",
            _ => $"{actor} 修改{workflow}第 {version} 版{suffix}",
        };
    }
}
