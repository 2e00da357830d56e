using Acornima;
using Acornima.Ast;
using Jint;
using Jint.Native;
using JsEngine = Jint.Engine;
using JsScript = Acornima.Ast.Script;

namespace Designer.Engine.Expressions;

/// <summary>
/// A script as the sandbox runs it: prepared once (parsed and analysed), or the reason it does not parse.
/// Reusable: it declares nothing in the global scope (no `var` or function declaration outside a function, no
/// top-level `let`, `const` or class), so it may run in an engine that ran other scripts before (ReusableScriptEngine).
/// AsFunction: a function body that does declare globals, run as the function it is (`(function () { … })()`, as Elsa
/// runs it) so that its declarations stay local and it too may run in a reused engine — only while none of the
/// <see cref="Declared"/> names is a global of the evaluation (see <see cref="ScriptSource.AsFunction"/>).
/// </summary>
internal sealed record PreparedScript(Prepared<JsScript>? Program, ScriptSyntaxError? Error, bool Reusable = false,
    Prepared<JsScript>? AsFunction = null, IReadOnlyList<string>? Declared = null, ScriptNames? Names = null);

/// <summary>
/// Every name a script writes (identifiers, property names included), for a script that can reach the global object
/// only through them: it never mentions `this` or `globalThis` (no string compilation either: the sandbox refuses
/// eval and Function). Such a script can see, create, change or delete a global only by a name written in it, so a
/// reused engine installs only those of the scope's globals and checks only those afterwards
/// (<see cref="ReusableScriptEngine"/>). Each name comes with its script value, made once.
/// </summary>
internal sealed class ScriptNames
{
    private readonly Dictionary<string, JsString> _keys;

    private ScriptNames(Dictionary<string, JsString> keys) => _keys = keys;

    public IEnumerable<KeyValuePair<string, JsString>> All => _keys;

    public bool Contains(string name) => _keys.ContainsKey(name);

    public JsString Key(string name) => _keys[name];

    /// <summary>The names in the script, or null when it might reach the global object another way.</summary>
    public static ScriptNames? Of(string script, JsScript parsed)
    {
        if (script.Contains("this", StringComparison.Ordinal) || script.Contains("globalThis", StringComparison.Ordinal)) return null;
        var keys = new Dictionary<string, JsString>(StringComparer.Ordinal);
        var pending = new Stack<Node>();
        pending.Push(parsed);
        while (pending.TryPop(out var node))
        {
            if (node is Identifier identifier && !keys.ContainsKey(identifier.Name)) keys[identifier.Name] = new JsString(identifier.Name);
            foreach (var child in node.ChildNodes) pending.Push(child);
        }
        return new ScriptNames(keys);
    }
}

/// <summary>
/// Parses a script in either form the designer accepts: an expression or statements (`x > 1`, `var a = 1; a + 1`),
/// whose result is the completion value of the last expression statement, or an Elsa-style function body
/// (`return x > 1;`), whose top-level return gives the result. The dialect is ECMAScript 2023, checked by the same
/// parser (Acornima, a port of acorn) that Jint runs on, so a script the validator accepts is one Jint can run, and
/// the Studio's editor (acorn, ecmaVersion 2023) accepts the same scripts.
/// </summary>
internal static class ScriptSource
{
    public const EcmaVersion Dialect = EcmaVersion.ES2023;

    private static readonly ParserOptions DialectCheck = new()
    {
        EcmaVersion = Dialect,
        AllowReturnOutsideFunction = true,
    };

    private static readonly ScriptPreparationOptions Preparation = new()
    {
        ParsingOptions = new ScriptParsingOptions { AllowReturnOutsideFunction = true },
    };

    public static PreparedScript Prepare(string script)
    {
        JsScript parsed;
        try { parsed = new Parser(DialectCheck).ParseScript(script); }
        catch (ParseErrorException ex) { return new PreparedScript(null, ToError(ex)); }
        try
        {
            var program = JsEngine.PrepareScript(script, options: Preparation);
            if (!DeclaresGlobals(parsed)) return new PreparedScript(program, null, Reusable: true, Names: ScriptNames.Of(script, parsed));
            return AsFunction(script, parsed) is { } declared
                ? new PreparedScript(program, null, AsFunction: JsEngine.PrepareScript(FunctionPrefix + script + FunctionSuffix, options: Preparation),
                    Declared: declared, Names: ScriptNames.Of(script, parsed))
                : new PreparedScript(program, null);
        }
        catch (ScriptPreparationException ex) when (ex.InnerException is ParseErrorException parse)
        {
            return new PreparedScript(null, ToError(parse));
        }
    }

    /// <summary>Null when the script is valid ECMAScript 2023 in one of the two forms; otherwise where and why not.</summary>
    public static ScriptSyntaxError? Check(string script)
    {
        try
        {
            new Parser(DialectCheck).ParseScript(script);
            return null;
        }
        catch (ParseErrorException ex)
        {
            return ToError(ex);
        }
    }

    /// <summary>
    /// Whether running the script would create a global binding: a `var` or function declaration anywhere outside a
    /// function (blocks and loops included: `var` and, in sloppy mode, block functions are hoisted to the global
    /// scope), or a `let`, `const` or class at the top level. Function and class bodies are not looked into.
    /// </summary>
    private static bool DeclaresGlobals(JsScript script)
    {
        foreach (var statement in script.Body)
            if (statement is VariableDeclaration or ClassDeclaration || HoistsGlobally(statement)) return true;
        return false;
    }

    private static bool HoistsGlobally(Node node) => node switch
    {
        VariableDeclaration { Kind: VariableDeclarationKind.Var } or FunctionDeclaration => true,
        FunctionExpression or ArrowFunctionExpression or ClassDeclaration or ClassExpression => false,
        _ => node.ChildNodes.Any(HoistsGlobally),
    };

    // On the script's first line, so that an error's line number is the script's own.
    private const string FunctionPrefix = "(function () {";
    private const string FunctionSuffix = "\n})()";

    /// <summary>
    /// The names a function body declares, when running it as a function gives the same answer as running it as a
    /// script; null otherwise. It does when every way through it ends in a `return` (its last statement is one: then
    /// the completion value, which a function does not have, is never the answer) and nothing in it can tell a
    /// global declaration from a local one: it never mentions `this`, `globalThis` or `arguments`, and (checked at
    /// each evaluation) no name it declares is a global already, which the helpers' setX() would write to. Names
    /// declared through a destructuring pattern are not collected, so such a script runs as a script.
    /// </summary>
    internal static IReadOnlyList<string>? AsFunction(string script, JsScript parsed)
    {
        if (parsed.Body.Count == 0 || parsed.Body[^1] is not ReturnStatement) return null;
        if (script.Contains("this", StringComparison.Ordinal) || script.Contains("globalThis", StringComparison.Ordinal) || script.Contains("arguments", StringComparison.Ordinal)) return null;
        var names = new List<string>();
        return parsed.Body.All(statement => CollectDeclared(statement, names)) ? names : null;
    }

    /// <summary>Adds what the node declares outside nested functions; false for a declaration whose names are not plain identifiers.</summary>
    private static bool CollectDeclared(Node node, List<string> names)
    {
        switch (node)
        {
            case FunctionExpression or ArrowFunctionExpression or ClassExpression:
                return true;
            case FunctionDeclaration { Id: { } function }:
                names.Add(function.Name);
                return true;
            case ClassDeclaration { Id: { } type }:
                names.Add(type.Name);
                return true;
            case VariableDeclaration declaration:
                foreach (var declarator in declaration.Declarations)
                {
                    if (declarator.Id is not Identifier identifier) return false;
                    names.Add(identifier.Name);
                    if (declarator.Init is { } init && !CollectDeclared(init, names)) return false;
                }
                return true;
            default:
                return node.ChildNodes.All(child => CollectDeclared(child, names));
        }
    }

    private static ScriptSyntaxError ToError(ParseErrorException ex) =>
        new(Math.Max(ex.LineNumber, 1), Math.Max(ex.Column, 0) + 1, ex.Description ?? ex.Message);
}
