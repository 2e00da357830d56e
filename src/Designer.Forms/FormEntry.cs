using System.Text.Json.Nodes;
using Designer.Engine.Forms;
using Designer.Forms.Definitions;
using Designer.Forms.Sampling;
using Designer.Forms.Validation;

namespace Designer.Forms;

/// <summary>One form of the catalog: its resolved schema and UI schema, its definition problems, and its validator.</summary>
internal sealed class FormEntry
{
    private readonly FormValidator? validator;
    private readonly string? loadError;

    public FormEntry(string id, ResolvedForm resolved)
    {
        Id = id;
        Schema = resolved.Schema;
        Ui = resolved.Ui;
        var problems = resolved.Problems.ToList();
        if (Schema is not null)
        {
            problems.AddRange(DefinitionChecker.Check(Schema));
            problems.AddRange(UiDefinitionChecker.Check(Schema, Ui));
            try
            {
                validator = FormValidator.Create(Schema);
            }
            catch (Exception e)
            {
                loadError = e.Message;
                // The checker's finding (an invalid pattern at its path) says more than the validator's exception.
                if (problems.Count == 0) problems.Add(new FieldError(JsonPath.Root, $"校验器无法加载该表单：{e.Message}"));
            }
        }
        Problems = problems;
    }

    public string Id { get; }
    public JsonObject? Schema { get; }
    public JsonObject Ui { get; }
    public IReadOnlyList<FieldError> Problems { get; }

    public IReadOnlyList<FieldError> Validate(JsonNode? data)
    {
        if (validator is null)
            return [new FieldError(JsonPath.Root, $"表单“{Id}”的定义有误，无法校验：{loadError ?? Problems.FirstOrDefault()?.Message}")];
        try
        {
            return validator.Validate(data);
        }
        catch (Exception e)
        {
            // e.g. a pattern that does not compile (CheckDefinition reports it too), or data that cannot be serialised.
            return [new FieldError(JsonPath.Root, $"表单“{Id}”无法校验：{e.Message}")];
        }
    }

    /// <summary>The given fields plus the smallest valid values of what the form (and its conditions on the given values) still requires.</summary>
    public JsonObject MinimalValid(JsonObject given)
    {
        if (Schema is null) return (JsonObject)given.DeepClone();
        try
        {
            return MinimalData.Completing(Schema, given);
        }
        catch (Exception)
        {
            return (JsonObject)given.DeepClone();
        }
    }

    public JsonObject MinimalValid()
    {
        if (Schema is null) return new JsonObject();
        try
        {
            return MinimalData.For(Schema) as JsonObject ?? new JsonObject();
        }
        catch (Exception)
        {
            // absurd bounds such as "minimum": 1e40, a condition the validator cannot load: CheckDefinition reports them
            return new JsonObject();
        }
    }
}
