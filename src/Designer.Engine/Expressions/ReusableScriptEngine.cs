using System.Text.Json.Nodes;
using Acornima.Ast;
using Designer.Engine.Calendar;
using Jint;
using Jint.Native;
using Jint.Native.Function;
using Jint.Native.Object;
using Jint.Runtime.Descriptors;
using JsEngine = Jint.Engine;

namespace Designer.Engine.Expressions;

/// <summary>
/// One thread's prepared Jint engine, reused from one evaluation to the next (building an engine with its guards and
/// helpers was nearly all of an evaluation's cost). Scripts stay apart from each other:
/// <list type="bullet">
/// <item>every built-in object and helper is frozen once the engine is built, so no script can change what the next
/// one's `Object.prototype`, `Array.prototype.map`, `Math` or `count` do (a sloppy-mode assignment to them is ignored,
/// `Object.defineProperty` on them throws);</item>
/// <item>after every evaluation the global object is put back as it was built: globals a script created (`x = 1`) and
/// the scope's globals and variables are deleted, a global it replaced or deleted (`count = 5`) is restored;</item>
/// <item>only scripts that cannot declare anything global run here (<see cref="PreparedScript.Reusable"/>), so no
/// `var` or `let` of one script is visible to the next;</item>
/// <item>Jint's time, statement and memory limits count afresh for each evaluation (it resets them on every call),
/// and the clock, today and the calendar are the evaluation's own;</item>
/// <item>an evaluation that faults, or leaves a global it cannot remove, marks the engine <see cref="Broken"/>: it is
/// dropped and the next evaluation builds a new one.</item>
/// </list>
/// </summary>
internal sealed class ReusableScriptEngine
{
    private readonly JsEngine _engine;
    private readonly SandboxLimits _limits;
    private readonly IWorkingDayCalendar _defaultCalendar;
    private readonly ScriptDay _day;
    private readonly ScriptTimeSystem _time;
    private readonly ScriptVariableFunctions _variableFunctions;
    /// <summary>The global object's properties as built.</summary>
    private readonly Dictionary<JsValue, BuiltGlobal> _globals;
    /// <summary>The built globals in the order the global object holds them.</summary>
    private (JsValue Key, BuiltGlobal Built)[] _builtOrder;
    private readonly List<JsValue> _added = [];
    private readonly JsValue _globalPrototype;
    /// <summary>Every name the global object has as built, its own and its prototypes'.</summary>
    private readonly HashSet<string> _builtNames;
    /// <summary>The names an evaluation's scope takes, kept from one evaluation to the next (cleared at each).</summary>
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    public bool InUse { get; private set; }
    public bool Broken { get; private set; }

    private ReusableScriptEngine(SandboxLimits limits, IWorkingDayCalendar calendar)
    {
        _limits = limits;
        _defaultCalendar = calendar;
        _day = new ScriptDay(default, calendar);
        _time = new ScriptTimeSystem(default);
        _engine = JintScriptSandbox.CreateEngine(limits, _time);
        _variableFunctions = JintScriptSandbox.InstallShared(_engine, limits, _day);
        FreezeBuiltIns(_engine);
        _globals = _engine.Global.GetOwnProperties().ToDictionary(p => p.Key,
            p => new BuiltGlobal(p.Value.IsDataDescriptor() ? p.Value.Value : null, p.Value.Get, p.Value.Set, p.Value.Writable, p.Value.Enumerable, p.Value.Configurable));
        _globalPrototype = (JsValue?)_engine.Global.Prototype ?? JsValue.Null;
        _builtOrder = BuiltOrder(_engine.Global);
        _builtNames = BuiltNames(_engine.Global);
    }

    public static ReusableScriptEngine Create(SandboxLimits limits, IWorkingDayCalendar calendar) => new(limits, calendar);

    public JsonNode? Evaluate(Prepared<Script> program, ScriptScope scope, ScriptNames? named)
    {
        TryEvaluate(program, scope, named, mustBeFree: null, out var result);
        return result;
    }

    /// <summary>
    /// Evaluates the script unless one of <paramref name="mustBeFree"/> turns out to be a global of this evaluation
    /// (a script run as a function, see <see cref="PreparedScript.AsFunction"/>): then nothing runs and it returns false.
    /// With the names the script writes (<see cref="ScriptNames"/>), only those of the scope's globals are installed and
    /// only those globals are put back afterwards: the script can reach no other.
    /// </summary>
    public bool TryEvaluate(Prepared<Script> program, ScriptScope scope, ScriptNames? named, IReadOnlyList<string>? mustBeFree, out JsonNode? result)
    {
        InUse = true;
        result = null;
        try
        {
            _day.Today = scope.Today;
            _day.Calendar = scope.Calendar ?? _defaultCalendar;
            _time.Now = scope.NowOrTodayAtNine;
            var variables = JintScriptSandbox.InstallScope(_engine, scope, _variableFunctions, named, _builtNames, _taken);
            if (mustBeFree is not null && mustBeFree.Any(name => _engine.Global.HasProperty(name))) return false;
            var completion = _engine.Evaluate(program);
            result = JsonJsConverter.ToJson(completion);
            variables.Commit();
            return true;
        }
        catch (Exception ex)
        {
            Broken = true;
            throw ScriptFaults.From(ex, _limits);
        }
        finally
        {
            _variableFunctions.Current = null;
            if (!Broken && !(named is null ? RestoreGlobals() : RestoreNamedGlobals(named))) Broken = true;
            InUse = false;
        }
    }

    /// <summary>
    /// The global object as it was built; false when something cannot be put back (then the engine is dropped).
    /// The global's properties keep their order, so one pass over them meets the built globals first, in the order
    /// <see cref="_builtOrder"/> holds, then what this evaluation added (its globals, a script's own), which is deleted.
    /// Only when a built global was replaced, deleted or moved does it compare them all by name and put back each.
    /// </summary>
    private bool RestoreGlobals()
    {
        var global = _engine.Global;
        if (!global.Extensible || !ReferenceEquals((JsValue?)global.Prototype ?? JsValue.Null, _globalPrototype)) return false;
        _added.Clear();
        var position = 0;
        var asBuilt = true;
        foreach (var (key, current) in global.GetOwnProperties())
        {
            if (position < _builtOrder.Length)
            {
                var (builtKey, built) = _builtOrder[position++];
                if (!SameKey(key, builtKey) || !IsAsBuilt(current, built)) asBuilt = false;
            }
            else _added.Add(key);   // past the built ones (and, were they all met, none of them)
        }
        if (position < _builtOrder.Length) asBuilt = false;
        if (asBuilt)
        {
            foreach (var key in _added)
                if (!global.Delete(key)) return false;
            return true;
        }
        return RestoreEachGlobal(global);
    }

    /// <summary>
    /// The global object as it was built, for a script that could reach it only by the names it writes: each of those
    /// that is a built global is put back if it differs, any other is deleted (the scope's globals, what the script
    /// created). False when something cannot be put back.
    /// </summary>
    private bool RestoreNamedGlobals(ScriptNames named)
    {
        var global = _engine.Global;
        if (!global.Extensible || !ReferenceEquals((JsValue?)global.Prototype ?? JsValue.Null, _globalPrototype)) return false;
        foreach (var (name, key) in named.All)
        {
            if (_globals.TryGetValue(key, out var built))
            {
                if (IsAsBuilt(global.GetOwnProperty(key), built)) continue;
                var restored = built.Value is not null
                    ? new PropertyDescriptor(built.Value, built.Writable, built.Enumerable, built.Configurable)
                    : new GetSetPropertyDescriptor(built.Get, built.Set, built.Enumerable, built.Configurable);
                if (!global.DefineOwnProperty(key, restored)) return false;
            }
            else if (global.HasOwnProperty(key) && !global.Delete(key)) return false;
        }
        return true;
    }

    /// <summary>The general case: delete every global not built, put back every built one that differs, note the order anew.</summary>
    private bool RestoreEachGlobal(ObjectInstance global)
    {
        foreach (var key in global.GetOwnPropertyKeys())
            if (!_globals.ContainsKey(key) && !global.Delete(key)) return false;
        foreach (var (key, built) in _globals)
        {
            if (IsAsBuilt(global.GetOwnProperty(key), built)) continue;
            var restored = built.Value is not null
                ? new PropertyDescriptor(built.Value, built.Writable, built.Enumerable, built.Configurable)
                : new GetSetPropertyDescriptor(built.Get, built.Set, built.Enumerable, built.Configurable);
            if (!global.DefineOwnProperty(key, restored)) return false;
        }
        _builtOrder = BuiltOrder(global);
        return true;
    }

    private (JsValue Key, BuiltGlobal Built)[] BuiltOrder(ObjectInstance global) =>
        [.. global.GetOwnProperties().Select(p => (p.Key, _globals[p.Key]))];

    private static HashSet<string> BuiltNames(ObjectInstance global)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var instance = global; instance is not null; instance = instance.Prototype)
            foreach (var key in instance.GetOwnPropertyKeys())
                if (key.IsString()) names.Add(key.AsString());
        return names;
    }

    private static bool SameKey(JsValue key, JsValue built) =>
        ReferenceEquals(key, built) || (key.IsString() && built.IsString() ? key.AsString() == built.AsString() : key.Equals(built));

    private static bool IsAsBuilt(PropertyDescriptor current, BuiltGlobal built) =>
        current != PropertyDescriptor.Undefined && current.Writable == built.Writable && current.Enumerable == built.Enumerable &&
        current.Configurable == built.Configurable && ReferenceEquals(current.IsDataDescriptor() ? current.Value : null, built.Value) &&
        ReferenceEquals(current.Get, built.Get) && ReferenceEquals(current.Set, built.Set);

    /// <summary>A global property as built (value and flags: a descriptor object is changed in place by an assignment).</summary>
    private readonly record struct BuiltGlobal(JsValue? Value, JsValue? Get, JsValue? Set, bool Writable, bool Enumerable, bool Configurable);

    /// <summary>
    /// Freezes everything reachable from the globals (built-ins, their prototypes, the helpers) with the engine's own
    /// Object.freeze, walked from .NET (no script limit applies to it); the global object itself stays open.
    /// </summary>
    private static void FreezeBuiltIns(JsEngine engine)
    {
        var freeze = (Function)engine.Intrinsics.Object.Get("freeze");
        var seen = new HashSet<ObjectInstance>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<ObjectInstance>();
        void Visit(JsValue? value)
        {
            if (value is ObjectInstance instance && !ReferenceEquals(instance, engine.Global) && seen.Add(instance)) pending.Push(instance);
        }
        foreach (var (_, property) in engine.Global.GetOwnProperties()) Visit(property.IsDataDescriptor() ? property.Value : null);
        Visit(engine.Global.Prototype);
        while (pending.TryPop(out var instance))
        {
            engine.Call(freeze, instance);
            foreach (var (_, property) in instance.GetOwnProperties())
            {
                if (property.IsDataDescriptor()) Visit(property.Value);
                else
                {
                    Visit(property.Get);
                    Visit(property.Set);
                }
            }
            Visit(instance.Prototype);
        }
    }
}
