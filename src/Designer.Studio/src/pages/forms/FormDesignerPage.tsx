import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { api, ApiError, idPath } from '../../api/client';
import { loadForm } from '../../api/forms';
import type { FormVersion } from '../../api/types';
import { isAdmin, useAuth } from '../../auth';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { UnsavedChangesGuard } from '../../components/UnsavedChangesGuard';
import { useApiQuery, useWrite } from '../../api/query';
import { useQueryClient } from '@tanstack/react-query';
import { Badge, ErrorBox, Spinner, useToast } from '../../components/ui';
import { fieldType, newField, readFields, retype, writeFields, type FieldModel, type FieldType } from '../../forms/fieldModel';
import { SchemaForm } from '../../forms/SchemaForm';
import { resolveExtends, toErrorSchema } from '../../forms/schemaUtils';
import { useI18n } from '../../i18n';

const fieldTypes: { type: FieldType; label: string }[] = [
  { type: 'text', label: '单行文本' },
  { type: 'textarea', label: '多行文本' },
  { type: 'number', label: '数字' },
  { type: 'integer', label: '整数' },
  { type: 'date', label: '日期' },
  { type: 'select', label: '下拉选择' },
  { type: 'radio', label: '单选' },
  { type: 'multiselect', label: '多选' },
  { type: 'checkbox', label: '勾选' },
  { type: 'file', label: '附件' },
  { type: 'files', label: '多个附件' },
];

interface FormState {
  schema: any;
  uiSchema: any;
}

/** The form as stored, or an empty draft-07 form when the id is new (404). */
async function loadOrNew(formId: string): Promise<{ form: FormVersion; isNew: boolean }> {
  try {
    return { form: await loadForm(formId), isNew: false };
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 404) throw error;
    return {
      isNew: true,
      form: {
        formId,
        version: 0,
        isPublished: false,
        concurrencyToken: '',
        updatedBy: '',
        updatedAt: '',
        resolvedSchema: null,
        resolvedUiSchema: null,
        schema: { $schema: 'http://json-schema.org/draft-07/schema#', title: formId, type: 'object', properties: {} },
        uiSchema: {},
      },
    };
  }
}

export function FormDesignerPage({ formId }: { formId: string }) {
  const { data, error, loading, reload } = useApiQuery(['form', formId], () => loadOrNew(formId));
  // 放弃修改 loads the stored form again into a fresh designer.
  const [generation, setGeneration] = useState(0);
  const queryClient = useQueryClient();
  const discard = useCallback(async () => {
    await queryClient.refetchQueries({ queryKey: ['form', formId] });
    setGeneration((g) => g + 1);
  }, [queryClient, formId]);
  if (loading) return <Spinner />;
  if (error || !data)
    return (
      <div className="main">
        <ErrorBox error={error} onRetry={reload} />
      </div>
    );
  return <FormDesigner key={generation} initial={data.form} isNew={data.isNew} onReload={discard} />;
}

function FormDesigner({ initial, isNew, onReload }: { initial: FormVersion; isNew: boolean; onReload: () => void }) {
  const { t } = useI18n();
  const { me } = useAuth();
  const toast = useToast();
  const readOnly = !isAdmin(me);
  const [form, setForm] = useState<FormState>({ schema: initial.schema ?? {}, uiSchema: initial.uiSchema ?? {} });
  const [meta, setMeta] = useState({ version: initial.version, concurrencyToken: initial.concurrencyToken, isPublished: initial.isPublished });
  const [dirty, setDirty] = useState(isNew);
  const [created, setCreated] = useState(!isNew);
  const [open, setOpen] = useState<string | null>(null);
  const [rawTab, setRawTab] = useState<'schema' | 'ui'>('schema');
  const write = useWrite();
  const queryClient = useQueryClient();
  const busy = write.pending;
  const [serverErrors, setServerErrors] = useState<{ path?: string | null; message: string }[]>([]);
  const fields = useMemo(() => readFields(form.schema, form.uiSchema), [form]);

  const update = useCallback((next: FormState) => {
    setForm(next);
    setDirty(true);
  }, []);
  const setFields = (next: FieldModel[]) => update(writeFields(form.schema, form.uiSchema, next));
  const setField = (key: string, f: FieldModel) => setFields(fields.map((x) => (x.key === key ? f : x)));

  // Preview: the form with x-extends resolved, exactly as applicants get it.
  const baseCache = useRef(new Map<string, Promise<{ schema: any; uiSchema?: any }>>());
  const [preview, setPreview] = useState<{ schema: any; uiSchema: any } | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const loader = (id: string) => {
      if (!baseCache.current.has(id))
        baseCache.current.set(id, queryClient.fetchQuery({ queryKey: ['form-version', id], queryFn: () => loadForm(id) }).then((f) => ({ schema: f.schema, uiSchema: f.uiSchema })));
      return baseCache.current.get(id)!;
    };
    resolveExtends(form.schema, form.uiSchema, loader).then(
      (r) => {
        if (!live) return;
        setPreview(r);
        setPreviewError(null);
      },
      (e) => live && setPreviewError((e as Error).message),
    );
    return () => {
      live = false;
    };
  }, [form, queryClient]);
  const [previewData, setPreviewData] = useState<any>({});
  const previewRef = useRef<any>(null);

  async function save(): Promise<boolean> {
    setServerErrors([]);
    try {
      const r = await write(() =>
        created
        ? api.put<any>(`/api/forms/${idPath(initial.formId)}/draft`, {
            schema: form.schema,
            uiSchema: form.uiSchema,
            baseVersion: meta.version,
            concurrencyToken: meta.concurrencyToken,
          })
        : api.post<any>('/api/forms', { formId: initial.formId, schema: form.schema, uiSchema: form.uiSchema }),
      );
      setCreated(true);
      setMeta({ version: r?.version ?? meta.version, concurrencyToken: r?.concurrencyToken ?? meta.concurrencyToken, isPublished: r?.isPublished ?? false });
      setDirty(false);
      toast(t('表单草稿已保存'), 'ok');
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) toast(t('其他人已修改此表单，请先复制您的修改，再刷新页面'), 'error');
      else toast(t('保存失败：{message}', { message: (e as Error).message }), 'error');
      if (e instanceof ApiError) setServerErrors(e.errors);
      return false;
    }
  }

  async function publish() {
    if (dirty && !(await save())) return;
    try {
      const r = await write(() => api.post<any>(`/api/forms/${idPath(initial.formId)}/publish`, {}));
      setMeta((m) => ({ ...m, version: r?.version ?? m.version, isPublished: true }));
      toast(t('表单已发布'), 'ok');
    } catch (e) {
      toast(t('发布失败：{message}', { message: (e as Error).message }), 'error');
      if (e instanceof ApiError) setServerErrors(e.errors);
    }
  }

  const conditionSources = fields.filter((f) => ['select', 'radio', 'checkbox'].includes(fieldType(f.schema, f.ui)));
  const extendsId: string | undefined = form.schema?.['x-extends'];
  const inheritedCount = preview ? Object.keys(preview.schema?.properties ?? {}).filter((k) => !fields.some((f) => f.key === k)).length : 0;

  return (
    <div className="form-designer">
      <UnsavedChangesGuard when={dirty && !readOnly} />
      <div className="designer-bar">
        <div className="designer-title">
          <Link to={'/forms'} className="muted small">
            ← {t('表单列表')}
          </Link>
          <h1>{form.schema?.title || initial.formId}</h1>
          <code className="muted small">{initial.formId}</code>
          {meta.isPublished ? <Badge tone="ok">{t('已发布')}</Badge> : <Badge tone="warn">{t('草稿')}</Badge>}
          {meta.version ? <span className="muted small">{t('第 {v} 版', { v: meta.version })}</span> : null}
          {dirty && <Badge tone="info">{t('未保存')}</Badge>}
        </div>
        {!readOnly && (
          <div className="designer-actions">
            <button className="btn btn-small" onClick={onReload} disabled={busy}>
              {t('放弃修改')}
            </button>
            <button className="btn btn-small" onClick={save} disabled={busy} data-testid="form-save">
              {t('保存草稿')}
            </button>
            <button className="btn btn-small btn-primary" onClick={publish} disabled={busy} data-testid="form-publish">
              {t('发布')}
            </button>
          </div>
        )}
      </div>
      {serverErrors.length > 0 && (
        <div className="alert alert-error small">
          {serverErrors.map((e, i) => (
            <div key={i}>
              {e.path && <code>{e.path}</code>} {e.message}
            </div>
          ))}
        </div>
      )}
      <div className="form-designer-body">
        <section className="fd-fields">
          <div className="panel-title">
            {t('字段')} <span className="muted small">{fields.length}</span>
          </div>
          <div className="fd-form-props">
            <label className="field-label" htmlFor="fd-title">
              {t('表单标题')}
            </label>
            <input id="fd-title" value={form.schema?.title ?? ''} readOnly={readOnly} onChange={(e) => update({ ...form, schema: { ...form.schema, title: e.target.value } })} />
            {extendsId && (
              <div className="field-hint">
                {t('扩展自基础表单')} <Link to={`/forms/${extendsId}`}>{extendsId}</Link>
                {t('：另有 {n} 个字段继承自基础表单，在预览中显示。', { n: inheritedCount })}
              </div>
            )}
          </div>
          <ul className="fd-field-list">
            {fields.map((f, i) => (
              <li key={f.key} className={`fd-field ${open === f.key ? 'open' : ''}`} data-field={f.key}>
                <div className="fd-field-head" onClick={() => setOpen(open === f.key ? null : f.key)}>
                  <span className="fd-field-title">
                    {f.schema.title || f.key}
                    {f.required && <span className="req">*</span>}
                  </span>
                  <span className="muted small">
                    <code>{f.key}</code> · {t(fieldTypes.find((x) => x.type === fieldType(f.schema, f.ui))?.label ?? '复杂字段')}
                    {f.condition ? ` · ${t('有条件显示')}` : ''}
                  </span>
                  {!readOnly && (
                    <span className="fd-field-tools" onClick={(e) => e.stopPropagation()}>
                      <button className="icon-btn" disabled={i === 0} title={t('上移')} onClick={() => setFields(swap(fields, i, i - 1))}>
                        ↑
                      </button>
                      <button className="icon-btn" disabled={i === fields.length - 1} title={t('下移')} onClick={() => setFields(swap(fields, i, i + 1))}>
                        ↓
                      </button>
                      <button className="icon-btn" title={t('删除')} onClick={() => window.confirm(t('删除字段“{name}”？', { name: f.schema.title || f.key })) && setFields(fields.filter((x) => x.key !== f.key))}>
                        ×
                      </button>
                    </span>
                  )}
                </div>
                {open === f.key && (
                  <FieldEditor
                    field={f}
                    readOnly={readOnly}
                    others={fields.filter((x) => x.key !== f.key)}
                    conditionSources={conditionSources.filter((x) => x.key !== f.key)}
                    onChange={(next) => {
                      if (next.key !== f.key) setOpen(next.key);
                      setField(f.key, next);
                    }}
                  />
                )}
              </li>
            ))}
          </ul>
          {!readOnly && (
            <div className="fd-add">
              <span className="muted small">{t('添加字段')}：</span>
              {fieldTypes.map((ft) => (
                <button
                  key={ft.type}
                  className="btn btn-small"
                  onClick={() => {
                    const f = newField(fields, ft.type, t('新字段'));
                    setFields([...fields, f]);
                    setOpen(f.key);
                  }}
                >
                  + {t(ft.label)}
                </button>
              ))}
            </div>
          )}
        </section>
        <section className="fd-raw">
          <div className="drawer-tabs">
            <button className={rawTab === 'schema' ? 'on' : ''} onClick={() => setRawTab('schema')}>
              JSON Schema
            </button>
            <button className={rawTab === 'ui' ? 'on' : ''} onClick={() => setRawTab('ui')}>
              UI Schema
            </button>
          </div>
          <RawEditor
            key={rawTab}
            value={rawTab === 'schema' ? form.schema : form.uiSchema}
            readOnly={readOnly}
            onChange={(v) => update(rawTab === 'schema' ? { ...form, schema: v } : { ...form, uiSchema: v })}
          />
        </section>
        <section className="fd-preview">
          <div className="panel-title fd-preview-title">
            <span>
              {t('预览')} <span className="muted small">{t('与申报人看到的一致')}</span>
            </span>
            <button className="btn btn-small" data-testid="validate-preview" onClick={() => previewRef.current?.validateForm()}>
              {t('试填校验')}
            </button>
          </div>
          {previewError && <div className="alert alert-error small">{previewError}</div>}
          {preview && (
            <div className="fd-preview-body" data-testid="form-preview">
              <ErrorBoundary resetKey={preview}>
                <SchemaForm
                  ref={previewRef}
                  schema={preview.schema}
                  uiSchema={preview.uiSchema}
                  formData={previewData}
                  onChange={setPreviewData}
                  idPrefix="fdpreview"
                  extraErrors={serverErrors.length ? toErrorSchema(serverErrors) : undefined}
                />
              </ErrorBoundary>
            </div>
          )}
        </section>
      </div>
    </div>
  );
}

function swap<T>(xs: T[], a: number, b: number) {
  const next = [...xs];
  [next[a], next[b]] = [next[b], next[a]];
  return next;
}

function RawEditor({ value, onChange, readOnly }: { value: any; onChange: (v: any) => void; readOnly: boolean }) {
  const { t } = useI18n();
  const [text, setText] = useState(() => JSON.stringify(value ?? {}, null, 2));
  const [error, setError] = useState<string | null>(null);
  const focused = useRef(false);
  useEffect(() => {
    if (!focused.current) setText(JSON.stringify(value ?? {}, null, 2));
  }, [value]);
  return (
    <div className="raw-editor">
      <textarea
        className="code"
        spellCheck={false}
        value={text}
        readOnly={readOnly}
        onFocus={() => (focused.current = true)}
        onBlur={() => {
          focused.current = false;
          if (!error) setText(JSON.stringify(value ?? {}, null, 2));
        }}
        onChange={(e) => {
          setText(e.target.value);
          try {
            const parsed = JSON.parse(e.target.value);
            if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error(t('必须是 JSON 对象'));
            setError(null);
            onChange(parsed);
          } catch (err) {
            setError((err as Error).message);
          }
        }}
        aria-invalid={!!error}
      />
      {error && <div className="js-status bad">{t('JSON 格式错误')}：{error}</div>}
    </div>
  );
}

function FieldEditor({
  field,
  onChange,
  readOnly,
  others,
  conditionSources,
}: {
  field: FieldModel;
  onChange: (f: FieldModel) => void;
  readOnly: boolean;
  others: FieldModel[];
  conditionSources: FieldModel[];
}) {
  const { t } = useI18n();
  const type = fieldType(field.schema, field.ui);
  const s = field.schema;
  const setSchema = (patch: Record<string, unknown>) => {
    const next = { ...s, ...patch };
    for (const [k, v] of Object.entries(patch)) if (v === undefined || v === '') delete next[k];
    onChange({ ...field, schema: next });
  };
  const setUi = (patch: Record<string, unknown>) => {
    const next = { ...field.ui, ...patch };
    for (const [k, v] of Object.entries(patch)) if (v === undefined || v === '') delete next[k];
    onChange({ ...field, ui: next });
  };
  const num = (v: string) => (v.trim() === '' || Number.isNaN(Number(v)) ? undefined : Number(v));
  const [keyDraft, setKeyDraft] = useState(field.key);
  const keyValid = /^[A-Za-z_][A-Za-z0-9_]*$/.test(keyDraft) && !others.some((o) => o.key === keyDraft);
  // Options live on the field (select, radio) or on its items (multi-select).
  const optionHost = type === 'multiselect' ? (s.items ?? {}) : s;
  const options: string = (optionHost.enum ?? []).map((v: unknown, i: number) => `${v}=${(optionHost.enumNames ?? field.ui['ui:enumNames'] ?? [])[i] ?? v}`).join('\n');
  const [optionsText, setOptionsText] = useState(options);
  const conditionSource = conditionSources.find((c) => c.key === field.condition?.field);
  const p = (k: string) => `fd-${field.key}-${k}`;

  return (
    <div className="fd-editor" onClick={(e) => e.stopPropagation()}>
      <div className="row-2">
        <div>
          <label className="field-label" htmlFor={p('title')}>
            {t('标题')}
          </label>
          <input id={p('title')} data-testid="field-title" value={s.title ?? ''} readOnly={readOnly} onChange={(e) => setSchema({ title: e.target.value })} />
        </div>
        <div>
          <label className="field-label" htmlFor={p('key')}>
            {t('字段名')}
          </label>
          <input
            id={p('key')}
            value={keyDraft}
            readOnly={readOnly}
            aria-invalid={!keyValid}
            onChange={(e) => setKeyDraft(e.target.value)}
            onBlur={() => keyValid && keyDraft !== field.key && onChange({ ...field, key: keyDraft })}
          />
          {!keyValid && <div className="field-error">{t('字段名须为英文字母开头、不重复')}</div>}
        </div>
      </div>
      <div className="row-2">
        <div>
          <label className="field-label" htmlFor={p('type')}>
            {t('类型')}
          </label>
          <select id={p('type')} value={type} disabled={readOnly || type === 'other'} onChange={(e) => onChange(retype(field, e.target.value as FieldType))}>
            {fieldTypes.map((ft) => (
              <option key={ft.type} value={ft.type}>
                {t(ft.label)}
              </option>
            ))}
            {type === 'other' && <option value="other">{t('复杂字段（在 JSON Schema 中编辑）')}</option>}
          </select>
        </div>
        <div className="checks">
          <label className="check">
            <input type="checkbox" checked={field.required} disabled={readOnly} onChange={(e) => onChange({ ...field, required: e.target.checked })} /> {t('必填')}
          </label>
          {type === 'checkbox' && (
            <label className="check">
              <input type="checkbox" checked={s.const === true} disabled={readOnly} onChange={(e) => setSchema({ const: e.target.checked ? true : undefined })} /> {t('必须勾选')}
            </label>
          )}
        </div>
      </div>
      <label className="field-label" htmlFor={p('desc')}>
        {t('说明')}
      </label>
      <input id={p('desc')} value={s.description ?? ''} readOnly={readOnly} onChange={(e) => setSchema({ description: e.target.value })} />
      <label className="field-label" htmlFor={p('help')}>
        {t('帮助文字')}
      </label>
      <input id={p('help')} value={field.ui['ui:help'] ?? ''} readOnly={readOnly} onChange={(e) => setUi({ 'ui:help': e.target.value })} />
      {(type === 'text' || type === 'textarea' || type === 'number' || type === 'integer') && (
        <>
          <label className="field-label" htmlFor={p('ph')}>
            {t('占位提示')}
          </label>
          <input id={p('ph')} value={field.ui['ui:placeholder'] ?? ''} readOnly={readOnly} onChange={(e) => setUi({ 'ui:placeholder': e.target.value })} />
        </>
      )}
      {(type === 'text' || type === 'textarea') && (
        <>
          <div className="row-2">
            <div>
              <label className="field-label" htmlFor={p('minl')}>
                {t('最少字数')}
              </label>
              <input id={p('minl')} type="number" min={0} value={s.minLength ?? ''} readOnly={readOnly} onChange={(e) => setSchema({ minLength: num(e.target.value) })} />
            </div>
            <div>
              <label className="field-label" htmlFor={p('maxl')}>
                {t('最多字数')}
              </label>
              <input id={p('maxl')} type="number" min={0} value={s.maxLength ?? ''} readOnly={readOnly} onChange={(e) => setSchema({ maxLength: num(e.target.value) })} />
            </div>
          </div>
          <div className="row-2">
            <div>
              <label className="field-label" htmlFor={p('pattern')}>
                {t('格式（正则表达式）')}
              </label>
              <input id={p('pattern')} className="code" value={s.pattern ?? ''} readOnly={readOnly} onChange={(e) => setSchema({ pattern: e.target.value })} />
              {s.pattern && !isRegex(s.pattern) && <div className="field-error">{t('正则表达式有误')}</div>}
            </div>
            <div>
              <label className="field-label" htmlFor={p('phint')}>
                {t('格式说明（出错时提示）')}
              </label>
              <input id={p('phint')} value={s['x-patternHint'] ?? ''} readOnly={readOnly} onChange={(e) => setSchema({ 'x-patternHint': e.target.value })} />
            </div>
          </div>
        </>
      )}
      {(type === 'number' || type === 'integer') && (
        <div className="row-2">
          <div>
            <label className="field-label" htmlFor={p('min')}>
              {t('最小值')}
            </label>
            <input id={p('min')} type="number" value={s.minimum ?? ''} readOnly={readOnly} onChange={(e) => setSchema({ minimum: num(e.target.value) })} />
          </div>
          <div>
            <label className="field-label" htmlFor={p('max')}>
              {t('最大值')}
            </label>
            <input id={p('max')} type="number" value={s.maximum ?? ''} readOnly={readOnly} onChange={(e) => setSchema({ maximum: num(e.target.value) })} />
          </div>
        </div>
      )}
      {(type === 'file' || type === 'files') && (
        <>
          <label className="field-label" htmlFor={p('accept')}>
            {t('允许的文件类型')}
          </label>
          <input
            id={p('accept')}
            value={field.ui['ui:options']?.accept ?? ''}
            placeholder=".pdf,.jpg,.png"
            readOnly={readOnly}
            onChange={(e) => setUi({ 'ui:options': { ...(field.ui['ui:options'] ?? {}), accept: e.target.value || undefined } })}
          />
          {type === 'files' && (
            <>
              <label className="field-label" htmlFor={p('maxi')}>
                {t('最多文件数')}
              </label>
              <input id={p('maxi')} type="number" min={1} value={s.maxItems ?? ''} readOnly={readOnly} onChange={(e) => setSchema({ maxItems: num(e.target.value) })} />
            </>
          )}
        </>
      )}
      {(type === 'select' || type === 'radio' || type === 'multiselect') && (
        <>
          <label className="field-label" htmlFor={p('opts')}>
            {t('选项（每行一个：代码=名称）')}
          </label>
          <textarea
            id={p('opts')}
            rows={Math.max(3, (optionHost.enum ?? []).length + 1)}
            value={optionsText}
            readOnly={readOnly}
            onChange={(e) => {
              setOptionsText(e.target.value);
              const lines = e.target.value.split('\n').map((l) => l.trim()).filter(Boolean);
              const codes = lines.map((l) => l.split('=')[0].trim());
              const names = lines.map((l) => (l.includes('=') ? l.slice(l.indexOf('=') + 1).trim() : l));
              const ui = { ...field.ui };
              delete ui['ui:enumNames'];
              if (type === 'multiselect') onChange({ ...field, schema: { ...s, items: { ...(s.items ?? { type: 'string' }), enum: codes, enumNames: names } }, ui });
              else onChange({ ...field, schema: { ...s, enum: codes, enumNames: names }, ui });
            }}
          />
        </>
      )}
      <div className="fd-condition">
        <label className="field-label">{t('显示条件')}</label>
        <div className="row-2">
          <select
            aria-label={t('条件字段')}
            value={field.condition?.field ?? ''}
            disabled={readOnly}
            onChange={(e) => {
              const src = conditionSources.find((c) => c.key === e.target.value);
              if (!src) return onChange({ ...field, condition: undefined });
              const first = fieldType(src.schema, src.ui) === 'checkbox' ? true : (src.schema.enum?.[0] ?? '');
              onChange({ ...field, condition: { field: src.key, value: first } });
            }}
          >
            <option value="">{t('总是显示')}</option>
            {conditionSources.map((c) => (
              <option key={c.key} value={c.key}>
                {t('当“{name}”为…', { name: c.schema.title || c.key })}
              </option>
            ))}
          </select>
          {conditionSource && (
            <select
              aria-label={t('条件取值')}
              value={String(field.condition?.value)}
              disabled={readOnly}
              onChange={(e) => {
                const raw = e.target.value;
                const value = fieldType(conditionSource.schema, conditionSource.ui) === 'checkbox' ? raw === 'true' : raw;
                onChange({ ...field, condition: { field: conditionSource.key, value } });
              }}
            >
              {fieldType(conditionSource.schema, conditionSource.ui) === 'checkbox' ? (
                <>
                  <option value="true">{t('已勾选')}</option>
                  <option value="false">{t('未勾选')}</option>
                </>
              ) : (
                (conditionSource.schema.enum ?? []).map((v: string, i: number) => (
                  <option key={v} value={v}>
                    {conditionSource.schema.enumNames?.[i] ?? v}
                  </option>
                ))
              )}
            </select>
          )}
        </div>
      </div>
    </div>
  );
}

function isRegex(p: string) {
  try {
    new RegExp(p, 'u');
    return true;
  } catch {
    return false;
  }
}
