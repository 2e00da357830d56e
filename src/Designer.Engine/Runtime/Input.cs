using Designer.Engine.Expressions;

namespace Designer.Engine.Runtime;

/// <summary>
/// A typed activity input: the expression read from the definition, or the default when the definition has none.
/// Evaluated through ActivityContext.Get.
/// </summary>
public sealed class Input<T>(T defaultValue) : IInput
{
    public T DefaultValue { get; } = defaultValue;
    public ExpressionModel? Expression { get; internal set; }
    public bool IsSet => Expression is not null;

    /// <summary>Why the literal cannot be read as the input's type; null when it can (or the input is computed).</summary>
    public string? LiteralError()
    {
        if (Expression is null || Expression.Type is not (ExpressionTypes.Literal or ExpressionTypes.Object or ExpressionTypes.Json)) return null;
        try { ValueConverter.Convert<T>(Expression.Value, DefaultValue); return null; }
        catch (FormatException e) { return e.Message; }
    }

    /// <summary>The literal value, when the input is a literal (ports are computed from literals).</summary>
    public T LiteralOrDefault()
    {
        if (Expression is null) return DefaultValue;
        if (Expression.Type != ExpressionTypes.Literal && Expression.Type != ExpressionTypes.Object && Expression.Type != ExpressionTypes.Json) return DefaultValue;
        try { return ValueConverter.Convert<T>(Expression.Value, DefaultValue); }
        catch (FormatException) { return DefaultValue; }
    }
}

/// <summary>An input seen without its type, for the validator.</summary>
public interface IInput
{
    ExpressionModel? Expression { get; }
    string? LiteralError();
}
