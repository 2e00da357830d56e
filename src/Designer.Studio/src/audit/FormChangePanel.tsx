import { useEffect, useMemo, useRef } from 'react';
import { api, idPath, qs } from '../api/client';
import { useApiQuery } from '../api/query';
import type { FormVersion } from '../api/types';
import { ErrorBox, Spinner } from '../components/ui';
import { useT } from '../i18n';
import type { FormDiff } from './api';
import { compactJson, kindLabels } from './values';

interface FieldRow {
  name: string;
  old?: Record<string, any>;
  new?: Record<string, any>;
  oldRequired: boolean;
  newRequired: boolean;
}

const aspects = ['title', 'type', 'required', 'limits', 'options'] as const;

/**
 * One form of the comparison, field by field: both versions' fields in one table, changed cells old → new, and the
 * field a change in the list points at scrolled into view and highlighted.
 */
export function FormChangePanel({ form, focusField }: { form: FormDiff; focusField?: string | null }) {
  const t = useT();
  const load = (v: string | number | null | undefined) =>
    v === null || v === undefined || v === '' ? Promise.resolve(null) : api.get<FormVersion>(`/api/forms/${idPath(form.formId)}${qs({ version: v })}`).catch(() => null);
  const { data, error, loading, reload } = useApiQuery(['form-versions', form.formId, form.oldVersion, form.newVersion], () =>
    Promise.all([load(form.oldVersion), load(form.newVersion)]),
  );
  const rows = useMemo(() => (data ? fieldRows(data[0], data[1]) : []), [data]);
  const changedFields = useMemo(() => {
    const m = new Map<string, string>();
    for (const f of form.fields) {
      m.set(f.field, f.kind);
      if (f.renamedTo) m.set(f.renamedTo, 'renamed');
    }
    return m;
  }, [form.fields]);
  const body = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!focusField || !body.current) return;
    const el = body.current.querySelector(`[data-field="${CSS.escape(focusField)}"]`);
    if (el) (el as HTMLElement).scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [focusField, rows]);

  if (loading) return <Spinner />;
  if (error) return <ErrorBox error={error} onRetry={reload} />;
  return (
    <div className="form-change" ref={body} data-testid="form-change-panel">
      {rows.length === 0 ? (
        <div className="muted pad">{t('无法载入表单“{id}”的这两个版本', { id: form.formId })}</div>
      ) : (
        <table className="table compact form-change-table">
          <thead>
            <tr>
              <th>{t('字段名')}</th>
              <th>{t('标题')}</th>
              <th>{t('类型')}</th>
              <th>{t('必填')}</th>
              <th>{t('限制')}</th>
              <th>{t('选项')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const kind = changedFields.get(r.name) ?? (!r.old ? 'added' : !r.new ? 'removed' : undefined);
              return (
                <tr key={r.name} data-field={r.name} className={`${kind ? `fc-${kind}` : ''}${focusField === r.name ? ' is-focused' : ''}`}>
                  <td>
                    <code>{r.name}</code>
                    {kind && <span className={`change-kind change-kind-${kind}`}>{t(kindLabels[kind] ?? kind)}</span>}
                  </td>
                  {aspects.map((a) => (
                    <td key={a}>
                      <Cell a={aspectOf(r, a, 'old', t)} b={aspectOf(r, a, 'new', t)} both={!!r.old && !!r.new} />
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}

function Cell({ a, b, both }: { a: string; b: string; both: boolean }) {
  if (!both || a === b) return <>{b || a}</>;
  return (
    <span className="change-oldnew">
      <span className="diff-old">{a || '—'}</span>
      <span className="diff-arrow">→</span>
      <span className="diff-new">{b || '—'}</span>
    </span>
  );
}

function schemaOf(v: FormVersion | null) {
  return (v?.resolvedSchema ?? v?.schema ?? null) as { properties?: Record<string, any>; required?: string[] } | null;
}

function fieldRows(oldV: FormVersion | null, newV: FormVersion | null): FieldRow[] {
  const a = schemaOf(oldV);
  const b = schemaOf(newV);
  const oldProps = a?.properties ?? {};
  const newProps = b?.properties ?? {};
  const oldReq = new Set(a?.required ?? []);
  const newReq = new Set(b?.required ?? []);
  const names = [...Object.keys(newProps), ...Object.keys(oldProps).filter((k) => !(k in newProps))];
  return names.map((name) => ({ name, old: oldProps[name], new: newProps[name], oldRequired: oldReq.has(name), newRequired: newReq.has(name) }));
}

function aspectOf(r: FieldRow, aspect: (typeof aspects)[number], side: 'old' | 'new', t: (s: string) => string): string {
  const f = side === 'old' ? r.old : r.new;
  if (!f) return '';
  switch (aspect) {
    case 'title':
      return f.title ?? '';
    case 'type':
      return [f.type, f.format].filter(Boolean).join(' / ');
    case 'required':
      return (side === 'old' ? r.oldRequired : r.newRequired) ? t('必填') : t('选填');
    case 'limits': {
      const parts: string[] = [];
      for (const k of ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'minItems', 'maxItems', 'pattern'])
        if (f[k] !== undefined) parts.push(`${k}=${f[k]}`);
      return parts.join(' ');
    }
    case 'options': {
      const list = f.oneOf ?? f.anyOf ?? f.enum ?? f.items?.enum ?? f.items?.oneOf;
      if (!Array.isArray(list)) return '';
      return list.map((x: any) => (x && typeof x === 'object' ? (x.title ?? x.const ?? compactJson(x)) : String(x))).join('、');
    }
  }
}
