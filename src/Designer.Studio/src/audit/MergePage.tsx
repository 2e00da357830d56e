import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { api, ApiError, idPath } from '../api/client';
import { useApiQuery, useWrite } from '../api/query';
import type { WorkflowVersion } from '../api/types';
import { useDescriptorMap, useLabels } from '../catalog';
import { Badge, Empty, ErrorBox, PageHeader, Spinner, useToast } from '../components/ui';
import { labelOf } from '../designer/model';
import { useI18n } from '../i18n';
import { navigate, withQuery } from '../router';
import { getUpstream, mergeUpstream, normaliseDiff, type MergeConflict, type Upstream } from './api';
import { ChangeList } from './ChangeList';
import { activitiesById } from './diffModel';
import { inputOf, propertyLabel, ValueView } from './values';
import './audit.css';

type Choice = 'theirs' | 'ours';

/**
 * Upstream changes for a clone: what the template changed since the clone was made, the conflicts per activity and per
 * form field, each resolved as 模板 (theirs) or 本地 (ours), then saved as a new draft.
 */
export function MergePage({ definitionId }: { definitionId: string }) {
  const { t } = useI18n();
  const { data, error, loading, reload } = useApiQuery(['upstream', definitionId], () =>
    Promise.all([getUpstream(definitionId), api.get<WorkflowVersion>(`/api/workflows/${idPath(definitionId)}`)]),
  );
  if (loading) return <Spinner label={t('正在比较模板…')} />;
  if (error || !data)
    return (
      <div className="page">
        <ErrorBox error={error ?? t('流程不存在')} onRetry={reload} />
      </div>
    );
  return <MergeView definitionId={definitionId} upstream={data[0]} current={data[1]} onReload={reload} />;
}

function MergeView({ definitionId, upstream, current, onReload }: { definitionId: string; upstream: Upstream; current: WorkflowVersion; onReload: () => void }) {
  const { t } = useI18n();
  const labels = useLabels();
  const descriptors = useDescriptorMap();
  const toast = useToast();
  const write = useWrite();
  const formMerges = upstream.formMerges;
  const conflicts = useMemo(
    () => [...(upstream.preview?.conflicts ?? []), ...formMerges.flatMap((f) => f.conflicts)],
    [upstream.preview?.conflicts, formMerges],
  );
  const formDrafts = formMerges.filter((f) => f.changes || f.conflicts.length > 0);
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [missing, setMissing] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const diff = useMemo(() => normaliseDiff(upstream.diff ?? undefined), [upstream.diff]);
  const ours = useMemo(() => activitiesById(current.definition), [current.definition]);
  const theirs = useMemo(() => activitiesById(upstream.preview?.merged ?? undefined), [upstream.preview?.merged]);
  const template = { definitionId: upstream.template?.definitionId ?? upstream.clonedFrom?.definitionId, version: upstream.clonedFrom?.version };
  const templateVersion = upstream.template?.latestPublishedVersion;
  const id = encodeURIComponent(definitionId);

  // Conflicts grouped by what they concern: an activity, a variable, a form (its fields).
  const groups = useMemo(() => {
    const m = new Map<string, { title: string; items: MergeConflict[] }>();
    for (const c of conflicts) {
      const groupKey = c.formId ? `form:${c.formId}` : `${c.kind}:${c.id}`;
      if (!m.has(groupKey)) {
        let title: string;
        if (c.formId || c.kind === 'field') {
          const f = formMerges.find((m) => m.formId === c.formId);
          title = `${t('表单')} ${c.formId ?? ''}`.trim();
          if (f?.templateFormId && f.templateFormId !== f.formId) title += ` ← ${t('模板表单')} ${f.templateFormId}`;
        }
        else if (c.kind === 'variable') title = `${t('流程变量')} ${c.id}`;
        else {
          const a = ours.get(c.id) ?? theirs.get(c.id);
          title = a ? labelOf(a, descriptors.get(a.type)?.displayName) : c.id;
        }
        m.set(groupKey, { title, items: [] });
      }
      m.get(groupKey)!.items.push(c);
    }
    return [...m.entries()];
  }, [conflicts, formMerges, ours, theirs, descriptors, t]);

  const unresolved = conflicts.filter((c) => !choices[c.key]).length;
  const choose = (key: string, choice: Choice) => {
    setChoices((cs) => ({ ...cs, [key]: choice }));
    setError(null);
  };
  const chooseAll = (choice: Choice) => {
    setChoices(Object.fromEntries(conflicts.map((c) => [c.key, choice])));
    setError(null);
  };

  async function save() {
    setError(null);
    if (unresolved) {
      setMissing(new Set(conflicts.filter((c) => !choices[c.key]).map((c) => c.key)));
      setError(t('还有 {n} 处冲突未选择', { n: unresolved }));
      return;
    }
    setBusy(true);
    try {
      const r = await write(() => mergeUpstream(definitionId, choices, upstream.current?.concurrencyToken ?? current.concurrencyToken));
      toast(t('已保存为新草稿（第 {v} 版）', { v: r?.version ?? '?' }), 'ok');
      const saved = r?.formDrafts ?? [];
      if (saved.length)
        toast(t('已另存表单草稿（未发布）：{forms}', { forms: saved.map((f) => `${f.formId} ${t('第 {v} 版', { v: f.version })}`).join('、') }), 'ok');
      navigate(`/workflows/${id}`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 422) {
        const keys = unresolvedKeys(e.body);
        setMissing(new Set(keys));
        setError(t('还有 {n} 处冲突未选择', { n: keys.length || unresolved }));
      } else if (e instanceof ApiError && e.status === 409) {
        setError(t('在此期间流程已被修改，请重新载入后再合并'));
      } else setError(t('保存失败：{message}', { message: (e as Error).message }));
    } finally {
      setBusy(false);
    }
  }

  const conflictValue = (c: MergeConflict, value: unknown) => {
    if (c.property === '*' && (value === null || value === undefined)) return <span className="diff-none">{t('（已删除）')}</span>;
    if (c.property === '*' && value && typeof value === 'object') return <span className="diff-literal">{summariseWhole(c, value, labels, t)}</span>;
    const a = ours.get(c.id) ?? theirs.get(c.id);
    return <ValueView value={value} input={a ? inputOf(descriptors.get(a.type), c.property) : undefined} labels={labels} t={t} />;
  };

  return (
    <div className="page" data-testid="merge-page">
      <PageHeader
        title={
          <>
            {current.definition?.name || definitionId} · {t('合并模板更新')}
          </>
        }
        subtitle={
          <>
            <Link to={`/workflows/${id}`}>← {t('返回设计器')}</Link> · {t('模板')} <code>{template.definitionId ?? '?'}</code>{' '}
            {template.version ? t('第 {v} 版', { v: template.version }) : ''}
            {templateVersion && templateVersion !== template.version ? ` → ${t('第 {v} 版', { v: templateVersion })}` : ''}
          </>
        }
        actions={
          <>
            <Link className="btn" to={withQuery(`/diff/${id}`, { against: 'template' })}>
              {t('与模板对比')}
            </Link>
            <button className="btn btn-primary" onClick={save} disabled={busy || !upstream.changed} data-testid="save-merge">
              {busy ? t('保存中…') : t('保存为新草稿')}
            </button>
          </>
        }
      />
      {!upstream.changed ? (
        <div className="alert alert-ok">{t('模板自克隆以来没有更新，无需合并。')}</div>
      ) : (
        <div className="alert alert-info">
          {conflicts.length
            ? t('模板有更新。没有冲突的修改会自动合并；下面 {n} 处冲突需要逐一选择保留模板的还是本地的。', { n: conflicts.length })
            : t('模板有更新，且与本地修改没有冲突：保存即可得到合并后的新草稿。')}
        </div>
      )}
      {error && <div className="alert alert-error">{error}</div>}
      <div className="merge-layout">
        <section className="card">
          <h2>
            {t('冲突')} <span className="change-count">{conflicts.length}</span>
            {conflicts.length > 0 && (
              <span className="muted small">
                {' '}
                · {t('已选择 {a}/{b}', { a: conflicts.length - unresolved, b: conflicts.length })}
              </span>
            )}
          </h2>
          {conflicts.length > 0 && (
            <div className="row-actions" style={{ justifyContent: 'flex-start', margin: '6px 0' }}>
              <button className="btn btn-small" onClick={() => chooseAll('theirs')}>
                {t('全部用模板')}
              </button>
              <button className="btn btn-small" onClick={() => chooseAll('ours')}>
                {t('全部用本地')}
              </button>
            </div>
          )}
          {conflicts.length === 0 && <Empty>{t('没有冲突')}</Empty>}
          {groups.map(([key, g]) => (
            <div key={key} className="conflict-group">
              <h3>{g.title}</h3>
              {g.items.map((c) => {
                const a = ours.get(c.id) ?? theirs.get(c.id);
                const prop =
                  c.kind === 'field' || c.formId
                    ? c.property === '*'
                      ? `${t('字段')} ${c.id}`
                      : `${t('字段')} ${c.id} · ${c.property}`
                    : c.property === '*'
                      ? t('整个活动')
                      : propertyLabel(c.property, a ? descriptors.get(a.type) : undefined, labels, t);
                const choice = choices[c.key];
                return (
                  <div key={c.key} className={`conflict${choice ? ' is-resolved' : ''}${missing.has(c.key) && !choice ? ' is-missing' : ''}`} data-conflict={c.key}>
                    <div className="change-head">
                      <Badge tone="warn">{t('冲突')}</Badge>
                      <strong>{prop}</strong>
                    </div>
                    <dl className="conflict-values">
                      <dt>{t('原模板')}</dt>
                      <dd>{conflictValue(c, c.base)}</dd>
                      <dt>{t('模板')}</dt>
                      <dd>{conflictValue(c, c.theirs)}</dd>
                      <dt>{t('本地')}</dt>
                      <dd>{conflictValue(c, c.ours)}</dd>
                    </dl>
                    <div className="conflict-choice" role="radiogroup" aria-label={prop}>
                      <label className="check">
                        <input type="radio" name={c.key} checked={choice === 'theirs'} onChange={() => choose(c.key, 'theirs')} />
                        {t('模板')}
                      </label>
                      <label className="check">
                        <input type="radio" name={c.key} checked={choice === 'ours'} onChange={() => choose(c.key, 'ours')} />
                        {t('本地')}
                      </label>
                    </div>
                  </div>
                );
              })}
            </div>
          ))}
          {formDrafts.length > 0 && (
            <div className="conflict-group" data-testid="form-merges">
              <h3>{t('表单的合并')}</h3>
              <div className="muted small">{t('模板修改了以下表单；合并后的表单另存为新草稿（不会自动发布），请在表单设计器中检查后发布。')}</div>
              {formDrafts.map((f) => (
                <div key={f.formId} className="change-form" data-form-merge={f.formId}>
                  <div className="change-form-head">
                    <strong>
                      <Link to={`/forms/${f.formId}`}>{f.formId}</Link>
                    </strong>{' '}
                    <Badge tone={f.conflicts.length ? 'warn' : 'ok'}>
                      {f.conflicts.length ? t('{n} 处字段冲突', { n: f.conflicts.length }) : t('无冲突')}
                    </Badge>
                    <span className="muted small">
                      {' '}
                      {f.templateFormId && f.templateFormId !== f.formId ? `${t('模板表单')} ${f.templateFormId} · ` : ''}
                      {t('原模板')} v{f.baseVersion} · {t('模板')} v{f.theirsVersion} · {t('本地')} v{f.oursVersion}
                    </span>
                  </div>
                </div>
              ))}
            </div>
          )}
        </section>
        <section className="card">
          <h2>{t('模板的变化')}</h2>
          <ChangeList diff={diff} oldActivities={theirs} newActivities={theirs} showLayout={false} />
          <div className="row-actions" style={{ justifyContent: 'flex-start', marginTop: 8 }}>
            <button className="btn btn-small btn-ghost" onClick={onReload}>
              {t('刷新')}
            </button>
          </div>
        </section>
      </div>
    </div>
  );
}

function unresolvedKeys(body: any): string[] {
  const list = body?.unresolved ?? body?.keys ?? body?.conflicts ?? body?.errors;
  if (!Array.isArray(list)) return [];
  return list.map((x: any) => (typeof x === 'string' ? x : (x?.key ?? x?.path ?? ''))).filter(Boolean);
}

function summariseWhole(c: MergeConflict, value: object, labels: ReturnType<typeof useLabels>, t: (s: string) => string) {
  const o = value as Record<string, any>;
  if (c.kind === 'field') return [o.title, o.type].filter(Boolean).join(' · ') || t('（字段）');
  const type = typeof o.type === 'string' ? labels.activity(o.type) : '';
  return [o.metadata?.displayText ?? o.name, type].filter(Boolean).join(' · ') || t('（活动）');
}
