using Acornima;
using Acornima.Ast;
using Jint;
using JsEngine = Jint.Engine;
using JsScript = Acornima.Ast.Script;

namespace Designer.Engine.Expressions;

/// <summary>
/// A script as the sandbox runs it: prepared once (parsed and analysed), or the reason it does not parse.
/// Reusable: it declares nothing in the global scope (no `var` or function declaration outside a function, no
/// top-level `let`, `const` or class), so it may run in an engine that ran other scripts before (ReusableScriptEngine).
/// </summary>
internal sealed record PreparedScript(Prepared<JsScript>? Program, ScriptSyntaxError? Error, bool Reusable = false);

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
            return new PreparedScript(JsEngine.PrepareScript(script, options: Preparation), null, !DeclaresGlobals(parsed));
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

    private static ScriptSyntaxError ToError(ParseErrorException ex) =>
        new(Math.Max(ex.LineNumber, 1), Math.Max(ex.Column, 0) + 1, ex.Description ?? ex.Message);
}
