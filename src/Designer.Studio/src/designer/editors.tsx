import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { api } from '../api/client';
import { useApiQuery } from '../api/query';
import type { FormSummary, InputDescriptor, Vocabulary } from '../api/types';
import { useCatalog, type Labels } from '../catalog';
import { FormPreviewModal } from '../forms/FormPreview';
import { useT, type Translate } from '../i18n';
import { checkJavaScript } from './jsSyntax';
import { JsEditor } from './JsEditor';
import type { InputValue } from './model';

/*
 * One editor per uiHint of the activity catalog (Descriptors/ActivityAttribute.cs, UiHints). The property panel never
 * knows activity types: it looks only at each input's metadata.
 */

export interface EditorContext {
  labels: Labels;
  forms: FormSummary[];
  variables: string[];
  readOnly: boolean;
}

export interface InputEditorProps {
  input: InputDescriptor;
  value: InputValue;
  onChange: (type: string, value: unknown) => void;
  ctx: EditorContext;
  id: string;
}

const literalTypes = ['Literal', 'Object', 'Json'];

export function InputEditor(props: InputEditorProps) {
  const { input, value, onChange, ctx, id } = props;
  const t = useT();
  const isCode = input.uiHint === 'code';
  const isScript = value.present ? !literalTypes.includes(value.type) : isCode;
  const canToggle = input.supportsExpressions && !isCode;
  const scriptType = value.present && !literalTypes.includes(value.type) ? value.type : 'JavaScript';
  return (
    <div className="input-editor">
      {canToggle && (
        <div className="expr-toggle" role="group" aria-label={t('取值方式')}>
          <button type="button" className={!isScript ? 'on' : ''} disabled={ctx.readOnly} onClick={() => isScript && onChange('Literal', defaultLiteral(input))}>
            {t('固定值')}
          </button>
          <button
            type="button"
            className={isScript ? 'on' : ''}
            disabled={ctx.readOnly}
            title={t('用 JavaScript 表达式计算')}
            onClick={() => !isScript && onChange('JavaScript', value.value === undefined || value.value === null ? '' : `return ${JSON.stringify(value.value)};`)}
          >
            ƒx
          </button>
        </div>
      )}
      {isScript ? (
        scriptType === 'JavaScript' ? (
          <JsEditor id={id} value={typeof value.value === 'string' ? value.value : ''} readOnly={ctx.readOnly} onChange={(v) => onChange('JavaScript', v)} />
        ) : (
          <div>
            <div className="muted small">{t('表达式类型 {type}：原样保留', { type: scriptType })}</div>
            <textarea id={id} className="code" rows={3} value={String(value.value ?? '')} readOnly={ctx.readOnly} onChange={(e) => onChange(scriptType, e.target.value)} />
          </div>
        )
      ) : (
        <LiteralEditor {...props} />
      )}
    </div>
  );
}

function defaultLiteral(input: InputDescriptor) {
  return input.defaultValue ?? '';
}

/** What an editor in the registry gets: the input, its literal value, and how to write it back. */
export interface LiteralEditorProps {
  id: string;
  input: InputDescriptor;
  /** The literal value, or the input's default when it has none. */
  value: any;
  set: (value: unknown) => void;
  /** Writes the value with an expression type (the code editor writes JavaScript). */
  onChange: (type: string, value: unknown) => void;
  readOnly: boolean;
  ctx: EditorContext;
  vocab: Vocabulary;
  t: Translate;
}

type LiteralEditorRender = (p: LiteralEditorProps) => ReactNode;

const CheckBox: LiteralEditorRender = ({ id, value, set, readOnly, t }) => (
  <label className="check">
    <input id={id} type="checkbox" checked={value === true || value === 'true'} disabled={readOnly} onChange={(e) => set(e.target.checked)} /> {t('是')}
  </label>
);

/** The input's options, or else every code of a vocabulary list. */
function optionsOr({ input, ctx }: LiteralEditorProps, codes: Record<string, string>) {
  return input.options?.length ? input.options.map((o) => ({ value: o.value, label: ctx.labels.option(o) })) : Object.keys(codes).map((c) => ({ value: c, label: '' }));
}

/**
 * `uiHint → editor` (the hints of Descriptors/ActivityAttribute.cs). An input without a hint, or with one not listed
 * here (`single-line` among them), gets an editor by its type name (`byTypeName`). `registerEditor` adds or replaces one.
 */
const editors = new Map<string, LiteralEditorRender>([
  ['multi-line', ({ id, value, set, readOnly }) => <textarea id={id} rows={3} value={str(value)} readOnly={readOnly} onChange={(e) => set(e.target.value)} />],
  ['number', ({ id, value, set, readOnly, input }) => <NumberInput id={id} value={value} readOnly={readOnly} onChange={set} integer={input.typeName === 'Int32'} />],
  ['checkbox', CheckBox],
  [
    'dropdown',
    ({ id, value, set, readOnly, input, ctx, t }) => (
      <select id={id} value={str(value)} disabled={readOnly} onChange={(e) => set(e.target.value)}>
        {!input.required && <option value="">{t('（未设置）')}</option>}
        {(input.options ?? []).map((o) => (
          <option key={o.value} value={o.value}>
            {ctx.labels.option(o)}
          </option>
        ))}
      </select>
    ),
  ],
  [
    'stage-picker',
    (p) => {
      const { id, value, set, readOnly, ctx, vocab, t } = p;
      const options = optionsOr(p, vocab.stages);
      return (
        <select id={id} value={str(value)} disabled={readOnly} onChange={(e) => set(e.target.value)}>
          <option value="">{t('请选择阶段')}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value} title={o.value}>
              {ctx.labels.stage(o.value)}
            </option>
          ))}
          {str(value) && !options.some((o) => o.value === str(value)) && <option value={str(value)}>{str(value)}</option>}
        </select>
      );
    },
  ],
  [
    'role-picker',
    ({ id, value, set, readOnly, ctx, vocab, t }) => (
      <select id={id} value={str(value)} disabled={readOnly} onChange={(e) => set(e.target.value)}>
        <option value="">{t('请选择角色')}</option>
        {Object.keys(vocab.roles).map((r) => (
          <option key={r} value={r} title={r}>
            {ctx.labels.role(r)}
          </option>
        ))}
        {str(value) && !(str(value) in vocab.roles) && <option value={str(value)}>{str(value)}</option>}
      </select>
    ),
  ],
  ['organisation-picker', ({ id, value, set, ctx }) => <OrgPicker id={id} value={str(value)} onChange={set} ctx={ctx} />],
  ['committee-picker', ({ id, value, set, readOnly }) => <CommitteePicker id={id} value={str(value)} onChange={set} readOnly={readOnly} />],
  [
    'actions-picker',
    ({ id, value, set, readOnly, input, ctx, vocab }) => (
      <CodeListPicker
        id={id}
        value={list(value)}
        options={(input.options?.length ? input.options.map((o) => o.value) : Object.keys(vocab.actions)).map((c) => ({ value: c, label: ctx.labels.action(c) }))}
        onChange={set}
        readOnly={readOnly}
      />
    ),
  ],
  ['form-picker', ({ id, value, set, ctx }) => <FormPicker id={id} value={str(value)} onChange={set} ctx={ctx} />],
  [
    'variable-picker',
    ({ id, value, set, readOnly, ctx }) => (
      <>
        <input id={id} list={`${id}-vars`} value={str(value)} readOnly={readOnly} onChange={(e) => set(e.target.value)} />
        <datalist id={`${id}-vars`}>
          {ctx.variables.map((n) => (
            <option key={n} value={n} />
          ))}
        </datalist>
      </>
    ),
  ],
  [
    'string-list',
    ({ id, value, set, readOnly, input, ctx }) =>
      input.options?.length ? (
        <CodeListPicker id={id} value={list(value)} options={input.options.map((o) => ({ value: o.value, label: ctx.labels.option(o) }))} onChange={set} readOnly={readOnly} />
      ) : (
        <LinesEditor id={id} value={list(value)} onChange={set} readOnly={readOnly} />
      ),
  ],
  ['switch-cases', ({ id, value, set, readOnly }) => <CasesEditor id={id} value={Array.isArray(value) ? value : []} onChange={set} readOnly={readOnly} />],
  ['code', ({ id, value, onChange, readOnly }) => <JsEditor id={id} value={str(value)} readOnly={readOnly} onChange={(x) => onChange('JavaScript', x)} />],
  ['criteria-table', ({ id, value, set, readOnly }) => <TableEditor id={id} value={value} onChange={set} readOnly={readOnly} columns={['key', 'label', 'max']} />],
  ['rule-table', ({ id, value, set, readOnly }) => <JsonEditor id={id} value={value} onChange={set} readOnly={readOnly} checkScripts />],
  ['json-editor', ({ id, value, set, readOnly }) => <JsonEditor id={id} value={value} onChange={set} readOnly={readOnly} />],
  ['timespan', ({ id, value, set, readOnly }) => <TimeSpanInput id={id} value={str(value)} onChange={set} readOnly={readOnly} />],
]);

/** No hint (or an unknown one): Boolean → check box, Int32/Double → number, String[] → lines, Object → JSON, else text. */
const byTypeName: LiteralEditorRender = (p) => {
  const { id, value, set, readOnly, input } = p;
  if (input.typeName === 'Boolean') return CheckBox(p);
  if (input.typeName === 'Int32' || input.typeName === 'Double') return <NumberInput id={id} value={value} readOnly={readOnly} onChange={set} integer={input.typeName === 'Int32'} />;
  if (input.typeName === 'String[]') return <LinesEditor id={id} value={list(value)} onChange={set} readOnly={readOnly} />;
  if (input.typeName === 'Object' || (value && typeof value === 'object')) return <JsonEditor id={id} value={value} onChange={set} readOnly={readOnly} />;
  return <input id={id} value={str(value)} readOnly={readOnly} onChange={(e) => set(e.target.value)} />;
};

export function registerEditor(uiHint: string, render: LiteralEditorRender) {
  editors.set(uiHint, render);
}

function LiteralEditor({ input, value, onChange, ctx, id }: InputEditorProps) {
  const t = useT();
  const { vocab } = useCatalog();
  const type = value.present && literalTypes.includes(value.type) ? value.type : 'Literal';
  const render = (input.uiHint && editors.get(input.uiHint)) || byTypeName;
  return render({
    id,
    input,
    value: value.present ? value.value : input.defaultValue,
    set: (x: unknown) => onChange(type, x),
    onChange,
    readOnly: ctx.readOnly,
    ctx,
    vocab,
    t,
  });
}

function str(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function list(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(String);
  if (typeof v === 'string') {
    const s = v.trim();
    if (s.startsWith('[')) {
      try {
        return (JSON.parse(s) as unknown[]).map(String);
      } catch {
        /* fall through */
      }
    }
    return s.split(/[,，\n]/).map((x) => x.trim()).filter(Boolean);
  }
  return [];
}

function NumberInput({ id, value, onChange, readOnly, integer }: { id: string; value: unknown; onChange: (v: unknown) => void; readOnly: boolean; integer: boolean }) {
  const t = useT();
  const [text, setText] = useState(value === undefined || value === null ? '' : String(value));
  useEffect(() => setText(value === undefined || value === null ? '' : String(value)), [value]);
  const bad = text.trim() !== '' && (Number.isNaN(Number(text)) || (integer && !Number.isInteger(Number(text))));
  return (
    <>
      <input
        id={id}
        type="number"
        step={integer ? 1 : 'any'}
        value={text}
        readOnly={readOnly}
        aria-invalid={bad}
        onChange={(e) => {
          setText(e.target.value);
          const n = Number(e.target.value);
          if (e.target.value.trim() !== '' && !Number.isNaN(n) && (!integer || Number.isInteger(n))) onChange(n);
        }}
      />
      {bad && <div className="field-error">{integer ? t('请输入整数') : t('请输入数字')}</div>}
    </>
  );
}

function TimeSpanInput({ id, value, onChange, readOnly }: { id: string; value: string; onChange: (v: string) => void; readOnly: boolean }) {
  const t = useT();
  const ok = !value || /^(\d+\.)?\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value.trim());
  return (
    <>
      <input id={id} value={value} placeholder="1.00:00:00" readOnly={readOnly} onChange={(e) => onChange(e.target.value)} aria-invalid={!ok} />
      {!ok && <div className="field-error">{t('时长格式应为 天.时:分:秒，如 1.00:00:00 或 00:30:00')}</div>}
    </>
  );
}

/** Ordered multi-select of codes (actions, employment types): checked codes keep the options' order. */
export function CodeListPicker({
  id,
  value,
  options,
  onChange,
  readOnly,
}: {
  id: string;
  value: string[];
  options: { value: string; label: string }[];
  onChange: (v: string[]) => void;
  readOnly: boolean;
}) {
  const known = new Set(options.map((o) => o.value));
  const extra = value.filter((v) => !known.has(v));
  const toggle = (code: string, on: boolean) => {
    const set = new Set(value);
    if (on) set.add(code);
    else set.delete(code);
    onChange([...options.map((o) => o.value).filter((c) => set.has(c)), ...extra.filter((c) => set.has(c))]);
  };
  return (
    <div className="code-list" id={id} role="group">
      {[...options, ...extra.map((e) => ({ value: e, label: e }))].map((o) => (
        <label key={o.value} className="check chip-check">
          <input type="checkbox" checked={value.includes(o.value)} disabled={readOnly} onChange={(e) => toggle(o.value, e.target.checked)} />
          <span>{o.label || o.value}</span>
        </label>
      ))}
    </div>
  );
}

function LinesEditor({ id, value, onChange, readOnly }: { id: string; value: string[]; onChange: (v: string[]) => void; readOnly: boolean }) {
  const t = useT();
  const [text, setText] = useState(value.join('\n'));
  useEffect(() => {
    if (text.split('\n').map((s) => s.trim()).filter(Boolean).join('\n') !== value.join('\n')) setText(value.join('\n'));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  return (
    <>
      <textarea
        id={id}
        rows={Math.max(2, value.length + 1)}
        value={text}
        readOnly={readOnly}
        onChange={(e) => {
          setText(e.target.value);
          onChange(e.target.value.split('\n').map((s) => s.trim()).filter(Boolean));
        }}
      />
      <div className="field-hint">{t('每行一项')}</div>
    </>
  );
}

function JsonEditor({ id, value, onChange, readOnly, checkScripts }: { id: string; value: unknown; onChange: (v: unknown) => void; readOnly: boolean; checkScripts?: boolean }) {
  const t = useT();
  const asText = (v: unknown) => (v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v, null, 2));
  const [text, setText] = useState(asText(value));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current: unknown;
    try {
      current = text.trim() ? JSON.parse(text) : undefined;
    } catch {
      return;
    }
    if (JSON.stringify(current) !== JSON.stringify(typeof value === 'string' ? safeParse(value) : value)) setText(asText(value));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  const scriptProblems = useMemo(() => {
    if (!checkScripts || error) return [];
    const parsed = safeParse(text);
    const out: string[] = [];
    if (Array.isArray(parsed))
      parsed.forEach((row, i) => {
        for (const key of ['condition', 'when'])
          if (row && typeof row[key] === 'string') {
            const e = checkJavaScript(row[key]);
            if (e) out.push(t('第 {n} 条 {key}：{error}', { n: i + 1, key, error: e }));
          }
      });
    return out;
  }, [text, checkScripts, error, t]);
  return (
    <div className={`json-editor ${error ? 'js-invalid' : ''}`}>
      <textarea
        id={id}
        className="code"
        spellCheck={false}
        rows={Math.min(16, Math.max(3, text.split('\n').length))}
        value={text}
        readOnly={readOnly}
        onChange={(e) => {
          setText(e.target.value);
          try {
            const parsed = e.target.value.trim() ? JSON.parse(e.target.value) : null;
            setError(null);
            onChange(typeof value === 'string' ? JSON.stringify(parsed) : parsed);
          } catch (err) {
            setError((err as Error).message);
          }
        }}
      />
      {error && <div className="js-status bad">{t('JSON 格式错误')}：{error}</div>}
      {scriptProblems.map((p) => (
        <div key={p} className="js-status bad">
          {t('语法错误')}：{p}
        </div>
      ))}
    </div>
  );
}

function safeParse(s: unknown) {
  if (typeof s !== 'string') return s;
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}

/** Rows of flat objects (scoring criteria): a small table; nested values fall back to JSON cells. */
function TableEditor({ id, value, onChange, readOnly, columns }: { id: string; value: unknown; onChange: (v: unknown) => void; readOnly: boolean; columns: string[] }) {
  const t = useT();
  const rows: Record<string, any>[] = Array.isArray(value) ? value : [];
  const cols = [...new Set([...columns, ...rows.flatMap((r) => Object.keys(r ?? {}))])];
  const update = (i: number, key: string, raw: string) => {
    const next = rows.map((r, j) => (j === i ? { ...r, [key]: raw !== '' && !Number.isNaN(Number(raw)) && typeof rows[i]?.[key] !== 'string' && key !== 'key' && key !== 'label' ? Number(raw) : raw } : r));
    onChange(next);
  };
  return (
    <div className="table-editor" id={id}>
      <table>
        <thead>
          <tr>
            {cols.map((c) => (
              <th key={c}>{c}</th>
            ))}
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {cols.map((c) => (
                <td key={c}>
                  <input value={r?.[c] === undefined ? '' : typeof r[c] === 'object' ? JSON.stringify(r[c]) : String(r[c])} readOnly={readOnly} onChange={(e) => update(i, c, e.target.value)} />
                </td>
              ))}
              <td>
                {!readOnly && (
                  <button type="button" className="icon-btn" title={t('删除')} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
                    ×
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!readOnly && (
        <button type="button" className="btn btn-small" onClick={() => onChange([...rows, Object.fromEntries(cols.map((c) => [c, '']))])}>
          + {t('添加一行')}
        </button>
      )}
    </div>
  );
}

interface SwitchCase {
  label: string;
  condition?: { type: string; value: string } | null;
  [k: string]: unknown;
}

function CasesEditor({ id, value, onChange, readOnly }: { id: string; value: SwitchCase[]; onChange: (v: SwitchCase[]) => void; readOnly: boolean }) {
  const t = useT();
  const set = (i: number, c: SwitchCase) => onChange(value.map((x, j) => (j === i ? c : x)));
  return (
    <div className="cases-editor" id={id}>
      {value.map((c, i) => (
        <div key={i} className="case-row">
          <div className="case-head">
            <input value={c.label ?? ''} placeholder={t('出口名称')} readOnly={readOnly} onChange={(e) => set(i, { ...c, label: e.target.value })} aria-label={t('出口名称')} />
            {!readOnly && (
              <>
                <button type="button" className="icon-btn" disabled={i === 0} title={t('上移')} onClick={() => onChange(move(value, i, i - 1))}>
                  ↑
                </button>
                <button type="button" className="icon-btn" title={t('删除')} onClick={() => onChange(value.filter((_, j) => j !== i))}>
                  ×
                </button>
              </>
            )}
          </div>
          <JsEditor
            rows={2}
            value={c.condition?.value ?? ''}
            readOnly={readOnly}
            onChange={(v) => set(i, { ...c, condition: { ...(c.condition ?? {}), type: c.condition?.type ?? 'JavaScript', value: v } })}
          />
        </div>
      ))}
      {!readOnly && (
        <button type="button" className="btn btn-small" onClick={() => onChange([...value, { label: t('分支{n}', { n: value.length + 1 }), condition: { type: 'JavaScript', value: '' } }])}>
          + {t('添加分支')}
        </button>
      )}
    </div>
  );
}

function move<T>(xs: T[], from: number, to: number) {
  const next = [...xs];
  const [x] = next.splice(from, 1);
  next.splice(to, 0, x);
  return next;
}

/**
 * Organisation: a placeholder resolved at run time (unit, county/hr, applicant, system), or `<locality>/<department>`
 * (`{locality}` in templates), or `<locality>/enterprise/<id>`.
 */
/** A committee id, with the registered committees offered ("{series}" in the id stands for the applicant's series). */
function CommitteePicker({ id, value, onChange, readOnly }: { id: string; value: string; onChange: (v: string) => void; readOnly: boolean }) {
  const { data } = useApiQuery(['committees', 'picker'], () =>
    api.get<{ items: { id: string; name: string }[] }>('/api/committees?pageSize=200').catch(() => ({ items: [] })),
  );
  return (
    <>
      <input id={id} list={`${id}-committees`} value={value} readOnly={readOnly} onChange={(e) => onChange(e.target.value)} />
      <datalist id={`${id}-committees`}>
        {(data?.items ?? []).map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </datalist>
    </>
  );
}

function OrgPicker({ id, value, onChange, ctx }: { id: string; value: string; onChange: (v: string) => void; ctx: EditorContext }) {
  const t = useT();
  const { vocab } = useCatalog();
  const placeholders = vocab.organisationPlaceholders;
  const parts = value.split('/');
  // county/hr is a placeholder too, but is picked as 申报人所在县 + 部门 like every county/<department>.
  const isPlaceholder = placeholders.includes(value) && !value.startsWith('county/');
  const locality = isPlaceholder || !value ? '' : parts[0];
  const counties = vocab.counties?.[locality] ?? {};
  // `<locality>/<county>/<department>`: a county bureau; `county/<department>`: the bureau of the applicant's county.
  const county = parts.length === 3 && counties[parts[1]] ? parts[1] : '';
  const department = isPlaceholder ? '' : county ? parts[2] : (parts[1] ?? '');
  const enterprise = department === 'enterprise' ? parts.slice(2).join('/') : '';
  const firstValue = isPlaceholder ? value : locality ? `loc:${locality}` : '';
  const compose = (loc: string, dep: string, ent = '', cty = '') =>
    dep === 'enterprise' ? `${loc}/enterprise/${ent}` : !dep ? `${loc}/` : cty ? `${loc}/${cty}/${dep}` : `${loc}/${dep}`;
  return (
    <div className="org-picker">
      <div className="inline-2">
        <select
          id={id}
          value={firstValue}
          disabled={ctx.readOnly}
          onChange={(e) => {
            const v = e.target.value;
            if (!v) onChange('');
            else if (v.startsWith('loc:')) onChange(compose(v.slice(4), department || 'hr', enterprise));
            else onChange(v);
          }}
          aria-label={t('机构')}
        >
          <option value="">{t('请选择')}</option>
          <optgroup label={t('按申报人确定')}>
            {placeholders.filter((p) => !p.startsWith('county/')).map((p) => (
              <option key={p} value={p}>
                {ctx.labels.org(p)}
              </option>
            ))}
          </optgroup>
          <optgroup label={t('地区')}>
            <option value="loc:{locality}">{ctx.labels.org('{locality}')}</option>
            <option value="loc:county">{t('申报人所在县（市、区）')}</option>
            {Object.keys(vocab.localities).map((l) => (
              <option key={l} value={`loc:${l}`}>
                {ctx.labels.locality(l)}
              </option>
            ))}
          </optgroup>
        </select>
        {Object.keys(counties).length > 0 && (
          <select value={county} disabled={ctx.readOnly} onChange={(e) => onChange(compose(locality, department || 'hr', enterprise, e.target.value))} aria-label={t('县（市、区）')}>
            <option value="">{t('地区本级')}</option>
            {Object.entries(counties).map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
        )}
        {locality && (
          <select value={department} disabled={ctx.readOnly} onChange={(e) => onChange(compose(locality, e.target.value, enterprise, county))} aria-label={t('部门')}>
            <option value="">{t('请选择部门')}</option>
            {Object.keys(vocab.departments).map((d) => (
              <option key={d} value={d}>
                {ctx.labels.department(d)}
              </option>
            ))}
          </select>
        )}
      </div>
      {department === 'enterprise' && (
        <input value={enterprise} placeholder={t('企业的评委会编号')} readOnly={ctx.readOnly} onChange={(e) => onChange(compose(locality, 'enterprise', e.target.value))} aria-label={t('企业的评委会编号')} />
      )}
      <div className="field-hint" title={value || undefined}>
        {value ? ctx.labels.org(value) : '—'}
      </div>
    </div>
  );
}

function FormPicker({ id, value, onChange, ctx }: { id: string; value: string; onChange: (v: string) => void; ctx: EditorContext }) {
  const t = useT();
  const [preview, setPreview] = useState(false);
  const known = ctx.forms.some((f) => f.formId === value);
  return (
    <div className="form-picker">
      <div className="inline-2">
        <select id={id} value={value} disabled={ctx.readOnly} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('（无表单）')}</option>
          {ctx.forms.map((f) => (
            <option key={f.formId} value={f.formId}>
              {f.title ? `${f.title} (${f.formId})` : f.formId}
            </option>
          ))}
          {value && !known && <option value={value}>{value} ⚠</option>}
        </select>
        <button type="button" className="btn btn-small" disabled={!value} onClick={() => setPreview(true)}>
          {t('预览')}
        </button>
      </div>
      {value && !known && ctx.forms.length > 0 && <div className="field-error">{t('表单“{id}”不存在', { id: value })}</div>}
      {preview && value && <FormPreviewModal formId={value} onClose={() => setPreview(false)} />}
    </div>
  );
}
