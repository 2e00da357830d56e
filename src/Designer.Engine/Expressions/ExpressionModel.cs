using System.Text.Json.Nodes;
using Designer.Engine.Model;

namespace Designer.Engine.Expressions;

public static class ExpressionTypes
{
    public const string Literal = "Literal";
    public const string JavaScript = "JavaScript";
    public const string Object = "Object";
    public const string Json = "Json";
    public const string Variable = "Variable";
    public const string Input = "Input";
    public static readonly string[] Supported = [Literal, JavaScript, Object, Json, Variable, Input];
    /// <summary>Elsa knows these too; this engine reports them instead of running them.</summary>
    public static readonly string[] Unsupported = ["CSharp", "Liquid", "Python"];
}

/// <summary>An input's value as Elsa writes it: {"typeName": "...", "expression": {"type": "...", "value": ...}}.</summary>
public sealed record ExpressionModel(string Type, JsonNode? Value)
{
    public static ExpressionModel Literal(JsonNode? value) => new(ExpressionTypes.Literal, value);

    /// <summary>Reads an input property. A value that is not in Elsa's wrapper form is taken as a literal.</summary>
    public static ExpressionModel? FromInputJson(JsonNode? json)
    {
        if (json is null) return null;
        if (json is JsonObject wrapper && wrapper["expression"] is JsonObject expression)
            return new ExpressionModel(expression["type"].AsString() ?? ExpressionTypes.Literal, expression["value"]?.DeepClone());
        if (json is JsonObject bare && bare.Count <= 2 && bare["type"] is JsonValue && bare.ContainsKey("value") && !bare.ContainsKey("id"))
            return new ExpressionModel(bare["type"].AsString()!, bare["value"]?.DeepClone());
        return Literal(json.DeepClone());
    }

    public string? Text => Value.AsString();
}
