using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Native.Symbol;
using Jint.Runtime;
using Jint.Runtime.Descriptors;
using Jint.Runtime.Interop;
using JsEngine = Jint.Engine;
using JsFunction = Jint.Native.Function.Function;

namespace Designer.Engine.Expressions;

/// <summary>
/// Closes what Jint's limits leave open. Jint checks its time, statement and memory limits between statements and
/// inside its long built-in loops (Array.prototype.join, fill, Array.from, split …), and stops a regular expression
/// at its match timeout; but a few built-ins build a huge value in one step that nothing interrupts
/// (`'a'.repeat(1e6).replaceAll('a', 'x'.repeat(300))` runs three seconds, `a.flat(Infinity)` of `a = [a, a]` many
/// times or a default sort of millions far longer). Those calls are checked first and refused when their result would
/// pass <see cref="SandboxLimits.MaxStringLength"/> or <see cref="SandboxLimits.MaxArrayLength"/>.
/// Globals a workflow script has no use for, and that would reach the machine's clock (Intl's formatters), block a
/// thread (Atomics.wait), allocate gigabytes at once (ArrayBuffer, typed arrays) or depend on the garbage collector
/// (WeakRef), are removed.
/// </summary>
internal sealed class ScriptNativeGuards(JsEngine engine, SandboxLimits limits)
{
    private static readonly string[] RemovedGlobals =
    [
        "Intl", "Temporal", "ShadowRealm", "WeakRef", "FinalizationRegistry", "Atomics", "SharedArrayBuffer", "ArrayBuffer",
        "DataView", "Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array", "Uint32Array",
        "Float16Array", "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array",
    ];

    public void Install()
    {
        foreach (var name in RemovedGlobals) engine.Global.Delete(name);

        var strings = PrototypeOf("String");
        Wrap(strings, "repeat", 1, Repeat);
        Wrap(strings, "padStart", 1, Pad);
        Wrap(strings, "padEnd", 1, Pad);
        Wrap(strings, "replace", 2, (native, thisValue, args) => Replace(native, thisValue, args, all: false));
        Wrap(strings, "replaceAll", 2, (native, thisValue, args) => Replace(native, thisValue, args, all: true));
        Wrap(strings, "concat", 1, Concat);
        Wrap(PrototypeOf("RegExp"), GlobalSymbolRegistry.Replace, 2, RegExpReplace);

        var arrays = PrototypeOf("Array");
        Wrap(arrays, "join", 1, Join);
        Wrap(arrays, "flat", 0, Flat);
        Wrap(arrays, "sort", 1, Sort);
        Wrap(arrays, "toSorted", 1, Sort);
    }

    private delegate JsValue Guarded(JsFunction native, JsValue thisValue, JsValue[] args);

    private void Wrap(ObjectInstance prototype, JsValue key, int length, Guarded guarded)
    {
        if (prototype.Get(key) is not JsFunction native) return;
        var name = key.IsSymbol() ? "[Symbol.replace]" : key.ToString();
        var wrapper = new ClrFunction(engine, name, (thisValue, args) => guarded(native, thisValue, args), length);
        prototype.DefineOwnProperty(key, new PropertyDescriptor(wrapper, writable: true, enumerable: false, configurable: true));
    }

    private JsValue Repeat(JsFunction native, JsValue thisValue, JsValue[] args)
    {
        var text = ThisString(thisValue, "repeat");
        var count = TypeConverter.ToNumber(Arguments.At(args, 0));
        if (text.Length > 0 && count > 0 && !double.IsInfinity(count)) Ensure(text.Length * Math.Floor(count), "String.prototype.repeat");
        return native.Call(text, [count]);
    }

    private JsValue Pad(JsFunction native, JsValue thisValue, JsValue[] args)
    {
        var text = ThisString(thisValue, "padStart/padEnd");
        var maxLength = TypeConverter.ToNumber(Arguments.At(args, 0));
        var filler = Arguments.At(args, 1);
        var fill = filler.IsUndefined() ? (JsValue)" " : TypeConverter.ToString(filler);
        if (maxLength > text.Length && fill.ToString().Length > 0) Ensure(maxLength, "String.prototype.padStart/padEnd");
        return native.Call(text, [maxLength, fill]);
    }

    private JsValue Replace(JsFunction native, JsValue thisValue, JsValue[] args, bool all)
    {
        var search = Arguments.At(args, 0);
        var replacement = Arguments.At(args, 1);
        // A replacer function runs as script, under the limits; a regular expression is checked in RegExpReplace.
        if (IsCallable(replacement) || search.IsObject()) return native.Call(thisValue, args);

        var text = ThisString(thisValue, all ? "replaceAll" : "replace");
        var pattern = TypeConverter.ToString(search);
        var with = TypeConverter.ToString(replacement);
        var matches = all ? Occurrences(text, pattern) : text.Contains(pattern, StringComparison.Ordinal) ? 1 : 0;
        Ensure(text.Length + matches * ExpandedLength(with, text.Length), all ? "String.prototype.replaceAll" : "String.prototype.replace");
        return native.Call(text, [pattern, with]);
    }

    private JsValue RegExpReplace(JsFunction native, JsValue thisValue, JsValue[] args)
    {
        var replacement = Arguments.At(args, 1);
        if (IsCallable(replacement) || !thisValue.IsObject()) return native.Call(thisValue, args);

        var text = TypeConverter.ToString(Arguments.At(args, 0));
        var with = TypeConverter.ToString(replacement);
        var global = TypeConverter.ToBoolean(thisValue.AsObject().Get("global"));
        var expanded = ExpandedLength(with, text.Length);
        // At most one match per position; only when even that could pass the limit are the matches counted.
        if (global && text.Length + (text.Length + 1.0) * expanded > limits.MaxStringLength)
            Ensure(text.Length + CountMatches(thisValue, text) * expanded, "RegExp.prototype[Symbol.replace]");
        else if (!global)
            Ensure(text.Length + expanded, "RegExp.prototype[Symbol.replace]");
        return native.Call(thisValue, [text, with]);
    }

    private JsValue Concat(JsFunction native, JsValue thisValue, JsValue[] args)
    {
        var parts = new JsValue[args.Length];
        double length = ThisString(thisValue, "concat").Length;
        for (var i = 0; i < args.Length; i++)
        {
            var part = TypeConverter.ToString(args[i]);
            length += part.Length;
            parts[i] = part;
        }
        Ensure(length, "String.prototype.concat");
        return native.Call(TypeConverter.ToString(thisValue), parts);
    }

    /// <summary>The separators and the string elements are counted; an object element's toString runs as script, under the limits.</summary>
    private JsValue Join(JsFunction native, JsValue thisValue, JsValue[] args)
    {
        if (!thisValue.IsObject()) return native.Call(thisValue, args);
        var array = thisValue.AsObject();
        var count = (double)TypeConverter.ToLength(array.Get("length"));
        var separator = Arguments.At(args, 0);
        var separatorText = separator.IsUndefined() ? "," : TypeConverter.ToString(separator);
        var length = Math.Max(0, count - 1) * separatorText.Length;
        Ensure(length, "Array.prototype.join");
        for (uint i = 0; i < count && length <= limits.MaxStringLength; i++)
            if (array.Get(i) is JsString element) length += element.Length;
        Ensure(length, "Array.prototype.join");
        return native.Call(thisValue, [separatorText]);
    }

    /// <summary>
    /// An array whose elements are one array many times flattens to exponentially many elements, and one that contains
    /// itself never ends; the elements are counted first (each distinct array and depth once, so the count is quick).
    /// </summary>
    private JsValue Flat(JsFunction native, JsValue thisValue, JsValue[] args)
    {
        if (!thisValue.IsObject()) return native.Call(thisValue, args);
        var depthArgument = Arguments.At(args, 0);
        var depth = depthArgument.IsUndefined() ? 1 : TypeConverter.ToIntegerOrInfinity(depthArgument);
        if (Flattened(thisValue.AsObject(), depth, new Dictionary<(ObjectInstance, double), double>(), level: 0) > limits.MaxArrayLength)
            throw new ScriptLimitException($"数组过长 (Array.prototype.flat would build more than {limits.MaxArrayLength} elements)");
        return native.Call(thisValue, [depth]);
    }

    private double Flattened(ObjectInstance array, double depth, Dictionary<(ObjectInstance, double), double> counted, int level)
    {
        if (counted.TryGetValue((array, depth), out var known)) return known;
        if (level > limits.MaxRecursionDepth) return double.PositiveInfinity;   // contains itself, or nested too deep
        var length = TypeConverter.ToLength(array.Get("length"));
        double elements = 0;
        for (ulong i = 0; i < length && elements <= limits.MaxArrayLength; i++)
        {
            var element = array.Get(i);
            elements += depth > 0 && element.IsArray() ? Flattened(element.AsObject(), depth - 1, counted, level + 1) : 1;
        }
        counted[(array, depth)] = elements;
        return elements;
    }

    /// <summary>The default comparison runs natively and uninterrupted (three million elements take five seconds).</summary>
    private JsValue Sort(JsFunction native, JsValue thisValue, JsValue[] args)
    {
        if (Arguments.At(args, 0).IsUndefined() && thisValue.IsObject()
            && TypeConverter.ToLength(thisValue.AsObject().Get("length")) > MaxDefaultSortLength)
            throw new ScriptLimitException(
                $"数组过长，无法排序 (sorting more than {MaxDefaultSortLength} elements without a comparison function is not allowed)");
        return native.Call(thisValue, args);
    }

    private const int MaxDefaultSortLength = 100_000;

    private double CountMatches(JsValue regExp, string text)
    {
        var match = PrototypeOf("RegExp").Get(GlobalSymbolRegistry.Match);
        if (match is not JsFunction matchAll) return text.Length + 1.0;
        var found = matchAll.Call(regExp, [text]);
        return found.IsNull() ? 0 : TypeConverter.ToNumber(found.AsObject().Get("length"));
    }

    /// <summary>The longest text one replacement can insert: `$&amp;`, `` $` `` and `$'` each insert up to the whole input.</summary>
    private static double ExpandedLength(string replacement, int inputLength)
    {
        var dollars = replacement.AsSpan().Count('$');
        return replacement.Length + (double)dollars * inputLength;
    }

    private static double Occurrences(string text, string pattern)
    {
        if (pattern.Length == 0) return text.Length + 1.0;
        var count = 0;
        for (var at = text.IndexOf(pattern, StringComparison.Ordinal); at >= 0; at = text.IndexOf(pattern, at + pattern.Length, StringComparison.Ordinal))
            count++;
        return count;
    }

    private void Ensure(double resultLength, string function)
    {
        if (resultLength > limits.MaxStringLength)
            throw new ScriptLimitException(
                $"字符串过长 ({function} would build a string of {resultLength:0} characters; the limit is {limits.MaxStringLength})");
    }

    private string ThisString(JsValue thisValue, string function)
    {
        if (thisValue.IsNull() || thisValue.IsUndefined())
            throw new Jint.Runtime.JavaScriptException(engine.Intrinsics.TypeError, $"String.prototype.{function} called on null or undefined");
        return TypeConverter.ToString(thisValue);
    }

    private static bool IsCallable(JsValue value) => value.IsCallable();

    private ObjectInstance PrototypeOf(string constructor) => engine.Global.Get(constructor).AsObject().Get("prototype").AsObject();
}
