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
        if (TryConvertedLiteral(out var value)) return value;
        try { return ValueConverter.Convert<T>(Expression.Value, DefaultValue); }
        catch (FormatException) { return DefaultValue; }
    }

    // A literal of a type that can be shared (SharedLiterals: text, numbers, read-only lists and dictionaries of
    // records marked [SharedLiteral]...) is converted once, not at every step that reads it: a definition does not
    // change once read. Lists and dictionaries are handed out read-only, so that no reader can change them for the next.
    private static readonly bool Shareable = SharedLiterals.IsShareable(typeof(T));

    private ConvertedLiteral? converted;

    private sealed record ConvertedLiteral(ExpressionModel Expression, T Value);

    /// <summary>The value of a literal input of a shareable type, converted once; false for anything else (or a literal that does not convert).</summary>
    internal bool TryConvertedLiteral(out T value)
    {
        value = DefaultValue;
        if (!Shareable || Expression is not { Type: ExpressionTypes.Literal } expression) return false;
        if (converted is { } known && ReferenceEquals(known.Expression, expression))
        {
            value = known.Value;
            return true;
        }
        try { value = ValueConverter.Convert<T>(expression.Value, DefaultValue); }
        catch (FormatException) { return false; }
        value = SharedLiterals.ReadOnly(value);
        converted = new ConvertedLiteral(expression, value);
        return true;
    }
}

/// <summary>An input seen without its type, for the validator.</summary>
public interface IInput
{
    ExpressionModel? Expression { get; }
    string? LiteralError();
}
