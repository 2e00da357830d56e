using System.Text.Json.Nodes;
using Jint.Native.Object;
using Jint.Runtime.Descriptors;
using JsEngine = Jint.Engine;

namespace Designer.Engine.Expressions;

/// <summary>
/// A plain JavaScript object holding a JSON object's properties, converted on first use instead of up front: Jint
/// builds an object's properties the first time anything looks at them (a read, a write, `Object.keys`, `in`,
/// `Object.freeze`, JSON.stringify), as it does for its own built-ins, so once built this is an ordinary object with
/// ordinary semantics. Nested objects are lazy in turn: a script that reads `application.level` converts the top level of
/// `application` only, and one that never reads `forms` converts none of it. The JSON must not change while the
/// evaluation runs (the instance's data does not: a script's writes are kept apart until it ends).
/// </summary>
internal sealed class LazyJsonObject : ObjectInstance
{
    private IEnumerable<KeyValuePair<string, JsonNode?>>? _source;
    private Func<IEnumerable<KeyValuePair<string, JsonNode?>>>? _deferred;

    public LazyJsonObject(JsEngine engine, IEnumerable<KeyValuePair<string, JsonNode?>> source) : base(engine) => _source = source;

    /// <summary>The properties are computed only when first used (e.g. `applicant`, which merges two documents).</summary>
    public LazyJsonObject(JsEngine engine, Func<IEnumerable<KeyValuePair<string, JsonNode?>>> deferred) : base(engine) => _deferred = deferred;

    protected override void Initialize()
    {
        var source = _source ?? _deferred!();
        _source = null;
        _deferred = null;
        foreach (var (name, value) in source)
            FastSetProperty(name, new PropertyDescriptor(JsonJsConverter.ToJs(_engine, value), PropertyFlag.ConfigurableEnumerableWritable));
    }
}
