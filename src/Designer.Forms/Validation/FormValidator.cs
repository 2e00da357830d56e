using System.Text.Json.Nodes;
using Designer.Engine.Forms;
using NJsonSchema;
using NJsonSchema.Validation;

namespace Designer.Forms.Validation;

/// <summary>Validates form data with NJsonSchema and reports each problem once, in Chinese, at its JSON path.</summary>
internal sealed class FormValidator
{
    private static readonly HashSet<ValidationErrorKind> TypeErrors =
    [
        ValidationErrorKind.StringExpected, ValidationErrorKind.NumberExpected, ValidationErrorKind.IntegerExpected,
        ValidationErrorKind.BooleanExpected, ValidationErrorKind.ObjectExpected, ValidationErrorKind.ArrayExpected,
        ValidationErrorKind.NullExpected, ValidationErrorKind.NoTypeValidates,
    ];

    private readonly JsonObject schema;
    private readonly JsonSchema compiled;

    private FormValidator(JsonObject schema, JsonSchema compiled)
    {
        this.schema = schema;
        this.compiled = compiled;
    }

    /// <summary>Compiles the schema; throws when NJsonSchema cannot load it.</summary>
    public static FormValidator Create(JsonObject formSchema)
    {
        // NJsonSchema would fetch external references from disk or the network; forms may come from a database.
        if (ValidationSchema.ExternalReferences(formSchema).FirstOrDefault() is { } external)
            throw new NotSupportedException($"不允许引用外部文件或网址：{external}");
        var normalised = ValidationSchema.Normalise(formSchema);
        var compiled = JsonSchema.FromJsonAsync(normalised.ToJsonString()).GetAwaiter().GetResult();
        return new FormValidator(normalised, compiled);
    }

    public IReadOnlyList<FieldError> Validate(JsonNode? data)
    {
        if (data is not JsonObject)
            return [new FieldError(JsonPath.Root, "表单数据必须是一组字段（JSON 对象）")];

        var errors = Flatten(compiled.Validate(data.ToJsonString())).Select(Translate);
        return KeepTypeErrorsAlone(errors.ToList());
    }

    private (ValidationErrorKind Kind, FieldError Error) Translate(ValidationError error)
    {
        var location = DataLocation.FromValidatorPath(error.Path);
        var message = ChineseMessages.For(error.Kind, location.Label(schema), location.SchemaIn(schema), location.LastPropertyName ?? error.Property);
        return (error.Kind, new FieldError(location.Path, message));
    }

    // Errors about list items and "all of" parts carry the real problems as children; alternatives (anyOf/oneOf)
    // are reported as one error, since the children of each failed branch would only confuse.
    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors)
    {
        foreach (var error in errors)
        {
            if (error is ChildSchemaValidationError parent && error.Kind is not (ValidationErrorKind.NotAnyOf or ValidationErrorKind.NotOneOf))
            {
                foreach (var child in Flatten(parent.Errors.SelectMany(e => e.Value)))
                    yield return child;
            }
            else yield return error;
        }
    }

    /// <summary>
    /// A value of the wrong type also fails its enum, length, required-field... checks, at its own path and below;
    /// only the type error is worth showing.
    /// </summary>
    private static IReadOnlyList<FieldError> KeepTypeErrorsAlone(IReadOnlyList<(ValidationErrorKind Kind, FieldError Error)> errors)
    {
        var mistyped = errors.Where(e => TypeErrors.Contains(e.Kind)).Select(e => e.Error.Path).ToHashSet();
        return errors
            .Where(e => TypeErrors.Contains(e.Kind) || !mistyped.Any(path => IsAtOrBelow(e.Error.Path, path)))
            .Select(e => e.Error)
            .Distinct()
            .ToList();
    }

    private static bool IsAtOrBelow(string path, string ancestor) =>
        path == ancestor
        || (path.StartsWith(ancestor, StringComparison.Ordinal) && path[ancestor.Length] is '.' or '[');
}
