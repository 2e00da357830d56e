using System.Text.RegularExpressions;
using Jint;
using Jint.Native;
using Jint.Runtime;
using Jint.Runtime.Descriptors;

namespace Designer.Engine.Expressions;

/// <summary>Turns whatever a script run throws into a <see cref="ScriptFaultException"/>: Chinese first, English detail after.</summary>
internal static class ScriptFaults
{
    public static ScriptFaultException Syntax(ScriptSyntaxError error) =>
        new($"语法错误: {error.Message} (syntax error at line {error.Line}, column {error.Column})");

    public static ScriptFaultException From(Exception ex, SandboxLimits limits)
    {
        try
        {
            return Translate(ex, limits);
        }
        catch (Exception)   // describing a broken engine's state must not fail in turn
        {
            return new ScriptFaultException($"脚本错误: {ex.Message}");
        }
    }

    private static ScriptFaultException Translate(Exception ex, SandboxLimits limits) => ex switch
    {
        ScriptFaultException fault => fault,
        RegexMatchTimeoutException => new($"脚本执行超时 (a regular expression ran past the time limit {Describe(limits.Timeout)})"),
        TimeoutException => new($"脚本执行超时 (time limit {Describe(limits.Timeout)} exceeded)"),
        StatementsCountOverflowException => new($"脚本执行超时 (statement limit {limits.MaxStatements} exceeded)"),
        RecursionDepthOverflowException => new($"递归过深 (recursion depth limit {limits.MaxRecursionDepth} exceeded)"),
        InsufficientExecutionStackException => new("递归过深 (the execution stack is exhausted)"),
        JavaScriptException { Error: var error } when IsStackOverflow(error) => new("递归过深 (maximum call stack size exceeded)"),
        MemoryLimitExceededException memory when memory.Message.StartsWith("The array size", StringComparison.Ordinal) =>
            new($"内存超限 (array length limit {limits.MaxArrayLength} exceeded)"),
        MemoryLimitExceededException => new($"内存超限 (memory limit {Megabytes(limits.MaxMemoryBytes)} exceeded)"),
        ScriptLimitException limit => new(limit.Message),
        OutOfMemoryException => new($"内存超限 (out of memory; limit {Megabytes(limits.MaxMemoryBytes)})"),
        JavaScriptException js => new($"脚本错误: {DescribeThrown(js.Error)}{AtLine(js)}"),
        ScriptValueException value => new($"脚本结果无法转换为 JSON (the result has no JSON form: {value.Message})"),
        _ => new($"脚本错误: {ex.Message}"),
    };

    // Jint's stack-overflow guard raises a RangeError; past that point the script is out of stack, not in error.
    private static bool IsStackOverflow(JsValue error) =>
        error.IsObject() && DataProperty(error.AsObject(), "message") is { } message && message.IsString()
        && message.AsString() == "Maximum call stack size exceeded";

    private static string DescribeThrown(JsValue error)
    {
        if (!error.IsObject()) return TypeConverter.ToString(error);
        var name = DataProperty(error.AsObject(), "name");
        var message = DataProperty(error.AsObject(), "message");
        if (!message.IsString() && !name.IsString()) return error.IsArray() ? "[object Array]" : "[object Object]";
        var text = message.IsString() ? message.AsString() : "";
        if (!name.IsString()) return text;
        return text.Length == 0 ? name.AsString() : $"{name.AsString()}: {text}";
    }

    // Reads a property without running a getter: the script has already failed and must not run again.
    private static JsValue DataProperty(Jint.Native.Object.ObjectInstance obj, string name)
    {
        for (var owner = obj; owner is not null; owner = owner.Prototype)
        {
            var descriptor = owner.GetOwnProperty(name);
            if (descriptor == PropertyDescriptor.Undefined) continue;
            return descriptor.IsDataDescriptor() ? descriptor.Value ?? JsValue.Undefined : JsValue.Undefined;
        }
        return JsValue.Undefined;
    }

    /// <summary>The line in the workflow's script; none when the error arose in the sandbox's own JavaScript (JSON.stringify).</summary>
    private static string AtLine(JavaScriptException js) =>
        js.Location.Start.Line > 0 && js.Location.SourceFile != ScriptJson.SourceName ? $" (line {js.Location.Start.Line})" : "";

    private static string Describe(TimeSpan time) =>
        time.TotalSeconds >= 1 && time.Milliseconds == 0 ? $"{time.TotalSeconds:0}s" : $"{time.TotalMilliseconds:0}ms";

    private static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024):0.#} MB";
}
