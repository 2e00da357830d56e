using System.Text.Json.Nodes;
using Designer.Engine.Forms;
using Designer.Forms.Definitions;

namespace Designer.Forms;

/// <summary>
/// The forms of a "schemas/" directory (or of any id → schema/UI JSON source, such as a database),
/// with x-extends resolved, JSON Schema validation (draft-07 or 2020-12) and Chinese messages.
/// The catalog is immutable after construction and safe to share between threads.
/// </summary>
public sealed class FileFormCatalog : IFormCatalog
{
    private readonly SortedDictionary<string, FormEntry> forms = new(StringComparer.Ordinal);

    /// <exception cref="ArgumentException">Two sources have the same id.</exception>
    public FileFormCatalog(IEnumerable<FormSource> sources)
    {
        var parsed = new Dictionary<string, ParsedForm>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            if (!parsed.TryAdd(source.Id, ParsedForm.Parse(source)))
                throw new ArgumentException($"Duplicate form id: {source.Id}", nameof(sources));
        }
        var resolver = new ExtensionResolver(parsed);
        foreach (var id in parsed.Keys)
            forms[id] = new FormEntry(id, resolver.Resolve(id));
    }

    /// <summary>Loads every "*.schema.json" (and sibling "*.ui.json") under the directory; see <see cref="FormSource.ReadDirectory"/>.</summary>
    public static FileFormCatalog Load(string schemasDirectory) => new(FormSource.ReadDirectory(schemasDirectory));

    /// <summary>Builds a catalog from in-memory pairs: id → (schema JSON, UI schema JSON or null).</summary>
    public static FileFormCatalog FromJson(IEnumerable<KeyValuePair<string, (string Schema, string? Ui)>> forms) =>
        new(forms.Select(form => new FormSource(form.Key, form.Value.Schema, form.Value.Ui)));

    public IEnumerable<string> FormIds => forms.Keys;

    public bool Exists(string formId) => formId is not null && forms.ContainsKey(formId);

    public JsonObject? GetSchema(string formId) => Find(formId)?.Schema?.DeepClone().AsObject();

    public JsonObject? GetFieldSchema(string formId, IReadOnlyList<string> segments) =>
        FormFields.SchemaAt(Find(formId)?.Schema, segments)?.DeepClone().AsObject();

    /// <summary>The merged UI schema; an empty object for a form without one, null for an unknown form.</summary>
    public JsonObject? GetUiSchema(string formId) => Find(formId)?.Ui.DeepClone().AsObject();

    public IReadOnlyList<FieldError> CheckDefinition(string formId) =>
        Find(formId)?.Problems ?? [Unknown(formId)];

    public IReadOnlyList<FieldError> Validate(string formId, JsonNode? data) =>
        Find(formId)?.Validate(data) ?? [Unknown(formId)];

    /// <summary>The smallest valid data; an empty object for an unknown or unresolvable form (see CheckDefinition).</summary>
    public JsonObject MinimalValid(string formId) => Find(formId)?.MinimalValid() ?? new JsonObject();

    public JsonObject MinimalValid(string formId, JsonObject given) => Find(formId)?.MinimalValid(given) ?? (JsonObject)given.DeepClone();

    private FormEntry? Find(string? formId) =>
        formId is not null && forms.TryGetValue(formId, out var form) ? form : null;

    private static FieldError Unknown(string? formId) => new(JsonPath.Root, $"未找到表单“{formId}”");
}
