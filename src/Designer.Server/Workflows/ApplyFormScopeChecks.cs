using System.Text.Json.Nodes;
using Designer.Engine.Domain;
using Designer.Engine.Forms;
using Designer.Engine.Model;
using Designer.Engine.Validation;
using Designer.Server.Forms;

namespace Designer.Server.Workflows;

/// <summary>
/// A procedure's scope names only what its apply form lets an applicant choose: a series added to the vocabulary (会计)
/// and put in a procedure's scope is refused at publish, naming the series and the form's field, until the form offers
/// it. Without this the procedure publishes and nobody can ever apply to it.
/// </summary>
public static class ApplyFormScopeChecks
{
    private static readonly (string Scope, string Field, string Vocabulary, string Name)[] Dimensions =
    [
        ("series", "series", "series", "专业系列"), ("levels", "level", "levels", "层级"),
        ("kinds", "kind", "kinds", "申报类别"), ("employmentTypes", "employmentType", "employmentTypes", "人员类别"),
    ];

    public static IEnumerable<ValidationProblem> Run(WorkflowDefinition definition, IFormCatalog forms, VocabularySet vocabulary)
    {
        if (FormCatalogs.ApplyForm(definition) is not { } formId || !forms.Exists(formId)) yield break;
        var properties = forms.GetSchema(formId)?["properties"] as JsonObject;
        var scope = definition.Scope;
        foreach (var (scopeField, field, kind, name) in Dimensions)
        {
            if (properties?[field]?["enum"] is not JsonArray options) continue;
            var offered = options.Select(o => o?.GetValueKind() == System.Text.Json.JsonValueKind.String ? o.GetValue<string>() : null).ToHashSet();
            var codes = scopeField switch
            {
                "series" => scope.Series, "levels" => scope.Levels, "kinds" => scope.Kinds, _ => scope.EmploymentTypes,
            };
            foreach (var code in codes.Where(c => !offered.Contains(c)))
                yield return new ValidationProblem(null, $"$.customProperties.scope.{scopeField}", ProblemCodes.InvalidScope,
                    $"适用范围的{name}“{vocabulary.Name(kind, code)}”不在申报表“{formId}”的 {field} 选项中，申报人无法选择；请在申报表中加上该选项" +
                    $" (the apply form '{formId}' offers no {field} '{code}')");
        }
    }
}
