using Jint.Native;
using Jint.Parser;
using Jint.Runtime;
using JsEngine = Jint.Engine;

namespace Designer.Engine.Expressions;

/// <summary>Turns whatever a script run throws into a <see cref="ScriptFaultException"/>: Chinese first, English detail after.</summary>
internal static class ScriptFaults
{
    public static ScriptFaultException Syntax(ScriptSyntaxError error) =>
        new($"语法错误: {error.Message} (syntax error at line {error.Line}, column {error.Column})");

    public static ScriptFaultException From(Exception ex, SandboxLimits limits, JsEngine engine)
    {
        try
        {
            return Translate(ex, limits, engine);
        }
        catch (Exception)   // describing a broken engine's state must not fail in turn
        {
            return new ScriptFaultException($"脚本错误: {ex.Message}");
        }
    }

    private static ScriptFaultException Translate(Exception ex, SandboxLimits limits, JsEngine engine) => ex switch
    {
        ScriptFaultException fault => fault,
        TimeoutException => new($"脚本执行超时 (time limit {Describe(limits.Timeout)} exceeded)"),
        StatementsCountOverflowException => new($"脚本执行超时 (statement limit {limits.MaxStatements} exceeded)"),
        RecursionDepthOverflowException => new($"递归过深 (recursion depth limit {limits.MaxRecursionDepth} exceeded)"),
        InsufficientExecutionStackException => new("递归过深 (the execution stack is exhausted)"),
        ScriptMemoryLimitException => new($"内存超限 (memory limit {Megabytes(limits.MaxMemoryBytes)} exceeded)"),
        OutOfMemoryException => new($"内存超限 (out of memory; limit {Megabytes(limits.MaxMemoryBytes)})"),
        JavaScriptException js => new($"脚本错误: {DescribeThrown(js.Error)}{AtLine(js.LineNumber, engine)}"),
        ParserException parse => new($"语法错误: {parse.Description} (syntax error in code built at run time, line {parse.LineNumber})"),
        ScriptValueException value => new($"脚本结果无法转换为 JSON (the result has no JSON form: {value.Message})"),
        _ => new($"脚本错误: {ex.Message}{AtLine(0, engine)}"),
    };

    private static string DescribeThrown(JsValue error)
    {
        if (!error.IsObject()) return TypeConverter.ToString(error);
        var name = DataProperty(error.AsObject(), "name");
        var message = DataProperty(error.AsObject(), "message");
        if (!message.IsString() && !name.IsString()) return $"[object {error.AsObject().Class}]";
        var text = message.IsString() ? message.AsString() : "";
        if (!name.IsString()) return text;
        return text.Length == 0 ? name.AsString() : $"{name.AsString()}: {text}";
    }

    // Reads a property without running a getter: the script has already failed and must not run again.
    private static JsValue DataProperty(Jint.Native.Object.ObjectInstance obj, string name)
    {
        var descriptor = obj.GetProperty(name);
        return descriptor.IsDataDescriptor() ? descriptor.Value ?? JsValue.Undefined : JsValue.Undefined;
    }

    private static string AtLine(int line, JsEngine engine)
    {
        if (line <= 0) line = engine.GetLastSyntaxNode()?.Location?.Start.Line ?? 0;
        return line > 0 ? $" (line {line})" : "";
    }

    private static string Describe(TimeSpan time) =>
        time.TotalSeconds >= 1 && time.Milliseconds == 0 ? $"{time.TotalSeconds:0}s" : $"{time.TotalMilliseconds:0}ms";

    private static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024):0.#} MB";
}
