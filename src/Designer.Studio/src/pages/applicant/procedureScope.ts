import type { Procedure } from '../../api/types';
import type { CodeKind } from '../../catalog';

type Translate = (text: string, values?: Record<string, string | number>) => string;

/** The application fields a procedure's scope restricts, with the code list each label comes from. */
const SCOPED: { field: string; list: 'kinds' | 'series' | 'levels' | 'employmentTypes' | 'counties'; codes?: string; label: string }[] = [
  { field: 'kind', list: 'kinds', codes: 'kinds', label: '申报类别' },
  { field: 'series', list: 'series', codes: 'series', label: '系列' },
  { field: 'level', list: 'levels', codes: 'levels', label: '级别' },
  { field: 'employmentType', list: 'employmentTypes', codes: 'employmentTypes', label: '人员类别' },
  { field: 'county', list: 'counties', label: '所在县（市、区）' },
];

/**
 * The fields of the form data outside the procedure's declared scope, as the server names them (path `$.field`):
 * checked before submitting so the applicant sees the same refusal without a round trip.
 */
export function scopeViolations(procedure: Procedure, data: Record<string, unknown>, t: Translate, codeName: (kind: CodeKind, code: string) => string) {
  const scope = procedure.scope as Record<string, string[] | undefined> | undefined;
  const found: { path: string; message: string }[] = [];
  for (const { field, list, codes, label } of SCOPED) {
    const allowed = scope?.[list] ?? [];
    const value = data?.[field];
    // A field left empty is the form's business (it says what is required), not the scope's.
    if (allowed.length === 0 || typeof value !== 'string' || value === '' || allowed.includes(value)) continue;
    const names = allowed.map((c) => (codes ? codeName(codes as CodeKind, c) : c)).join('、');
    found.push({ path: `$.${field}`, message: t('{label}不在本事项的申报范围内，可选：{allowed}', { label: t(label), allowed: names }) });
  }
  return found;
}
