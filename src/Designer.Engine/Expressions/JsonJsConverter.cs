using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jint;
using JsEngine = Jint.Engine;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Descriptors;
using JsFunction = Jint.Native.Function.Function;

namespace Designer.Engine.Expressions;

/// <summary>A script value that has no JSON form (a cycle, too deep, too large).</summary>
internal sealed class ScriptValueException(string message) : Exception(message);

/// <summary>
/// Converts between System.Text.Json nodes and Jint values. Only plain data crosses: never a CLR object,
/// so scripts cannot reach .NET through a converted value. JS → JSON follows JSON.stringify (functions and
/// undefined are dropped from objects and become null in arrays) but never runs script code (getters, toJSON).
/// </summary>
internal static class JsonJsConverter
{
    private const int MaxDepth = 64;
    private const int MaxNodes = 1_000_000;

    public static JsValue ToJs(JsEngine engine, JsonNode? node) => node switch
    {
        null => JsValue.Null,
        JsonObject obj => ObjectToJs(engine, obj),
        JsonArray array => ArrayToJs(engine, array),
        JsonValue value => ValueToJs(value),
        _ => JsValue.Undefined,
    };

    /// <summary>An object's properties are converted when a script first uses the object (<see cref="LazyJsonObject"/>).</summary>
    private static JsValue ObjectToJs(JsEngine engine, JsonObject json) => new LazyJsonObject(engine, json);

    private static JsValue ArrayToJs(JsEngine engine, JsonArray json)
    {
        var items = new JsValue[json.Count];
        for (var i = 0; i < items.Length; i++) items[i] = ToJs(engine, json[i]);
        return new JsArray(engine, items);
    }

    private static JsValue ValueToJs(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.String => new JsString(value.GetValue<string>()),
        JsonValueKind.Number => new JsNumber(NumberOf(value)),
        JsonValueKind.True => JsBoolean.True,
        JsonValueKind.False => JsBoolean.False,
        JsonValueKind.Null => JsValue.Null,
        _ => JsValue.Undefined,
    };

    /// <summary>
    /// The number a JSON number stands for, as JavaScript reads its text (the nearest double). Parsed JSON and the
    /// integers the engine writes are read directly; anything else through its text.
    /// </summary>
    private static double NumberOf(JsonValue value)
    {
        if (value.TryGetValue<JsonElement>(out var element) && element.TryGetDouble(out var parsed)) return parsed;
        if (value.TryGetValue<long>(out var whole)) return whole;
        if (value.TryGetValue<int>(out var small)) return small;
        if (value.TryGetValue<double>(out var real)) return real;
        return double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture);
    }

    /// <summary>JSON for a script value; null for undefined. Throws <see cref="ScriptValueException"/> when there is none.</summary>
    public static JsonNode? ToJson(JsValue value) => new JsToJsonWalk().Convert(value, depth: 0);

    private sealed class JsToJsonWalk
    {
        private readonly HashSet<ObjectInstance> _path = new(ReferenceEqualityComparer.Instance);
        private int _nodes;

        public JsonNode? Convert(JsValue value, int depth)
        {
            if (++_nodes > MaxNodes)
                throw new ScriptValueException($"more than {MaxNodes} values");
            if (value.IsString()) return JsonValue.Create(value.AsString());
            if (value.IsBoolean()) return JsonValue.Create(value.AsBoolean());
            if (value.IsNumber()) return Number(value.AsNumber());
            if (!value.IsObject()) return null;   // undefined, null
            return value.AsObject() switch
            {
                JsFunction => null,
                JsDate date => Date(date.DateValue),
                var obj => Container(obj, depth),
            };
        }

        private JsonNode Container(ObjectInstance obj, int depth)
        {
            if (depth >= MaxDepth)
                throw new ScriptValueException($"nested deeper than {MaxDepth} levels");
            if (!_path.Add(obj))
                throw new ScriptValueException("it contains a cycle");
            try
            {
                return obj is JsArray array ? Array(array, depth) : Object(obj, depth);
            }
            finally
            {
                _path.Remove(obj);
            }
        }

        private JsonArray Array(JsArray array, int depth)
        {
            var length = TypeConverter.ToUint32(array.GetOwnProperty("length").Value);
            if (length > MaxNodes)
                throw new ScriptValueException($"an array of {length} elements");
            var json = new JsonArray();
            for (uint i = 0; i < length; i++)
            {
                var element = DataValue(array.GetOwnProperty(i.ToString(CultureInfo.InvariantCulture)));
                json.Add(IsDropped(element) ? null : Convert(element, depth + 1));
            }
            return json;
        }

        private JsonObject Object(ObjectInstance obj, int depth)
        {
            var json = new JsonObject();
            foreach (var (name, descriptor) in obj.GetOwnProperties().ToList())
            {
                if (descriptor.Enumerable != true || name.IsSymbol()) continue;
                var value = DataValue(descriptor);
                if (!IsDropped(value)) json[name.ToString()] = Convert(value, depth + 1);
            }
            return json;
        }

        private static JsValue DataValue(Jint.Runtime.Descriptors.PropertyDescriptor descriptor) =>
            descriptor.IsDataDescriptor() ? descriptor.Value ?? JsValue.Undefined : JsValue.Undefined;

        private static bool IsDropped(JsValue value) =>
            value.IsUndefined() || (value.IsObject() && value.AsObject() is JsFunction);

        private static JsonNode? Number(double d)
        {
            if (double.IsNaN(d) || double.IsInfinity(d)) return null;
            // Integral values within the exact range of a double become JSON integers (3, not 3.0).
            if (Math.Floor(d) == d && Math.Abs(d) <= 9_007_199_254_740_992d) return JsonValue.Create((long)d);
            return JsonValue.Create(d);
        }

        private static JsonNode? Date(double epochMilliseconds) =>
            double.IsNaN(epochMilliseconds) || Math.Abs(epochMilliseconds) > 8.64e15
                ? null
                : JsonValue.Create(DateTimeOffset.FromUnixTimeMilliseconds((long)epochMilliseconds).UtcDateTime
                    .ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
    }
}
