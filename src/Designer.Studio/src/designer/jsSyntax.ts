import { parse } from 'acorn';

/**
 * Checks a script's syntax without running it, in the dialect the server runs: ECMAScript 2023, parsed by acorn —
 * the parser the server's (Acornima, inside Jint) is ported from — so a script is accepted here exactly when the
 * server's validator accepts it at save and publish. (The browser's own `new Function` accepts newer syntax, such as
 * the regular-expression `v` flag, that the server refuses.) Elsa accepts both an expression
 * (`application.level == "junior"`) and a function body (`return x > 1;`); a top-level `return` is allowed for that.
 * Returns null when the script parses, else the parser's message and where: `Unexpected token (2:13)`, line and
 * column counted from 1 as the server's validator counts them.
 */
export function checkJavaScript(code: string): string | null {
  const src = code ?? '';
  if (!src.trim()) return null;
  try {
    parse(src, { ecmaVersion: 2023, sourceType: 'script', allowReturnOutsideFunction: true });
    return null;
  } catch (e) {
    if (!(e instanceof SyntaxError)) return String(e);
    const loc = (e as SyntaxError & { loc?: { line: number; column: number } }).loc;
    const message = e.message.replace(/\s*\(\d+:\d+\)$/, '');
    return loc ? `${message} (${loc.line}:${loc.column + 1})` : message;
  }
}
