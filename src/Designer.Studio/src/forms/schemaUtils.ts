/* Helpers that make the project's JSON Schemas (draft-07 with `enumNames`, `x-extends`, `x-patternHint`) render in RJSF. */

export type Json = any;

const clone = <T,>(x: T): T => (x === undefined ? x : JSON.parse(JSON.stringify(x)));

function isObj(x: unknown): x is Record<string, any> {
  return !!x && typeof x === 'object' && !Array.isArray(x);
}

/** Port of Designer.Forms' SchemaMerger: properties/definitions merged by name, required unioned, else own wins. */
export function mergeSchema(base: Json, own: Json): Json {
  const merged = clone(base) ?? {};
  for (const [k, v] of Object.entries(own ?? {})) {
    if (k === 'x-extends') continue;
    const b = merged[k];
    if (k === 'required' && Array.isArray(b) && Array.isArray(v)) merged[k] = [...b, ...v.filter((x) => !b.includes(x))];
    else if ((k === 'properties' || k === 'definitions') && isObj(b) && isObj(v)) {
      const m = clone(b);
      for (const [name, s] of Object.entries(v)) m[name] = isObj(m[name]) && isObj(s) ? mergeSchema(m[name], s) : clone(s);
      merged[k] = m;
    } else if (k === 'items' && isObj(b) && isObj(v)) merged[k] = mergeSchema(b, v);
    else merged[k] = clone(v);
  }
  delete merged['x-extends'];
  return merged;
}

/** Port of UiSchemaMerger: per-field options merged, ui:order combined around anchors. */
export function mergeUiSchema(base: Json, own: Json): Json {
  const merged = clone(base) ?? {};
  for (const [k, v] of Object.entries(own ?? {})) {
    const b = merged[k];
    if (k === 'ui:order' && Array.isArray(b) && Array.isArray(v)) merged[k] = mergeOrder(b, v);
    else if (isObj(b) && isObj(v)) merged[k] = mergeUiSchema(b, v);
    else merged[k] = clone(v);
  }
  return merged;
}

function mergeOrder(baseOrder: string[], ownOrder: string[]) {
  const order = [...baseOrder];
  let insertAt = order.indexOf('*') >= 0 ? order.indexOf('*') : order.length;
  for (const name of ownOrder) {
    const existing = order.indexOf(name);
    if (existing >= 0) {
      insertAt = existing + 1;
      continue;
    }
    order.splice(insertAt++, 0, name);
  }
  return order;
}

/**
 * Resolves `x-extends` chains with a loader for base forms (GET /api/forms/{id}); returns self-contained schemas.
 */
export async function resolveExtends(
  schema: Json,
  uiSchema: Json,
  load: (formId: string) => Promise<{ schema: Json; uiSchema?: Json }>,
  seen: string[] = [],
): Promise<{ schema: Json; uiSchema: Json }> {
  const baseId = schema?.['x-extends'];
  if (typeof baseId !== 'string' || !baseId || seen.includes(baseId)) return { schema, uiSchema: uiSchema ?? {} };
  const base = await load(baseId);
  const resolvedBase = await resolveExtends(base.schema, base.uiSchema ?? {}, load, [...seen, baseId]);
  return { schema: mergeSchema(resolvedBase.schema, schema), uiSchema: mergeUiSchema(resolvedBase.uiSchema, uiSchema ?? {}) };
}

/**
 * Makes a schema + UI schema ready for RJSF 6: `enumNames` (schema) become `ui:enumNames` (UI schema), and every
 * `ui:order` lists exactly the object's properties (a '*' is added for the rest, unknown names are dropped).
 */
export function prepareForRjsf(schema: Json, uiSchema: Json): { schema: Json; uiSchema: Json } {
  const s = clone(schema) ?? {};
  const ui = clone(uiSchema) ?? {};
  walk(s, ui);
  return { schema: s, uiSchema: ui };
}

/** A branch that only says which fields are required ("upload a file, or give its address"): a check, not a form to pick. */
const requiredOnly = (branch: Json) => isObj(branch) && Object.keys(branch).every((k) => ['title', 'description', 'required'].includes(k));

function walk(schema: Json, ui: Json) {
  if (!isObj(schema) || !isObj(ui)) return;
  // RJSF would show such alternatives as a picker over an empty block; the server still checks them on submit.
  for (const key of ['anyOf', 'oneOf'])
    if (Array.isArray(schema[key]) && schema[key].length > 0 && schema[key].every(requiredOnly) && isObj(schema.properties)) delete schema[key];
  if (Array.isArray(schema.enumNames) && Array.isArray(schema.enum) && ui['ui:enumNames'] === undefined) ui['ui:enumNames'] = schema.enumNames;
  if (schema.items && isObj(schema.items)) {
    if (!isObj(ui.items)) ui.items = {};
    walk(schema.items, ui.items);
  }
  const props = collectProperties(schema);
  for (const [name, sub] of Object.entries(props)) {
    if (!isObj(ui[name])) ui[name] = {};
    walk(sub, ui[name]);
    if (Object.keys(ui[name]).length === 0) delete ui[name];
  }
  for (const key of ['anyOf', 'oneOf', 'allOf'])
    if (Array.isArray(schema[key])) for (const branch of schema[key]) if (isObj(branch) && branch.items) walk(branch, ui);
  if (Array.isArray(ui['ui:order'])) {
    const names = Object.keys(props);
    const order = (ui['ui:order'] as string[]).filter((n) => n === '*' || names.includes(n));
    if (!order.includes('*') && names.some((n) => !order.includes(n))) order.push('*');
    ui['ui:order'] = order;
  }
}

/** Properties of an object schema, including those defined in if/then/else and dependencies branches. */
export function collectProperties(schema: Json): Record<string, Json> {
  const out: Record<string, Json> = {};
  const add = (s: Json) => {
    if (!isObj(s)) return;
    if (isObj(s.properties)) for (const [k, v] of Object.entries(s.properties)) if (!(k in out)) out[k] = v;
    for (const key of ['then', 'else']) add(s[key]);
    if (Array.isArray(s.allOf)) s.allOf.forEach(add);
    if (isObj(s.dependencies)) for (const d of Object.values(s.dependencies)) if (isObj(d)) (d.oneOf ?? [d]).forEach(add);
  };
  add(schema);
  return out;
}

/** The sub-schema at an RJSF property path like `.evidence.0.fileName` (or `evidence[0].fileName`, `/evidence/0`). */
export function schemaAt(root: Json, path: string): Json | undefined {
  const parts = splitPath(path);
  let s = root;
  for (const p of parts) {
    if (!isObj(s)) return undefined;
    if (/^\d+$/.test(p) && s.items) s = s.items;
    else s = collectProperties(s)[p];
  }
  return s;
}

export function splitPath(path: string): string[] {
  return path
    .replace(/^\$/, '')
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/\['([^']+)'\]/g, '.$1')
    .split(/[./]/)
    .filter(Boolean);
}

/** Server errors [{path, message}] → RJSF's ErrorSchema (extraErrors), so they show next to their fields. */
export function toErrorSchema(errors: { path?: string | null; message: string }[]): Json {
  const root: Json = {};
  for (const e of errors) {
    let node = root;
    for (const part of splitPath(e.path ?? '')) node = node[part] ??= {};
    (node.__errors ??= []).push(e.message);
  }
  return root;
}

/** The schema's title, or the fallback. */
export function titleOf(schema: Json, fallback: string) {
  return (isObj(schema) && typeof schema.title === 'string' && schema.title) || fallback;
}
