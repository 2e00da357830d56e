import { useEffect, useState } from 'react';
import { loadResolvedForm } from '../api/forms';
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

/** Loads the first form that exists among candidates (e.g. `kashgar/apply`, then `apply`), for labels. */
export function useFirstForm(candidates: (string | null | undefined)[]) {
  const [schema, setSchema] = useState<any>(null);
  const key = candidates.filter(Boolean).join('|');
  useEffect(() => {
    let live = true;
    (async () => {
      for (const id of candidates.filter(Boolean) as string[]) {
        try {
          const r = await loadResolvedForm(id);
          if (live) setSchema(r);
          return;
        } catch {
          /* try the next */
        }
      }
    })();
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return schema as { schema: any; uiSchema: any } | null;
}
