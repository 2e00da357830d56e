using System.Text.Json.Nodes;

namespace Designer.Engine.Forms;

/// <summary>A problem with form data or a form definition; Path is a JSON path such as "$.name" or "$.properties.level".</summary>
public sealed record FieldError(string Path, string Message)
{
    /// <summary>The same place as a JSON pointer (RFC 6901): "$.evidence[0].fileName" is "/evidence/0/fileName", "$" is "".</summary>
    public string Pointer => FieldPointer.FromPath(Path);
}

/// <summary>
/// The forms a workflow step may reference by id ("apply", "&lt;locality&gt;/apply", "review-opinion"...).
/// The engine sees forms only through this interface; Designer.Forms implements it with JSON Schema (draft-07 or 2020-12).
/// </summary>
public interface IFormCatalog
{
    bool Exists(string formId);

    IEnumerable<string> FormIds { get; }

    /// <summary>The fully resolved schema (extensions merged), or null when unknown.</summary>
    JsonObject? GetSchema(string formId);

    /// <summary>
    /// A copy of one field's schema in the resolved schema (<see cref="FormFields.SchemaAt"/>: `["evidence", "0",
    /// "fileName"]`), or null when the form or the field is unknown: what a step needs of a form without copying all of it.
    /// </summary>
    JsonObject? GetFieldSchema(string formId, IReadOnlyList<string> segments) =>
        FormFields.SchemaAt(GetSchema(formId), segments);

    JsonObject? GetUiSchema(string formId);

    /// <summary>Problems in the form definition itself (unknown form, invalid schema); empty when sound.</summary>
    IReadOnlyList<FieldError> CheckDefinition(string formId);

    /// <summary>Per-field errors, messages in Chinese; empty when the data is valid.</summary>
    IReadOnlyList<FieldError> Validate(string formId, JsonNode? data);

    /// <summary>The smallest data that validates: required fields only, each at its minimum / first option.</summary>
    JsonObject MinimalValid(string formId);

    /// <summary>
    /// The given fields kept, plus the smallest values of the fields still required, conditions decided on the given
    /// values. The default overlays the given fields on <see cref="MinimalValid(string)"/>.
    /// </summary>
    JsonObject MinimalValid(string formId, JsonObject given)
    {
        var data = MinimalValid(formId);
        foreach (var (field, value) in given) data[field] = value?.DeepClone();
        return data;
    }
}
