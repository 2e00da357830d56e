using System.Text.Json;
using System.Text.Json.Nodes;
using Designer.Engine.Forms;
using Designer.Forms.Definitions;
using Json.Schema;

namespace Designer.Forms.Validation;

/// <summary>
/// Validates form data with JsonSchema.Net (draft-07 or 2020-12, formats asserted) and reports each problem once, in
/// Chinese, at the JSON path of the field it is about: a missing required field at its own path, not its parent's.
/// </summary>
internal sealed class FormValidator
{
    // Valid data, the common case, is answered by the flag output, which stops at the first failure; the
    // hierarchical output, needed to say what is wrong and where, is made only for data that fails.
    private static readonly EvaluationOptions FlagOnly = new() { OutputFormat = OutputFormat.Flag, RequireFormatValidation = true };
    private static readonly EvaluationOptions Detailed = new() { OutputFormat = OutputFormat.Hierarchical, RequireFormatValidation = true };

    // Sub-results that carry the real problems of their parent. The others are reported by the parent itself
    // (anyOf/oneOf as one error naming the alternatives) or are not problems at all ("if" failing picks "else").
    private static readonly HashSet<string> DescendInto =
    [
        "properties", "patternProperties", "additionalProperties", "unevaluatedProperties", "dependencies", "dependentSchemas",
        "items", "additionalItems", "prefixItems", "unevaluatedItems", "allOf", "$ref", "then", "else",
    ];

    private readonly JsonObject schema;
    private readonly JsonSchema compiled;
    private readonly PlainSchema? plain;

    private FormValidator(JsonObject schema, JsonSchema compiled, PlainSchema? plain)
    {
        this.schema = schema;
        this.compiled = compiled;
        this.plain = plain;
    }

    /// <summary>Compiles the schema; throws when the validator cannot load it (an invalid pattern, an unresolvable $ref).</summary>
    /// <param name="plainChecks">
    /// Whether valid data may be recognised by the schema's <see cref="PlainSchema"/> when it has one (false: by
    /// JsonSchema.Net alone, the reference the differential tests compare with).
    /// </param>
    public static FormValidator Create(JsonObject formSchema, bool plainChecks = true)
    {
        // Forms may come from a database: never fetch a referenced file or URL.
        if (ValidationSchema.ExternalReferences(formSchema).FirstOrDefault() is { } external)
            throw new NotSupportedException($"不允许引用外部文件或网址：{external}");
        var prepared = ValidationSchema.ForValidator(formSchema);
        var compiled = Compile(prepared);
        return new FormValidator(prepared, compiled, plainChecks ? PlainSchema.TryCompile(prepared) : null);
    }

    /// <summary>Whether valid data is told by plain checks (the form uses only the keywords they know).</summary>
    public bool HasPlainChecks => plain is not null;

    /// <summary>Builds a schema in its own registry, so that forms never see each other's ids or the global registry's.</summary>
    public static JsonSchema Compile(JsonObject prepared) =>
        JsonSchema.Build(JsonSerializer.SerializeToElement(prepared), new BuildOptions { SchemaRegistry = new SchemaRegistry() });

    public IReadOnlyList<FieldError> Validate(JsonNode? data)
    {
        if (data is not JsonObject)
            return [new FieldError(JsonPath.Root, "表单数据必须是一组字段（JSON 对象）")];

        // Plain checks give JsonSchema.Net's verdict without copying the data; only failing data is copied, for the
        // hierarchical output that says what is wrong and where.
        var verdict = plain?.IsValid(data);
        if (verdict == true) return [];
        var instance = JsonSerializer.SerializeToElement(data);
        if (verdict is null && compiled.Evaluate(instance, FlagOnly).IsValid) return [];
        var results = compiled.Evaluate(instance, Detailed);
        if (results.IsValid) return [];
        var errors = new List<(bool IsTypeError, FieldError Error)>();
        Visit(results, data, errors);
        return KeepTypeErrorsAlone(errors);
    }

    /// <summary>Collects the errors of a failed result and of the sub-results that explain it.</summary>
    private void Visit(EvaluationResults result, JsonNode data, List<(bool, FieldError)> errors)
    {
        if (result.IsValid) return;
        var before = errors.Count;
        var location = DataLocation.FromPointer(result.InstanceLocation.ToString(), data);
        var evaluationPath = result.EvaluationPath.ToString();
        var keywordSchema = ValidationSchema.At(schema, evaluationPath);

        foreach (var keyword in result.Errors?.Keys.ToList() ?? [])
            errors.AddRange(Translate(keyword, location, keywordSchema, evaluationPath, data));

        // Keywords that judge their sub-results without an error of their own.
        var details = (result.Details ?? []).Select(d => (Result: d, Keyword: KeywordOf(d, evaluationPath))).ToList();
        foreach (var keyword in new[] { "anyOf", "oneOf", "not", "contains" })
        {
            var branches = details.Where(d => d.Keyword == keyword).ToList();
            if (branches.Count == 0) continue;
            var valid = branches.Count(b => b.Result.IsValid);
            var failed = keyword switch
            {
                "oneOf" => valid != 1,
                "not" => valid > 0,
                _ => valid == 0,
            };
            if (failed) errors.AddRange(Translate(keyword, location, keywordSchema, evaluationPath, data));
        }
        foreach (var (detail, _) in details.Where(d => DescendInto.Contains(d.Keyword)))
            Visit(detail, data, errors);

        // Whatever made this result fail, the user sees one error here rather than none.
        if (errors.Count == before)
            errors.AddRange(Translate("*", location, keywordSchema, evaluationPath, data));
    }

    /// <summary>The keyword under which a sub-result was evaluated: the first segment of its path below its parent's.</summary>
    private static string KeywordOf(EvaluationResults detail, string parentPath)
    {
        var path = detail.EvaluationPath.ToString();
        var below = path.Length > parentPath.Length ? path[parentPath.Length..] : "";
        var segments = SchemaTree.PointerSegments(below);
        return segments.Count > 0 ? segments[0] : "";
    }

    private IEnumerable<(bool, FieldError)> Translate(string keyword, DataLocation location, JsonObject? keywordSchema, string evaluationPath, JsonNode data)
    {
        if (keyword == "required")
        {
            // Name each missing field at its own path, with its own title.
            var value = location.ValueIn(data) as JsonObject;
            foreach (var name in keywordSchema is null ? [] : SchemaTree.RequiredNames(keywordSchema))
            {
                if (value?.ContainsKey(name) == true) continue;
                var field = location.Child(name);
                yield return (false, new FieldError(field.Path, ChineseMessages.For("required", field.Label(schema), keywordSchema, name)));
            }
            yield break;
        }
        var parentKeyword = SchemaTree.PointerSegments(evaluationPath).LastOrDefault();
        var message = ChineseMessages.For(keyword, location.Label(schema), keywordSchema, location.LastPropertyName, parentKeyword);
        yield return (keyword == "type", new FieldError(location.Path, message));
    }

    /// <summary>
    /// A value of the wrong type also fails its enum, length, required-field... checks, at its own path and below;
    /// only the type error is worth showing.
    /// </summary>
    private static IReadOnlyList<FieldError> KeepTypeErrorsAlone(IReadOnlyList<(bool IsTypeError, FieldError Error)> errors)
    {
        var mistyped = errors.Where(e => e.IsTypeError).Select(e => e.Error.Path).ToHashSet();
        return errors
            .Where(e => e.IsTypeError || !mistyped.Any(path => IsAtOrBelow(e.Error.Path, path)))
            .Select(e => e.Error)
            .Distinct()
            .ToList();
    }

    private static bool IsAtOrBelow(string path, string ancestor) =>
        path == ancestor
        || (path.StartsWith(ancestor, StringComparison.Ordinal) && path.Length > ancestor.Length && path[ancestor.Length] is '.' or '[');
}
