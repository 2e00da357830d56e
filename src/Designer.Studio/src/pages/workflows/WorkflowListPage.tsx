import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { api, ApiError, idPath, qs } from '../../api/client';
import { getAll } from '../../api/paged';
import { useApiQuery, useWrite } from '../../api/query';
import type { WorkflowSummary } from '../../api/types';
import { hasRole, isAdmin, Roles, useAuth } from '../../auth';
import { useCatalog, useLabels } from '../../catalog';
import { Badge, downloadBlob, Empty, ErrorBox, Field, Modal, PageHeader, Spinner, useToast } from '../../components/ui';
import { formatDate, useI18n } from '../../i18n';
import { localMessage } from '../../i18n/localMessage';
import { navigate, withQuery } from '../../router';

function statusOf(w: WorkflowSummary): 'published' | 'draft' | 'retracted' {
  const s = String(w.status ?? '').toLowerCase();
  if (s === 'published' || s === 'draft' || s === 'retracted') return s;
  if (w.publishedVersion) return 'published';
  return 'draft';
}

export function WorkflowListPage({ locality, status }: { locality: string; status: string }) {
  const { t, locale } = useI18n();
  const { me } = useAuth();
  const labels = useLabels();
  const { vocab } = useCatalog();
  const toast = useToast();
  const write = useWrite();
  const queryClient = useQueryClient();
  const admin = isAdmin(me);
  const policyAdmin = hasRole(me, Roles.policyAdmin);
  const { data, error, loading, reload } = useApiQuery(['workflows', locality, status], () =>
    getAll<WorkflowSummary>(`/api/workflows${qs({ locality, status })}`),
  );
  const [cloneOf, setCloneOf] = useState<WorkflowSummary | null>(null);
  const [creating, setCreating] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const setFilter = (k: string, v: string) => navigate(withQuery('/workflows', { locality, status, [k]: v }));

  async function exportOne(w: WorkflowSummary) {
    try {
      const file = await queryClient.fetchQuery({
        queryKey: ['workflow-export', w.definitionId],
        queryFn: () => api.get<Response>(`/api/workflows/${idPath(w.definitionId)}/export`, { raw: true }).then((res) => res.blob()),
        staleTime: 0,
        gcTime: 0,
      });
      downloadBlob(`${w.definitionId.replace(/\//g, '_')}.json`, file);
    } catch (e) {
      toast(t('导出失败：{message}', { message: (e as Error).message }), 'error');
    }
  }

  async function importFiles(files: FileList | null) {
    if (!files?.length) return;
    for (const file of Array.from(files)) {
      try {
        const text = await file.text();
        const body = JSON.parse(text);
        const r = await write(() => api.post<any>('/api/workflows/import', body));
        toast(t('已导入 {name}', { name: r?.definitionId ?? file.name }), 'ok');
      } catch (e) {
        const details = e instanceof ApiError && e.errors.length ? '：' + e.errors.slice(0, 5).map((x) => x.message).join('；') : '';
        toast(t('导入 {name} 失败：{message}', { name: file.name, message: (e as Error).message + details }), 'error');
      }
    }
    if (fileInput.current) fileInput.current.value = '';
    reload();
  }

  const rows = data ?? [];
  return (
    <div className="page">
      <PageHeader
        title={t('流程')}
        subtitle={t('各地职称评审流程：草稿、已发布与已撤回的版本')}
        actions={
          admin && (
            <>
              <button className="btn" onClick={() => fileInput.current?.click()}>
                {t('导入 Elsa JSON')}
              </button>
              <input ref={fileInput} type="file" accept=".json,application/json" multiple hidden onChange={(e) => importFiles(e.target.files)} data-testid="import-file" />
              <button className="btn btn-primary" onClick={() => setCreating(true)}>
                + {t('新建流程')}
              </button>
            </>
          )
        }
      />
      <div className="filters">
        <label>
          {t('地区')}
          <select value={locality} onChange={(e) => setFilter('locality', e.target.value)} aria-label={t('地区')}>
            <option value="">{t('全部地区')}</option>
            {Object.keys(vocab.localities).map((l) => (
              <option key={l} value={l}>
                {labels.locality(l)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('状态')}
          <select value={status} onChange={(e) => setFilter('status', e.target.value)} aria-label={t('状态')}>
            <option value="">{t('全部状态')}</option>
            <option value="draft">{t('草稿')}</option>
            <option value="published">{t('已发布')}</option>
            <option value="retracted">{t('已撤回')}</option>
          </select>
        </label>
        <span className="muted small">{t('共 {n} 个流程', { n: rows.length })}</span>
      </div>
      {loading && <Spinner />}
      <ErrorBox error={error} onRetry={reload} />
      {!loading && !error && rows.length === 0 && <Empty>{t('没有符合条件的流程')}</Empty>}
      {rows.length > 0 && (
        <table className="table workflows-table">
          <thead>
            <tr>
              <th>{t('名称')}</th>
              <th>{t('地区')}</th>
              <th>{t('版本')}</th>
              <th>{t('状态')}</th>
              <th>{t('最后修改')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((w) => {
              const st = statusOf(w);
              const canEdit = admin && (policyAdmin || w.locality === me?.locality);
              return (
                <tr key={w.definitionId} data-definition-id={w.definitionId}>
                  <td>
                    <Link to={`/workflows/${encodeURIComponent(w.definitionId)}`} className="strong">
                      {w.name || w.definitionId}
                    </Link>
                    <div className="muted small">
                      <code>{w.definitionId}</code>
                      {clonedFromText(w.clonedFrom) ? ` · ${t('克隆自')} ${clonedFromText(w.clonedFrom)}` : ''}
                    </div>
                    {w.upstreamChanged ? (
                      <Link className="badge badge-warn upstream-banner" to={`/upstream/${encodeURIComponent(w.definitionId)}`} data-testid={`upstream-${w.definitionId}`} title={t('查看模板的变化并合并')}>
                        ⟳ {t('模板已更新')}
                      </Link>
                    ) : null}
                  </td>
                  <td>{labels.locality(w.locality) || '—'}</td>
                  <td>
                    v{w.latestVersion}
                    {w.publishedVersion && w.publishedVersion !== w.latestVersion ? <span className="muted small"> ({t('已发布 v{v}', { v: w.publishedVersion })})</span> : null}
                  </td>
                  <td>
                    <Badge tone={st === 'published' ? 'ok' : st === 'draft' ? 'warn' : 'neutral'}>{t(statusLabels[st])}</Badge>
                  </td>
                  <td className="small">
                    {w.updatedBy ?? ''}
                    <div className="muted">{formatDate(w.updatedAt, locale)}</div>
                  </td>
                  <td className="row-actions">
                    <Link className="btn btn-small" to={`/workflows/${encodeURIComponent(w.definitionId)}`}>
                      {canEdit ? t('设计') : t('查看')}
                    </Link>
                    {admin && (
                      <button className="btn btn-small" onClick={() => setCloneOf(w)} data-testid={`clone-${w.definitionId}`}>
                        {t('克隆到本地区')}
                      </button>
                    )}
                    {w.latestVersion > 1 && (
                      <Link className="btn btn-small btn-ghost" to={`/diff/${encodeURIComponent(w.definitionId)}`}>
                        {t('对比')}
                      </Link>
                    )}
                    {w.clonedFrom ? (
                      <Link className="btn btn-small btn-ghost" to={`/diff/${encodeURIComponent(w.definitionId)}?against=template`}>
                        {t('与模板对比')}
                      </Link>
                    ) : null}
                    <button className="btn btn-small btn-ghost" onClick={() => exportOne(w)}>
                      {t('导出')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {cloneOf && <CloneDialog source={cloneOf} onClose={() => setCloneOf(null)} />}
      {creating && <CreateDialog onClose={() => setCreating(false)} />}
    </div>
  );
}

function clonedFromText(c: unknown): string {
  if (!c) return '';
  if (typeof c === 'string') return c;
  const o = c as { definitionId?: string; version?: number };
  return o.definitionId ? `${o.definitionId}${o.version ? ` v${o.version}` : ''}` : '';
}

const statusLabels = { published: '已发布', draft: '草稿', retracted: '已撤回' } as const;

function LocalitySelect({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const { me } = useAuth();
  const { vocab } = useCatalog();
  const labels = useLabels();
  const policyAdmin = hasRole(me, Roles.policyAdmin);
  const options = policyAdmin ? Object.keys(vocab.localities) : me?.locality ? [me.locality] : [];
  return (
    <select id="target-locality" value={value} onChange={(e) => onChange(e.target.value)}>
      {options.map((l) => (
        <option key={l} value={l}>
          {labels.locality(l)}
        </option>
      ))}
    </select>
  );
}

/** Field errors of a refused request by JSON path (`$.name`), and what names no field. */
function fieldErrors(e: unknown, locale: string): { byPath: Record<string, string>; other: string | null } {
  if (!(e instanceof ApiError)) return { byPath: {}, other: (e as Error).message };
  const byPath: Record<string, string> = {};
  for (const p of e.errors) if (p.path) byPath[p.path.replace(/^\$\./, '')] ??= localMessage(p.message, locale);
  return { byPath, other: Object.keys(byPath).length ? null : localMessage(e.message, locale) };
}

function CloneDialog({ source, onClose }: { source: WorkflowSummary; onClose: () => void }) {
  const { t, locale } = useI18n();
  const write = useWrite();
  const { me } = useAuth();
  const { vocab } = useCatalog();
  const labels = useLabels();
  const policyAdmin = hasRole(me, Roles.policyAdmin);
  const [locality, setLocality] = useState(me?.locality ?? Object.keys(vocab.localities).find((l) => l !== 'templates') ?? '');
  const [name, setName] = useState(source.name || '');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  async function clone() {
    setError(null);
    if (!name.trim()) {
      setErrors({ name: t('请填写新流程的名称') });
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      const r = await write(() => api.post<any>(`/api/workflows/${idPath(source.definitionId)}/clone`, { locality, name: name.trim() }));
      const id = r?.definitionId ?? r?.definition?.definitionId;
      onClose();
      if (id) navigate(`/workflows/${encodeURIComponent(id)}`);
    } catch (e) {
      const { byPath, other } = fieldErrors(e, locale);
      setErrors(byPath);
      setError(other);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal
      title={t('克隆流程')}
      onClose={onClose}
      footer={
        <>
          <button className="btn" onClick={onClose}>
            {t('取消')}
          </button>
          <button className="btn btn-primary" onClick={clone} disabled={busy || !locality} data-testid="confirm-clone">
            {busy ? t('克隆中…') : t('克隆')}
          </button>
        </>
      }
    >
      <p>
        {t('把“{name}”复制为本地区的新流程（草稿），可在设计器中按本地规定修改。', { name: source.name || source.definitionId })}
      </p>
      <Field label={t('新流程名称')} htmlFor="clone-name" required error={errors.name}>
        <input
          id="clone-name"
          value={name}
          maxLength={100}
          aria-invalid={errors.name ? true : undefined}
          onChange={(e) => {
            setName(e.target.value);
            setErrors(({ name: _, ...rest }) => rest);
          }}
        />
      </Field>
      {policyAdmin ? (
        <Field label={t('目标地区')} htmlFor="target-locality" error={errors.locality}>
          <LocalitySelect value={locality} onChange={setLocality} />
        </Field>
      ) : (
        <Field label={t('目标地区')} error={errors.locality}>
          <span data-testid="clone-locality">{labels.locality(locality)}</span>
        </Field>
      )}
      {error && <div className="alert alert-error">{error}</div>}
    </Modal>
  );
}

function CreateDialog({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const write = useWrite();
  const { me } = useAuth();
  const { vocab } = useCatalog();
  const [locality, setLocality] = useState(me?.locality ?? Object.keys(vocab.localities)[0] ?? '');
  const [name, setName] = useState('');
  const [definitionId, setDefinitionId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function create() {
    if (!name.trim()) {
      setError(t('请填写流程名称'));
      return;
    }
    setBusy(true);
    setError(null);
    const id = definitionId.trim() || `${locality}-${Date.now().toString(36)}`;
    const definition = {
      $schema: 'https://elsaworkflows.io/schemas/workflow-definition/v3.0.0/schema.json',
      id: `${id}-v1`,
      definitionId: id,
      name: name.trim(),
      description: '',
      version: 1,
      toolVersion: '3.0.0',
      variables: [],
      inputs: [],
      outputs: [],
      outcomes: [],
      customProperties: { locality, scope: { kinds: [], series: [], levels: [], employmentTypes: [] } },
      isLatest: true,
      isPublished: false,
      options: {},
      root: {
        type: 'Elsa.Flowchart',
        version: 1,
        id: 'flowchart1',
        nodeId: 'flowchart1',
        name: 'Flowchart1',
        customProperties: {},
        metadata: {},
        variables: [],
        activities: [
          { id: 'start', nodeId: 'flowchart1:start', name: 'start', type: 'Elsa.Start', version: 1, customProperties: {}, metadata: { designer: { position: { x: 0, y: 0 } }, displayText: '开始' } },
        ],
        connections: [],
      },
    };
    try {
      const r = await write(() => api.post<any>('/api/workflows', definition));
      onClose();
      navigate(`/workflows/${encodeURIComponent(r?.definitionId ?? id)}`);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal
      title={t('新建流程')}
      onClose={onClose}
      footer={
        <>
          <button className="btn" onClick={onClose}>
            {t('取消')}
          </button>
          <button className="btn btn-primary" onClick={create} disabled={busy}>
            {t('创建')}
          </button>
        </>
      }
    >
      <Field label={t('流程名称')} required htmlFor="new-name">
        <input id="new-name" value={name} onChange={(e) => setName(e.target.value)} autoFocus />
      </Field>
      <Field label={t('流程标识')} hint={t('英文、数字和连字符；留空自动生成')} htmlFor="new-id">
        <input id="new-id" value={definitionId} onChange={(e) => setDefinitionId(e.target.value)} placeholder="locality-directed-senior" />
      </Field>
      <Field label={t('所属地区')} htmlFor="target-locality">
        <LocalitySelect value={locality} onChange={setLocality} />
      </Field>
      {error && <div className="alert alert-error">{error}</div>}
    </Modal>
  );
}
