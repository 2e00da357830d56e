using System.Globalization;
using Designer.Engine.Domain;
using Designer.Engine.Calendar;
using Jint;
using Jint.Native;
using Jint.Native.Function;
using Jint.Runtime;
using Jint.Runtime.Descriptors;
using Jint.Runtime.Interop;
using JsEngine = Jint.Engine;

namespace Designer.Engine.Expressions;

/// <summary>
/// The helper functions every script sees: today(), isWorkingDay(d), workingDaysBetween(a, b), addWorkingDays(d, n),
/// yearOf(d), count(array, predicate?). Dates are "yyyy-MM-dd" strings (a longer ISO timestamp or a Date also works).
/// </summary>
internal sealed class ScriptHelpers(JsEngine engine, ScriptDay day)
{
    private const int MaxWorkingDays = 100_000;
    private const uint MaxCountLength = 1_000_000;

    public void Install()
    {
        Define(engine, "today", 0, _ => Iso(day.Today));
        Define(engine, "isWorkingDay", 1, args => day.Calendar.IsWorkingDay(DateArg(args, 0, "isWorkingDay")));
        Define(engine, "workingDaysBetween", 2, args =>
            day.Calendar.WorkingDaysBetween(DateArg(args, 0, "workingDaysBetween"), DateArg(args, 1, "workingDaysBetween")));
        Define(engine, "addWorkingDays", 2, args =>
            Iso(day.Calendar.AddWorkingDays(DateArg(args, 0, "addWorkingDays"), WorkingDaysArg(args, 1))));
        Define(engine, "yearOf", 1, args => DateArg(args, 0, "yearOf").Year);
        Define(engine, "count", 2, Count);
        RefuseChance();
    }

    /// <summary>
    /// Scripts must give the same answer on every replay: the clock is the engine's (Jint's time system, see
    /// <see cref="ScriptTimeSystem"/>), and Math.random is not available.
    /// </summary>
    private void RefuseChance()
    {
        var math = engine.Global.Get("Math").AsObject();
        math.DefineOwnProperty("random", new PropertyDescriptor(new ClrFunction(engine, "random", (_, _) =>
            throw TypeError(engine, "Math.random 不可用：流程脚本必须可重复执行 (not available: scripts must be deterministic)")),
            writable: true, enumerable: false, configurable: true));
    }

    public static void Define(JsEngine engine, string name, int length, Func<JsValue[], JsValue> body) =>
        engine.SetValue(name, new ClrFunction(engine, name, (_, args) => body(args), length));

    public static JavaScriptException TypeError(JsEngine engine, string message) => new(engine.Intrinsics.TypeError, message);

    private static JsValue Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private DateOnly DateArg(JsValue[] args, int index, string function)
    {
        var value = Arguments.At(args, index);
        if (value.IsString() && TryParseIsoDate(value.AsString(), out var date)) return date;
        if (value.IsObject() && value.AsObject() is JsDate instance && Math.Abs(instance.DateValue) <= 8.64e15)
            return DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds((long)instance.DateValue).UtcDateTime);
        throw TypeError(engine, $"{function}: argument {index + 1} must be a date \"yyyy-MM-dd\", not {Describe(value)}");
    }

    private static bool TryParseIsoDate(string text, out DateOnly date)
    {
        date = default;
        return (text.Length == 10 || (text.Length > 10 && text[10] is 'T' or ' '))
               && IsoDate.TryParse(text.AsSpan(0, 10), out date);
    }

    private int WorkingDaysArg(JsValue[] args, int index)
    {
        var value = Arguments.At(args, index);
        var number = value.IsNumber() ? value.AsNumber() : double.NaN;
        if (Math.Floor(number) != number || Math.Abs(number) > MaxWorkingDays)
            throw TypeError(engine, $"addWorkingDays: argument {index + 1} must be a whole number of days up to {MaxWorkingDays}, not {Describe(value)}");
        return (int)number;
    }

    /// <summary>count(array): its length; count(array, fn): elements for which fn(element, index, array) is truthy.</summary>
    private JsValue Count(JsValue[] args)
    {
        var list = Arguments.At(args, 0);
        if (list.IsNull() || list.IsUndefined()) return 0;
        if (!list.IsArray()) throw TypeError(engine, $"count: argument 1 must be an array, not {Describe(list)}");
        var array = list.AsArray();
        var length = TypeConverter.ToUint32(array.Get("length"));
        if (length > MaxCountLength) throw TypeError(engine, $"count: arrays longer than {MaxCountLength} are not supported");

        var predicate = Arguments.At(args, 1);
        if (predicate.IsUndefined()) return length;
        if (!predicate.IsObject() || predicate.AsObject() is not Function function)
            throw TypeError(engine, $"count: argument 2 must be a function, not {Describe(predicate)}");

        var matches = 0;
        for (uint i = 0; i < length; i++)
        {
            var key = i.ToString(CultureInfo.InvariantCulture);
            if (!array.HasProperty(key)) continue;   // skip holes, as Array.prototype.filter does
            if (TypeConverter.ToBoolean(function.Call(JsValue.Undefined, [array.Get(key), i, list]))) matches++;
        }
        return matches;
    }

    private static string Describe(JsValue value) =>
        value.IsString() ? $"\"{value.AsString()}\"" : value.IsObject() ? (value.IsArray() ? "an array" : "an object") : TypeConverter.ToString(value);
}
