/*
 * The form designer's field list ↔ JSON Schema + UI schema. Each field keeps its whole schema object, so keywords the
 * list does not edit survive. Conditional display is written as draft-07 `allOf: [{if, then}]`, which RJSF renders
 * (the field appears when the condition holds) and the server validates the same way.
 */

export type FieldType = 'text' | 'textarea' | 'number' | 'integer' | 'date' | 'select' | 'radio' | 'multiselect' | 'checkbox' | 'file' | 'files' | 'other';

export interface Condition {
  field: string;
  value: string | boolean | number;
}

export interface FieldModel {
  key: string;
  schema: any;
  ui: any;
  required: boolean;
  condition?: Condition;
}

const clone = <T,>(x: T): T => (x === undefined ? x : JSON.parse(JSON.stringify(x)));

export function fieldType(schema: any, ui: any): FieldType {
  const type = Array.isArray(schema?.type) ? schema.type[0] : schema?.type;
  if (Array.isArray(schema?.enum)) return ui?.['ui:widget'] === 'radio' ? 'radio' : 'select';
  if (type === 'boolean') return 'checkbox';
  if (type === 'integer') return 'integer';
  if (type === 'number') return 'number';
  if (type === 'array' && schema?.items?.format === 'data-url') return 'files';
  if (type === 'array' && Array.isArray(schema?.items?.enum)) return 'multiselect';
  if (type === 'string' || (!type && (schema?.format || schema?.pattern || schema?.minLength !== undefined))) {
    if (schema.format === 'date') return 'date';
    if (schema.format === 'data-url') return 'file';
    if (ui?.['ui:widget'] === 'textarea') return 'textarea';
    return 'text';
  }
  return 'other';
}

/** Changes a field's type, keeping its title, description and the keywords that still make sense. */
export function retype(f: FieldModel, type: FieldType): FieldModel {
  const keep = ['title', 'description', 'default', 'examples'];
  const schema: any = Object.fromEntries(Object.entries(f.schema).filter(([k]) => keep.includes(k) || (k.startsWith('x-') && k !== 'x-patternHint')));
  const ui: any = { ...f.ui };
  delete ui['ui:widget'];
  delete ui['ui:options'];
  delete ui['ui:enumNames'];
  switch (type) {
    case 'text':
      schema.type = 'string';
      break;
    case 'textarea':
      schema.type = 'string';
      ui['ui:widget'] = 'textarea';
      break;
    case 'number':
      schema.type = 'number';
      break;
    case 'integer':
      schema.type = 'integer';
      break;
    case 'date':
      schema.type = 'string';
      schema.format = 'date';
      break;
    case 'select':
    case 'radio':
      schema.type = 'string';
      schema.enum = f.schema.enum ?? ['option1', 'option2'];
      schema.enumNames = f.schema.enumNames ?? ['选项一', '选项二'];
      if (type === 'radio') ui['ui:widget'] = 'radio';
      break;
    case 'multiselect':
      schema.type = 'array';
      schema.uniqueItems = true;
      schema.items = { type: 'string', enum: f.schema.enum ?? f.schema.items?.enum ?? ['option1', 'option2'], enumNames: f.schema.enumNames ?? f.schema.items?.enumNames ?? ['选项一', '选项二'] };
      ui['ui:widget'] = 'checkboxes';
      break;
    case 'checkbox':
      schema.type = 'boolean';
      break;
    case 'file':
      schema.type = 'string';
      schema.format = 'data-url';
      break;
    case 'files':
      schema.type = 'array';
      schema.items = { type: 'string', format: 'data-url' };
      break;
    default:
      return f;
  }
  return { ...f, schema, ui };
}

function conditionOf(entry: any): { condition: Condition; then: any } | null {
  const props = entry?.if?.properties;
  if (!props || !entry.then?.properties || entry.else) return null;
  const keys = Object.keys(props);
  if (keys.length !== 1 || !('const' in (props[keys[0]] ?? {}))) return null;
  return { condition: { field: keys[0], value: props[keys[0]].const }, then: entry.then };
}

/** The fields of the form's own schema, in UI order: plain properties, then conditional ones. */
export function readFields(schema: any, uiSchema: any): FieldModel[] {
  const required: string[] = Array.isArray(schema?.required) ? schema.required : [];
  const fields: FieldModel[] = Object.entries(schema?.properties ?? {}).map(([key, s]) => ({
    key,
    schema: s,
    ui: uiSchema?.[key] ?? {},
    required: required.includes(key),
  }));
  for (const entry of Array.isArray(schema?.allOf) ? schema.allOf : []) {
    const c = conditionOf(entry);
    if (!c) continue;
    const thenRequired: string[] = c.then.required ?? [];
    for (const [key, s] of Object.entries(c.then.properties)) {
      if (fields.some((f) => f.key === key)) continue;
      fields.push({ key, schema: s, ui: uiSchema?.[key] ?? {}, required: thenRequired.includes(key), condition: c.condition });
    }
  }
  const order: string[] = Array.isArray(uiSchema?.['ui:order']) ? uiSchema['ui:order'] : [];
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.includes('*') ? order.indexOf('*') + 0.5 : 1e6);
  return fields.map((f, i) => ({ f, i })).sort((a, b) => rank(a.f.key) - rank(b.f.key) || a.i - b.i).map((x) => x.f);
}

/** Writes the field list back into the schema and UI schema, keeping every other keyword. */
export function writeFields(schema: any, uiSchema: any, fields: FieldModel[]): { schema: any; uiSchema: any } {
  const s = clone(schema) ?? {};
  const ui = clone(uiSchema) ?? {};
  const oldKeys = new Set(readFields(schema, uiSchema).map((f) => f.key));
  // Conditional entries the list manages are rebuilt; other allOf entries stay as they were.
  const otherAllOf = (Array.isArray(s.allOf) ? s.allOf : []).filter((e: any) => !conditionOf(e));
  const properties: Record<string, any> = {};
  const required: string[] = (Array.isArray(s.required) ? s.required : []).filter((k: string) => !oldKeys.has(k));
  const conditional = new Map<string, { condition: Condition; props: Record<string, any>; required: string[] }>();
  for (const f of fields) {
    if (f.condition && f.condition.field) {
      const id = JSON.stringify(f.condition);
      if (!conditional.has(id)) conditional.set(id, { condition: f.condition, props: {}, required: [] });
      const c = conditional.get(id)!;
      c.props[f.key] = f.schema;
      if (f.required) c.required.push(f.key);
    } else {
      properties[f.key] = f.schema;
      if (f.required) required.push(f.key);
    }
  }
  s.properties = properties;
  if (required.length) s.required = required;
  else delete s.required;
  const allOf = [
    ...otherAllOf,
    ...[...conditional.values()].map((c) => ({
      if: { properties: { [c.condition.field]: { const: c.condition.value } }, required: [c.condition.field] },
      then: { properties: c.props, ...(c.required.length ? { required: c.required } : {}) },
    })),
  ];
  if (allOf.length) s.allOf = allOf;
  else delete s.allOf;
  for (const k of oldKeys) if (!fields.some((f) => f.key === k)) delete ui[k];
  for (const f of fields) {
    if (f.ui && Object.keys(f.ui).length) ui[f.key] = f.ui;
    else delete ui[f.key];
  }
  const previousOrder: string[] = Array.isArray(ui['ui:order']) ? ui['ui:order'] : [];
  const listed = fields.map((f) => f.key);
  const others = previousOrder.filter((k) => !oldKeys.has(k) && !listed.includes(k));
  ui['ui:order'] = [...listed, ...others.filter((k) => k !== '*'), ...(previousOrder.includes('*') ? ['*'] : [])];
  return { schema: s, uiSchema: ui };
}

export function newField(existing: FieldModel[], type: FieldType, title: string): FieldModel {
  let n = existing.length + 1;
  while (existing.some((f) => f.key === `field${n}`)) n++;
  return retype({ key: `field${n}`, schema: { title }, ui: {}, required: false }, type);
}
