using Jint;
using Jint.Native;
using Jint.Runtime.Descriptors;
using Jint.Runtime.Interop;
using JsEngine = Jint.Engine;
using JsFunction = Jint.Native.Function.Function;

namespace Designer.Engine.Expressions;

/// <summary>
/// JSON.stringify written in JavaScript, so that it runs under the sandbox's limits. Jint's own JSON.stringify is one
/// native call that no limit interrupts: a graph that shares its children (`a = [a, a]` twenty-five times) expands to
/// 200 million characters in ten seconds. This one counts every value as statements and its output as memory, so such
/// a graph faults at the statement, time or memory limit (about five statements per value). Only single strings reach
/// the native quoting. Built on the first call only: most scripts never stringify, and running the definition costs
/// more than the rest of an evaluation.
/// </summary>
internal static class ScriptJson
{
    public const string SourceName = "designer:JSON.stringify";
    private static readonly Prepared<Acornima.Ast.Script> Factory = JsEngine.PrepareScript(StringifySource, SourceName);

    public static void Install(JsEngine engine)
    {
        var json = engine.Global.Get("JSON").AsObject();
        var native = json.Get("stringify");
        JsFunction? stringify = null;
        var stub = new ClrFunction(engine, "stringify", (thisValue, args) =>
        {
            if (stringify is null)
            {
                stringify = (JsFunction)((JsFunction)engine.Evaluate(Factory)).Call(JsValue.Undefined, [native]);
                json.DefineOwnProperty("stringify", new PropertyDescriptor(stringify, writable: true, enumerable: false, configurable: true));
            }
            return stringify.Call(thisValue, args);
        }, 3);
        json.DefineOwnProperty("stringify", new PropertyDescriptor(stub, writable: true, enumerable: false, configurable: true));
    }

    // ECMA-262 §25.5.2 JSON.stringify, SerializeJSONProperty / SerializeJSONObject / SerializeJSONArray.
    private const string StringifySource = """
        (function (quoteNative) {
          'use strict';
          var isArray = Array.isArray, keysOf = Object.keys;
          function quote(text) { return quoteNative(text); }
          function stringify(value, replacer, space) {
            var replacerFunction, propertyList, gap = '', stack = [];
            if (typeof replacer === 'function') replacerFunction = replacer;
            else if (isArray(replacer)) {
              propertyList = [];
              for (var r = 0; r < replacer.length; r++) {
                var entry = replacer[r], item;
                if (typeof entry === 'string') item = entry;
                else if (typeof entry === 'number' || entry instanceof String || entry instanceof Number) item = String(entry);
                else item = undefined;
                if (item !== undefined && propertyList.indexOf(item) < 0) propertyList.push(item);
              }
            }
            if (space instanceof Number) space = Number(space); else if (space instanceof String) space = String(space);
            if (typeof space === 'number') gap = '          '.slice(0, Math.max(0, Math.min(10, Math.floor(space))));
            else if (typeof space === 'string') gap = space.slice(0, 10);

            function enter(container) {
              if (stack.indexOf(container) >= 0) throw new TypeError('Converting circular structure to JSON');
              stack.push(container);
            }
            function property(holder, key, indent) {
              var value = holder[key];
              if (value !== null && (typeof value === 'object' || typeof value === 'bigint')) {
                var toJSON = value.toJSON;
                if (typeof toJSON === 'function') value = toJSON.call(value, key);
              }
              if (replacerFunction) value = replacerFunction.call(holder, key, value);
              if (value !== null && typeof value === 'object') {
                if (value instanceof Number) value = Number(value);
                else if (value instanceof String) value = String(value);
                else if (value instanceof Boolean) value = Boolean.prototype.valueOf.call(value);
              }
              switch (typeof value) {
                case 'string': return quote(value);
                case 'number': return isFinite(value) ? String(value) : 'null';
                case 'boolean': return value ? 'true' : 'false';
                case 'bigint': throw new TypeError('Do not know how to serialize a BigInt');
                case 'object': return value === null ? 'null' : isArray(value) ? array(value, indent) : object(value, indent);
                default: return undefined;
              }
            }
            function object(value, outer) {
              enter(value);
              var indent = outer + gap, keys = propertyList || keysOf(value), parts = [];
              for (var k = 0; k < keys.length; k++) {
                var text = property(value, keys[k], indent);
                if (text !== undefined) parts.push(quote(keys[k]) + (gap ? ': ' : ':') + text);
              }
              stack.pop();
              if (parts.length === 0) return '{}';
              return gap ? '{\n' + indent + parts.join(',\n' + indent) + '\n' + outer + '}' : '{' + parts.join(',') + '}';
            }
            function array(value, outer) {
              enter(value);
              var indent = outer + gap, length = value.length >>> 0, parts = [];
              for (var i = 0; i < length; i++) {
                var text = property(value, String(i), indent);
                parts.push(text === undefined ? 'null' : text);
              }
              stack.pop();
              if (parts.length === 0) return '[]';
              return gap ? '[\n' + indent + parts.join(',\n' + indent) + '\n' + outer + ']' : '[' + parts.join(',') + ']';
            }
            return property({ '': value }, '', '');
          }
          return stringify;
        })
        """;
}
