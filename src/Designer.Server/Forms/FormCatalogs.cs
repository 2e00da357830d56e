using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Designer.Engine.Activities.Titles;
using Designer.Engine.Domain;
using Designer.Engine.Forms;
using Designer.Engine.Model;
using Designer.Engine.Runtime;
using Designer.Forms;
using Designer.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.Forms;

/// <summary>
/// Form catalogs built from the database: the currently published forms (for validating a workflow before it is
/// published), and the pinned form versions of a published workflow version (what its applications run with).
/// </summary>
public sealed class FormCatalogs
{
    private readonly ConcurrentDictionary<string, IFormCatalog> _pinned = new();
    private readonly ConcurrentDictionary<string, IFormCatalog> _publishedFor = new(StringComparer.Ordinal);
    private volatile IFormCatalog? _published;

    public void PublishedChanged()
    {
        _published = null;
        _publishedFor.Clear();
    }

    public async Task<IFormCatalog> PublishedAsync(DesignerDbContext db)
    {
        if (_published is { } catalog) return catalog;
        var versions = await db.FormVersions.AsNoTracking().Where(v => v.IsPublished).ToListAsync();
        return _published = new FileFormCatalog(versions.Select(v => new FormSource(v.FormId, v.SchemaJson, v.UiSchemaJson)));
    }

    /// <summary>
    /// The published forms a workflow of the locality may use: its own and the shared ones. Another locality's forms
    /// are not in it, so a step naming one fails validation ("no such form") and is never pinned.
    /// </summary>
    public async Task<IFormCatalog> PublishedForAsync(DesignerDbContext db, string locality)
    {
        if (_publishedFor.TryGetValue(locality, out var catalog)) return catalog;
        var versions = await db.FormVersions.AsNoTracking().Where(v => v.IsPublished).ToListAsync();
        return _publishedFor[locality] = new FileFormCatalog(versions.Where(v => FormLocality.MayUse(locality, v.FormId))
            .Select(v => new FormSource(v.FormId, v.SchemaJson, v.UiSchemaJson)));
    }

    /// <summary>The catalog of a workflow version's pins ({formId: version}); the published forms when it has none.</summary>
    public async Task<IFormCatalog> PinnedAsync(DesignerDbContext db, string? pinsJson)
    {
        var pins = ParsePins(pinsJson);
        if (pins.Count == 0) return await PublishedAsync(db);
        var key = string.Join(";", pins.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}@{p.Value}"));
        if (_pinned.TryGetValue(key, out var cached)) return cached;
        var ids = pins.Keys.ToList();
        var candidates = await db.FormVersions.AsNoTracking().Where(v => ids.Contains(v.FormId)).ToListAsync();
        var sources = candidates.Where(v => pins[v.FormId] == v.Version).Select(v => new FormSource(v.FormId, v.SchemaJson, v.UiSchemaJson));
        return _pinned[key] = new FileFormCatalog(sources);
    }

    /// <summary>
    /// The published versions of the forms a definition uses (steps' forms, publicities' objection forms, the apply
    /// form), with the forms they extend (x-extends); never another locality's forms.
    /// </summary>
    public static async Task<Dictionary<string, int>> PinsForAsync(DesignerDbContext db, WorkflowDefinition definition)
    {
        var pending = new Queue<string>(FormsUsedBy(definition));
        var pins = new Dictionary<string, int>(StringComparer.Ordinal);
        while (pending.TryDequeue(out var formId))
        {
            if (pins.ContainsKey(formId) || !FormLocality.MayUse(definition.Locality, formId)) continue;
            var published = await db.FormVersions.AsNoTracking().FirstOrDefaultAsync(v => v.FormId == formId && v.IsPublished);
            if (published is null) continue;
            pins[formId] = published.Version;
            if (ExtendsOf(published.SchemaJson) is { } parent) pending.Enqueue(parent);
        }
        return pins;
    }

    public static IEnumerable<string> FormsUsedBy(WorkflowDefinition definition)
    {
        var executable = ExecutableWorkflow.For(definition, ActivityRegistry.Default);
        var forms = new HashSet<string>(StringComparer.Ordinal);
        if (ApplyForm(definition) is { } apply) forms.Add(apply);
        foreach (var id in definition.ActivitiesById.Keys)
        {
            var formId = executable.Activity(id) switch
            {
                PersonStep step => step.Form.LiteralOrDefault(),
                Publicity publicity => publicity.ObjectionForm.LiteralOrDefault(),
                _ => null,
            };
            if (!string.IsNullOrEmpty(formId)) forms.Add(formId);
        }
        return forms;
    }

    /// <summary>The form an applicant fills in: customProperties.applyForm, else the form of the first "apply" step.</summary>
    public static string? ApplyForm(WorkflowDefinition definition)
    {
        if (definition.CustomProperties["applyForm"].AsString() is { Length: > 0 } declared) return declared;
        var executable = ExecutableWorkflow.For(definition, ActivityRegistry.Default);
        return definition.ActivitiesById.Keys.Select(executable.Activity).OfType<PersonStep>()
            .FirstOrDefault(step => step.StageCode == "apply")?.Form.LiteralOrDefault() is { Length: > 0 } form ? form : null;
    }

    public static Dictionary<string, int> ParsePins(string? json)
    {
        if (string.IsNullOrEmpty(json)) return new(StringComparer.Ordinal);
        return JsonSerializer.Deserialize<Dictionary<string, int>>(json) ?? new(StringComparer.Ordinal);
    }

    /// <summary>The locality a form belongs to: its id's first segment when that is a locality (templates included), else "" (shared).</summary>
    public static string LocalityOf(string formId) => FormLocality.Of(formId);

    public static string? ExtendsOf(string schemaJson)
    {
        try { return (JsonNode.Parse(schemaJson) as JsonObject)?["x-extends"].AsString(); }
        catch (JsonException) { return null; }
    }

    public static string TitleOf(string schemaJson)
    {
        try { return (JsonNode.Parse(schemaJson) as JsonObject)?["title"].AsString() ?? ""; }
        catch (JsonException) { return ""; }
    }
}
