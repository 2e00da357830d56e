using Jint.Parser;
using JsProgram = Jint.Parser.Ast.Program;

namespace Designer.Engine.Expressions;

/// <summary>
/// Parses a script in either form the designer accepts: an expression or statements (`x > 1`, `var a = 1; a + 1`),
/// whose result is the completion value of the last expression statement, or an Elsa-style function body
/// (`return x > 1;`), recognised by a top-level return and run as the body of an immediately called function.
/// </summary>
internal static class ScriptSource
{
    // Kept on line 1 with the script's first line, so that line numbers stay those of the script.
    private const string BodyPrefix = "(function () {";
    private const string BodySuffix = "\n})();";

    public static JsProgram? Parse(string script, out ScriptSyntaxError? error)
    {
        error = null;
        try
        {
            return new JavaScriptParser().Parse(script);
        }
        catch (ParserException ex) when (ex.Description == "Illegal return statement")
        {
            // A top-level return: the script is a function body.
        }
        catch (ParserException ex)
        {
            error = ToError(ex, columnShift: 0);
            return null;
        }

        try
        {
            return new JavaScriptParser().Parse(BodyPrefix + script + BodySuffix);
        }
        catch (ParserException ex)
        {
            error = ToError(ex, columnShift: BodyPrefix.Length);
            return null;
        }
    }

    private static ScriptSyntaxError ToError(ParserException ex, int columnShift)
    {
        var line = Math.Max(ex.LineNumber, 1);
        var column = line == 1 ? Math.Max(ex.Column - columnShift, 1) : Math.Max(ex.Column, 1);
        return new ScriptSyntaxError(line, column, ex.Description ?? ex.Message);
    }
}
