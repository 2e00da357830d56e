using Designer.Engine.Expressions;

namespace Designer.Engine.Runtime;

/// <summary>
/// A typed activity input: the expression read from the definition, or the default when the definition has none.
/// Evaluated through ActivityContext.Get.
/// </summary>
public sealed class Input<T>(T defaultValue)
{
    public T DefaultValue { get; } = defaultValue;
    public ExpressionModel? Expression { get; internal set; }
    public bool IsSet => Expression is not null;

    /// <summary>The literal value, when the input is a literal (ports are computed from literals).</summary>
    public T LiteralOrDefault()
    {
        if (Expression is null) return DefaultValue;
        if (Expression.Type != ExpressionTypes.Literal && Expression.Type != ExpressionTypes.Object && Expression.Type != ExpressionTypes.Json) return DefaultValue;
        try { return ValueConverter.Convert<T>(Expression.Value, DefaultValue); }
        catch (FormatException) { return DefaultValue; }
    }
}
