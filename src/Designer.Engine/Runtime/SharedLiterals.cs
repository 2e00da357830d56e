using System.Collections.ObjectModel;
using System.Runtime.CompilerServices;

namespace Designer.Engine.Runtime;

/// <summary>
/// Marks a record (an input's element type, such as a form gate or a scoring criterion) whose literals the engine
/// converts once per definition and shares between every step that reads them (<see cref="Input{T}"/>): readers only
/// read it, never change it or the JSON it holds.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false)]
public sealed class SharedLiteralAttribute : Attribute;

/// <summary>
/// Which input types a literal may be converted once for and shared: text, numbers, flags, enums, read-only structs
/// (a share, a time span), records marked <see cref="SharedLiteralAttribute"/>, and read-only lists and dictionaries
/// (by text) of those, which are handed out read-only.
/// </summary>
internal static class SharedLiterals
{
    public static bool IsShareable(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal)
        || type.IsValueType && type.IsDefined(typeof(IsReadOnlyAttribute), inherit: false)
        || type.IsDefined(typeof(SharedLiteralAttribute), inherit: false)
        || ListElement(type) is { } element && IsShareable(element)
        || DictionaryValue(type) is { } value && IsShareable(value);

    /// <summary>The value as it may be shared: a list or dictionary wrapped so that no reader can change it.</summary>
    public static T ReadOnly<T>(T value)
    {
        if (value is null) return value;
        if (ListElement(typeof(T)) is { } element)
            return (T)Activator.CreateInstance(typeof(ReadOnlyCollection<>).MakeGenericType(element), Copy(value, element))!;
        if (DictionaryValue(typeof(T)) is { } entry)
            return (T)Activator.CreateInstance(typeof(ReadOnlyDictionary<,>).MakeGenericType(typeof(string), entry), value)!;
        return value;
    }

    // The list the converter made is copied into an array, so that not even a cast back to List<T> can change it.
    private static object Copy(object list, Type element)
    {
        var items = ((System.Collections.IEnumerable)list).Cast<object?>().ToArray();
        var array = Array.CreateInstance(element, items.Length);
        for (var i = 0; i < items.Length; i++) array.SetValue(items[i], i);
        return array;
    }

    private static Type? ListElement(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? type.GetGenericArguments()[0] : null;

    private static Type? DictionaryValue(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>) && type.GetGenericArguments()[0] == typeof(string)
            ? type.GetGenericArguments()[1] : null;
}
