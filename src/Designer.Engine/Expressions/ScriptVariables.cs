using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Descriptors;
using JsEngine = Jint.Engine;

namespace Designer.Engine.Expressions;

/// <summary>
/// Exposes the workflow's variables: `variables` (all of them), getVariable(name) / setVariable(name, value), and,
/// for each variable `foo`, a global `foo` plus Elsa-style getFoo() / setFoo(value) — each only when the name is a
/// valid identifier not already taken (a built-in, a helper or a scope global keeps its meaning).
/// Writes are kept apart and reach <see cref="ScriptScope.Variables"/> only through <see cref="Commit"/>,
/// so a script that faults changes nothing.
/// </summary>
internal sealed partial class ScriptVariables(JsEngine engine, ScriptScope scope)
{
    private readonly Dictionary<string, JsonNode?> _written = new();
    private readonly HashSet<string> _globalNames = new();
    private ObjectInstance _all = null!;

    /// <summary>Defines `variables`, getVariable and setVariable. Call before the scope's globals are installed.</summary>
    public void InstallFunctions()
    {
        _all = new JsObject(engine);
        foreach (var (name, value) in scope.Variables)
            _all.FastSetProperty(name, new PropertyDescriptor(JsonJsConverter.ToJs(engine, value), PropertyFlag.ConfigurableEnumerableWritable));
        engine.SetValue("variables", _all);
        ScriptHelpers.Define(engine, "getVariable", 1, args => Get(NameArg(args, "getVariable")));
        ScriptHelpers.Define(engine, "setVariable", 2, args => Set(NameArg(args, "setVariable"), Arguments.At(args, 1)));
    }

    /// <summary>Defines each variable's global and accessors where the name is free. Call last.</summary>
    public void InstallPerVariableNames()
    {
        foreach (var name in scope.Variables.Keys.Where(name => name.Length > 0))
        {
            if (IsFree(name))
            {
                engine.SetValue(name, _all.Get(name));
                _globalNames.Add(name);
            }
            var suffix = char.ToUpperInvariant(name[0]) + name[1..];
            if (IsFree("get" + suffix)) ScriptHelpers.Define(engine, "get" + suffix, 0, _ => Get(name));
            if (IsFree("set" + suffix)) ScriptHelpers.Define(engine, "set" + suffix, 1, args => Set(name, Arguments.At(args, 0)));
        }
    }

    public void Commit()
    {
        foreach (var (name, value) in _written) scope.Variables[name] = value;
    }

    private JsValue Get(string name)
    {
        if (_written.TryGetValue(name, out var written)) return JsonJsConverter.ToJs(engine, written);
        return scope.Variables.TryGetValue(name, out var value) ? JsonJsConverter.ToJs(engine, value) : JsValue.Undefined;
    }

    private JsValue Set(string name, JsValue value)
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

    private string NameArg(JsValue[] args, string function)
    {
        var name = Arguments.At(args, 0);
        if (!name.IsString() || name.AsString().Length == 0)
            throw ScriptHelpers.TypeError(engine, $"{function}: argument 1 must be a variable name");
        return name.AsString();
    }

    private bool IsFree(string name) =>
        Identifier().IsMatch(name) && !ReservedWords.Contains(name) && !engine.Global.HasProperty(name);

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
