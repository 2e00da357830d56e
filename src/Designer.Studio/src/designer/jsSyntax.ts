/**
 * Checks a JavaScript expression's syntax without running it: `new Function` only compiles. Elsa accepts both an
 * expression (`application.level == "junior"`) and a function body (`return x > 1;`), so both forms are tried.
 * Returns null when the code compiles, else the parser's message.
 */
export function checkJavaScript(code: string): string | null {
  const src = code ?? '';
  if (!src.trim()) return null;
  let bodyError: unknown = null;
  try {
    // eslint-disable-next-line no-new-func
    new Function(src);
    // A body without `return` compiles but yields nothing; treat a bare expression as an expression below.
    if (/\breturn\b/.test(src) || /[;{}]\s*$/.test(src.trim())) return null;
  } catch (e) {
    bodyError = e;
  }
  try {
    // eslint-disable-next-line no-new-func
    new Function(`return (\n${src}\n);`);
    return null;
  } catch (e) {
    const err = (/\breturn\b|;/.test(src) ? bodyError : e) ?? e;
    return err instanceof Error ? err.message : String(err);
  }
}
