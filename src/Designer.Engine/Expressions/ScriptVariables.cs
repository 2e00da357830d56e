using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Jint;
using Jint.Native;
using Jint.Native.Function;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Interop;
using JsEngine = Jint.Engine;

namespace Designer.Engine.Expressions;

/// <summary>
/// One evaluation's view of the workflow's variables: `variables` (all of them), and, for each variable `foo`, a global
/// `foo` plus Elsa-style getFoo() / setFoo(value) — each only when the name is a valid identifier not already taken (a
/// built-in, a helper or a scope global keeps its meaning). getVariable(name) / setVariable(name, value) and the
/// accessor functions belong to the engine (<see cref="ScriptVariableFunctions"/>) and act on the evaluation running.
/// Writes are kept apart and reach <see cref="ScriptScope.Variables"/> only through <see cref="Commit"/>,
/// so a script that faults changes nothing.
/// Given the names a script writes (<see cref="ScriptNames"/>) and the names the engine was built with, the scope's
/// globals are decided exactly as without them, but only those the script names are put on the global object: the
/// others it cannot reach.
/// </summary>
internal sealed class ScriptVariables(JsEngine engine, ScriptScope scope, ScriptVariableFunctions functions,
    ScriptNames? named = null, IReadOnlySet<string>? built = null, HashSet<string>? taken = null)
{
    private readonly Dictionary<string, JsonNode?> _written = new();
    private readonly List<string> _globalNames = new();
    /// <summary>Names this evaluation's scope takes (named mode: whether or not they were put on the global object).</summary>
    private readonly HashSet<string>? _taken = named is null ? null : Cleared(taken ?? new(StringComparer.Ordinal));

    private static HashSet<string> Cleared(HashSet<string> set)
    {
        set.Clear();
        return set;
    }
    private ObjectInstance _all = null!;

    /// <summary>Defines `variables` and makes this the evaluation getVariable and setVariable act on. Call before the scope's globals are installed.</summary>
    public void InstallFunctions()
    {
        _all = new LazyJsonObject(engine, scope.Variables);
        if (Take("variables")) Define("variables", _all);
        functions.Current = this;
    }

    /// <summary>The scope's globals (which may shadow a helper), converted when a script first uses them. Call after <see cref="InstallFunctions"/>.</summary>
    public void InstallGlobals()
    {
        foreach (var (name, value) in scope.Globals)
            if (Take(name)) Define(name, JsonJsConverter.ToJs(engine, value));
        foreach (var (name, properties) in scope.DeferredGlobals)
            if (Take(name)) Define(name, new LazyJsonObject(engine, properties));
    }

    /// <summary>Defines each variable's global and accessors where the name is free. Call last.</summary>
    public void InstallPerVariableNames()
    {
        foreach (var name in scope.Variables.Keys)
        {
            if (functions.AccessorsOf(name) is not { } accessors) continue;
            if (accessors.NameIsGlobal && IsFree(name) && Take(name))
            {
                Define(name, _all.Get(name));
                _globalNames.Add(name);
            }
            if (accessors.Get is not null && IsFree(accessors.GetName) && Take(accessors.GetName)) Define(accessors.GetName, accessors.Get);
            if (accessors.Set is not null && IsFree(accessors.SetName) && Take(accessors.SetName)) Define(accessors.SetName, accessors.Set);
        }
    }

    /// <summary>Notes the name as the scope's; true when it is to be put on the global object (always, unless the script's names are known and it is not one).</summary>
    private bool Take(string name)
    {
        if (named is null) return true;
        _taken!.Add(name);
        return named.Contains(name);
    }

    private void Define(string name, JsValue value)
    {
        if (named is null) engine.SetValue(name, value);
        else engine.Global.Set(named.Key(name), value);
    }

    public void Commit()
    {
        foreach (var (name, value) in _written) scope.Variables[name] = value;
    }

    internal JsValue Get(string name)
    {
        if (_written.TryGetValue(name, out var written)) return JsonJsConverter.ToJs(engine, written);
        return scope.Variables.TryGetValue(name, out var value) ? JsonJsConverter.ToJs(engine, value) : JsValue.Undefined;
    }

    internal JsValue Set(string name, JsValue value)
    {
        JsonNode? json;
        try
        {
            json = JsonJsConverter.ToJson(value);
        }
        catch (ScriptValueException ex)
        {
            throw ScriptHelpers.TypeError(engine, $"setVariable('{name}'): the value has no JSON form ({ex.Message})");
        }
        _written[name] = json;
        // Later reads through `variables.x` or `x` see what will be stored.
        var stored = JsonJsConverter.ToJs(engine, json);
        _all.Set(name, stored, throwOnError: false);
        if (_globalNames.Contains(name)) engine.Global.Set(name, stored, throwOnError: false);
        return JsValue.Undefined;
    }

    private bool IsFree(string name) => named is null ? !engine.Global.HasProperty(name) : !built!.Contains(name) && !_taken!.Contains(name);
}

/// <summary>
/// The engine's getVariable / setVariable and each variable's getFoo / setFoo, built once per engine (per name) and
/// frozen, acting on the evaluation that is running (<see cref="Current"/>). Building them per evaluation was most of
/// what installing the variables cost.
/// </summary>
internal sealed partial class ScriptVariableFunctions(JsEngine engine)
{
    /// <summary>Past this many distinct names (ad-hoc scripts) the accessors start over.</summary>
    private const int Capacity = 1024;
    private readonly Dictionary<string, Accessors?> _accessors = new(StringComparer.Ordinal);
    private readonly Function _freeze = (Function)engine.Intrinsics.Object.Get("freeze");

    public ScriptVariables? Current { get; set; }

    /// <param name="NameIsGlobal">whether the name itself may be a global (an identifier, not a reserved word)</param>
    /// <param name="Get">getFoo, or null when "getFoo" is no identifier (nor then is "setFoo")</param>
    public sealed record Accessors(bool NameIsGlobal, string GetName, JsValue? Get, string SetName, JsValue? Set);

    public void Install()
    {
        ScriptHelpers.Define(engine, "getVariable", 1, args => Running().Get(NameArg(args, "getVariable")));
        ScriptHelpers.Define(engine, "setVariable", 2, args => Running().Set(NameArg(args, "setVariable"), Arguments.At(args, 1)));
    }

    /// <summary>What the variable `foo` may have as globals: `foo` itself, getFoo and setFoo; null for an empty name.</summary>
    public Accessors? AccessorsOf(string name)
    {
        if (_accessors.TryGetValue(name, out var known)) return known;
        if (_accessors.Count >= Capacity) _accessors.Clear();
        Accessors? accessors = null;
        if (name.Length > 0)
        {
            var suffix = char.ToUpperInvariant(name[0]) + name[1..];
            string getName = "get" + suffix, setName = "set" + suffix;
            var functions = Identifier().IsMatch(getName);
            accessors = new Accessors(Identifier().IsMatch(name) && !ReservedWords.Contains(name),
                getName, functions ? Frozen(new ClrFunction(engine, getName, (_, _) => Running().Get(name), 0)) : null,
                setName, functions ? Frozen(new ClrFunction(engine, setName, (_, args) => Running().Set(name, Arguments.At(args, 0)), 1)) : null);
        }
        _accessors[name] = accessors;
        return accessors;
    }

    /// <summary>Shared by every evaluation, so no script may change them (a sloppy-mode assignment to them is ignored).</summary>
    private JsValue Frozen(ClrFunction function)
    {
        engine.Call(_freeze, function);
        return function;
    }

    private ScriptVariables Running() =>
        Current ?? throw ScriptHelpers.TypeError(engine, "variables are not available outside an evaluation");

    private string NameArg(JsValue[] args, string function)
    {
        var name = Arguments.At(args, 0);
        if (!name.IsString() || name.AsString().Length == 0)
            throw ScriptHelpers.TypeError(engine, $"{function}: argument 1 must be a variable name");
        return name.AsString();
    }

    [GeneratedRegex("^[A-Za-z_$][A-Za-z0-9_$]*$")]
    private static partial Regex Identifier();

    private static readonly HashSet<string> ReservedWords =
    [
        "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else", "enum",
        "export", "extends", "false", "finally", "for", "function", "if", "implements", "import", "in", "instanceof",
        "interface", "let", "new", "null", "package", "private", "protected", "public", "return", "static", "super",
        "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while", "with", "yield",
    ];
}
