import { useQuery, useQueryClient } from '@tanstack/react-query';
import { loadResolvedForm } from '../api/forms';
import { getAll } from '../api/paged';
import type { Procedure } from '../api/types';
import { collectProperties, prepareForRjsf } from '../forms/schemaUtils';
import { useT } from '../i18n';

/** Submitted form data, read-only, labelled from the form's schema (titles, option names); files as downloads. */
export function DataView({ data, schema }: { data: any; schema?: any }) {
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
            <Value value={data[k]} schema={props[k]} ui={prepared?.uiSchema?.[k]} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Value({ value, schema, ui }: { value: any; schema?: any; ui?: any }) {
  const t = useT();
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
              <DataView data={v} schema={schema?.items} />
            ) : (
              <Value value={v} schema={schema?.items} ui={ui?.items} />
            )}
          </li>
        ))}
      </ul>
    );
  if (typeof value === 'object') return <DataView data={value} schema={schema} />;
  const names: string[] | undefined = ui?.['ui:enumNames'] ?? schema?.enumNames;
  if (Array.isArray(schema?.enum) && names) {
    const i = schema.enum.indexOf(value);
    if (i >= 0 && names[i]) return <>{names[i]}</>;
  }
  return <>{String(value)}</>;
}

/**
 * The schema that labels an application's data: the procedure's apply form (from the procedures open in the user's
 * locality), then the locality's and the shared apply form; a field takes its title from the first form that has it.
 */
export function useApplyFormSchema(application: { definitionId?: string; locality?: unknown } | undefined) {
  const queryClient = useQueryClient();
  const definitionId = application?.definitionId;
  const locality = typeof application?.locality === 'string' ? application.locality : '';
  const { data } = useQuery({
    queryKey: ['apply-form-schema', definitionId, locality],
    enabled: !!definitionId,
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
  return data ?? null;
}
