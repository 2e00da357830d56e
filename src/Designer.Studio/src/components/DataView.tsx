import { useQuery, useQueryClient } from '@tanstack/react-query';
import { loadResolvedForm } from '../api/forms';
import { getAll } from '../api/paged';
import type { Procedure } from '../api/types';
import { useLabels, type CodeKind, type Labels } from '../catalog';
import { collectProperties, prepareForRjsf } from '../forms/schemaUtils';
import { useT } from '../i18n';

/** The applicant's fields (contract.md) whose values are vocabulary codes, by field name. */
const codeFields: Record<string, CodeKind> = {
  kind: 'kinds',
  series: 'series',
  level: 'levels',
  employmentType: 'employmentTypes',
  workplaceLevel: 'workplaceLevels',
  education: 'education',
  validIn: 'validIn',
};

/** The name of a code the form offers no option names for: a county of the application's locality, a series, a level… */
function vocabularyName(labels: Labels, field: string, value: string, locality?: string): string | null {
  if (field === 'county') return labels.county(locality, value);
  if (field === 'competentDepartment') return labels.department(value);
  const kind = codeFields[field];
  return kind ? labels.code(kind, value) : null;
}

/**
 * Submitted form data, read-only, labelled from the form's schema (titles, option names); files as downloads; a
 * vocabulary code (county, series, level, kind, employment type…) by its name.
 */
export function DataView({ data, schema, locality }: { data: any; schema?: any; locality?: string }) {
  const t = useT();
  if (!data || typeof data !== 'object') return <div className="muted small">{t('无')}</div>;
  const prepared = schema ? prepareForRjsf(schema, {}) : null;
  const props = prepared ? collectProperties(prepared.schema) : {};
  const order = Object.keys(props).filter((k) => k in data);
  const keys = [...order, ...Object.keys(data).filter((k) => !order.includes(k))];
  return (
    <dl className="data-view">
      {keys.map((k) => (
        <div key={k} className="dv-row">
          <dt>{props[k]?.title ?? k}</dt>
          <dd>
            <Value value={data[k]} schema={props[k]} ui={prepared?.uiSchema?.[k]} field={k} locality={locality} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Value({ value, schema, ui, field, locality }: { value: any; schema?: any; ui?: any; field?: string; locality?: string }) {
  const t = useT();
  const labels = useLabels();
  if (value === null || value === undefined || value === '') return <span className="muted">—</span>;
  if (typeof value === 'boolean') return <>{value ? t('是') : t('否')}</>;
  if (typeof value === 'string' && value.startsWith('data:')) {
    const name = /;name=([^;]+);/.exec(value)?.[1];
    return (
      <a href={value} download={name ? decodeURIComponent(name) : 'file'}>
        {name ? decodeURIComponent(name) : t('下载附件')}
      </a>
    );
  }
  if (Array.isArray(value))
    return (
      <ul className="dv-list">
        {value.map((v, i) => (
          <li key={i}>
            {v && typeof v === 'object' && !Array.isArray(v) ? (
              <DataView data={v} schema={schema?.items} locality={locality} />
            ) : (
              <Value value={v} schema={schema?.items} ui={ui?.items} />
            )}
          </li>
        ))}
      </ul>
    );
  if (typeof value === 'object') return <DataView data={value} schema={schema} locality={locality} />;
  // In English a vocabulary code reads from the vocabulary's English names (the form's option names are Chinese).
  if (labels.locale === 'en' && typeof value === 'string' && field && field !== 'county') {
    const name = vocabularyName(labels, field, value);
    if (name && name !== value) return <>{name}</>;
  }
  const names: string[] | undefined = ui?.['ui:enumNames'] ?? schema?.enumNames;
  if (Array.isArray(schema?.enum) && names) {
    const i = schema.enum.indexOf(value);
    if (i >= 0 && names[i]) return <>{names[i]}</>;
  }
  if (typeof value === 'string' && field) {
    const name = vocabularyName(labels, field, value, locality);
    if (name) return <>{name}</>;
  }
  return <>{String(value)}</>;
}

/**
 * The schema that labels an application's data: the apply form as the application's workflow version pinned it (the
 * server sends it with the application; a later form version may have renamed or dropped fields). Without one, the
 * procedure's apply form (from the procedures open in the user's locality), then the locality's and the shared apply
 * form; a field takes its title from the first form that has it.
 */
export function useApplyFormSchema(application: { definitionId?: string; locality?: unknown; applyForm?: { schema?: unknown } | null } | undefined) {
  const queryClient = useQueryClient();
  const definitionId = application?.definitionId;
  const locality = typeof application?.locality === 'string' ? application.locality : '';
  const pinned = application?.applyForm?.schema;
  const { data } = useQuery({
    queryKey: ['apply-form-schema', definitionId, locality],
    enabled: !!definitionId && !pinned,
    queryFn: async () => {
      const procedures = await queryClient
        .fetchQuery({ queryKey: ['procedures', 'all'], queryFn: () => getAll<Procedure>('/api/procedures') })
        .catch(() => [] as Procedure[]);
      const procedure = procedures.find((p) => p.definitionId === definitionId);
      const candidates = [procedure?.applyForm as string | undefined, locality ? `${locality}/apply` : undefined, 'apply'].filter(Boolean) as string[];
      const loaded = await Promise.all(
        [...new Set(candidates)].map((id) => queryClient.fetchQuery({ queryKey: ['resolved-form', id], queryFn: () => loadResolvedForm(id) }).then((f) => f.schema, () => null)),
      );
      const properties: Record<string, any> = {};
      for (const s of loaded) for (const [k, v] of Object.entries(s ? collectProperties(s) : {})) if (!(k in properties)) properties[k] = v;
      return { type: 'object', properties };
    },
  });
  return pinned ?? data ?? null;
}
