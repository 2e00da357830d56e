import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { api, idPath } from '../api/client';
import { getAll } from '../api/paged';
import { useApiQuery } from '../api/query';
import type { ElsaDefinition, WorkflowVersion } from '../api/types';
import { useDescriptorMap, useLabels } from '../catalog';
import { Badge, ErrorBox, Spinner } from '../components/ui';
import { DesignerViewContext, type DesignerView } from '../designer/context';
import { labelOf } from '../designer/model';
import { tt, useI18n } from '../i18n';
import { navigate, withQuery } from '../router';
import { getDiff, sideDefinitionId, sideVersion, type DiffAnswer } from './api';
import { ChangeList, type ChangeTarget } from './ChangeList';
import { DiffGraph, statusLabels, type FocusRequest } from './DiffGraph';
import { activitiesById, containerPaths, flowcharts, indexDiff, pathKey } from './diffModel';
import { FormChangePanel } from './FormChangePanel';
import { ReplayPanel } from './ReplayPanel';
import './audit.css';

interface VersionRow {
  version: number;
  isPublished?: boolean;
  isLatest?: boolean;
  updatedBy?: string;
  updatedAt?: string;
}

interface Loaded {
  answer: DiffAnswer;
  fromDefinition: ElsaDefinition;
  toDefinition: ElsaDefinition;
}

async function definitionAt(definitionId: string, version: number | undefined): Promise<ElsaDefinition> {
  const url = `/api/workflows/${idPath(definitionId)}${version ? `/versions/${version}` : ''}`;
  return (await api.get<WorkflowVersion>(url)).definition;
}

/**
 * Two versions of a workflow (or a clone and its template) side by side: both graphs read-only and fitted, nodes
 * coloured by change, and the grouped change list beside them; a click on a change selects and centres its node in
 * both graphs, or scrolls to the field in the form panel.
 */
export function DiffPage({ definitionId, from, to, against }: { definitionId: string; from?: number; to?: number; against?: string }) {
  const { t } = useI18n();
  const { data: versions } = useApiQuery(['workflow-versions', definitionId, 'sorted'], () =>
    getAll<VersionRow>(`/api/workflows/${idPath(definitionId)}/versions`)
      .then(
        (rows) => [...rows].sort((a, b) => b.version - a.version),
        () => [] as VersionRow[],
      ),
  );

  // Without versions in the address: the latest against the one before.
  const needsDefault = !against && (from === undefined || to === undefined);
  useEffect(() => {
    if (!needsDefault || !versions) return;
    const latest = to ?? versions[0]?.version;
    const previous = from ?? versions.find((v) => latest !== undefined && v.version < latest)?.version ?? latest;
    if (latest !== undefined && previous !== undefined)
      navigate(withQuery(`/diff/${encodeURIComponent(definitionId)}`, { from: String(previous), to: String(latest) }), true);
  }, [needsDefault, versions, from, to, definitionId]);

  const state = useApiQuery<Loaded>(
    ['diff', definitionId, from ?? null, to ?? null, against ?? null],
    async () => {
      const answer = await getDiff(definitionId, against ? { against } : { from, to });
      const fromId = answer.fromDefinitionId ?? sideDefinitionId(answer.from) ?? (against ? undefined : definitionId);
      const [fromDefinition, toDefinition] = await Promise.all([
        answer.fromDefinition ?? (fromId ? definitionAt(fromId, sideVersion(answer.from) ?? from) : Promise.reject(new Error(tt('服务器没有给出模板的定义')))),
        answer.toDefinition ?? definitionAt(answer.toDefinitionId ?? sideDefinitionId(answer.to) ?? definitionId, sideVersion(answer.to) ?? to),
      ]);
      return { answer, fromDefinition, toDefinition };
    },
    { enabled: !needsDefault },
  );

  if (state.loading || needsDefault) return <Spinner label={t('正在比较版本…')} />;
  if (state.error || !state.data)
    return (
      <div className="main">
        <ErrorBox error={state.error ?? t('流程不存在')} onRetry={state.reload} />
      </div>
    );
  return <DiffView key={`${from}:${to}:${against}`} definitionId={definitionId} data={state.data} versions={versions ?? []} from={from} to={to} against={against} />;
}

function DiffView({ definitionId, data, versions, from, to, against }: { definitionId: string; data: Loaded; versions: VersionRow[]; from?: number; to?: number; against?: string }) {
  const { t } = useI18n();
  const labels = useLabels();
  const descriptors = useDescriptorMap();
  const { answer, fromDefinition, toDefinition } = data;
  const diff = answer.diff;
  const index = useMemo(() => indexDiff(diff), [diff]);
  const oldActivities = useMemo(() => activitiesById(fromDefinition), [fromDefinition]);
  const newActivities = useMemo(() => activitiesById(toDefinition), [toDefinition]);
  const oldPaths = useMemo(() => containerPaths(fromDefinition), [fromDefinition]);
  const newPaths = useMemo(() => containerPaths(toDefinition), [toDefinition]);
  const charts = useMemo(() => {
    const m = new Map<string, { path: string[]; label: string }>();
    for (const f of [...flowcharts(fromDefinition), ...flowcharts(toDefinition)]) m.set(pathKey(f.path), { path: f.path, label: labelOf(f.activity) });
    return [...m.values()];
  }, [fromDefinition, toDefinition]);
  const firstConnectionBySource = useMemo(() => {
    const m = new Map<string, number>();
    diff.connections.forEach((c, i) => m.has(c.source.activity) || m.set(c.source.activity, i));
    return m;
  }, [diff.connections]);

  const [showLayout, setShowLayout] = useState(true);
  const [path, setPath] = useState<string[]>([]);
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const [focus, setFocus] = useState<{ activityId: string; nonce: number } | null>(null);
  const [drawer, setDrawer] = useState<'replay' | 'form' | 'text' | null>(null);
  const [formFocus, setFormFocus] = useState<{ formId: string; field?: string } | null>(null);

  const fromVersion = sideVersion(answer.from) ?? from;
  const toVersion = sideVersion(answer.to) ?? to;
  const templateId = answer.fromDefinitionId ?? sideDefinitionId(answer.from);
  const clonedFrom = toDefinition.customProperties?.clonedFrom as { definitionId?: string; version?: number } | undefined;

  const focusActivity = useCallback(
    (activityId: string) => {
      const p = newPaths.get(activityId) ?? oldPaths.get(activityId);
      if (p && pathKey(p) !== pathKey(path)) setPath(p);
      setFocus((f) => ({ activityId, nonce: (f?.nonce ?? 0) + 1 }));
    },
    [newPaths, oldPaths, path],
  );

  const onSelect = useCallback(
    (target: ChangeTarget) => {
      setSelectedKey(target.key);
      if (target.activityId) focusActivity(target.activityId);
      if (target.formId) {
        setFormFocus({ formId: target.formId, field: target.field });
        setDrawer('form');
      }
    },
    [focusActivity],
  );

  const onNodeClick = useCallback(
    (id: string) => {
      const change = index.activities.get(id);
      if (change && (change.kind !== 'moved' || showLayout)) setSelectedKey(`activity:${id}`);
      else if (firstConnectionBySource.has(id)) setSelectedKey(`conn:${firstConnectionBySource.get(id)}`);
      else setSelectedKey(null);
      focusActivity(id);
    },
    [index, showLayout, firstConnectionBySource, focusActivity],
  );

  // Each graph centres on the activity; a graph without it (added, removed) centres where it is in the other one.
  const focusOld: FocusRequest | null = useMemo(() => {
    if (!focus) return null;
    const c = index.activities.get(focus.activityId);
    return { activityId: focus.activityId, nonce: focus.nonce, fallback: c?.from ?? c?.to };
  }, [focus, index]);
  const focusNew: FocusRequest | null = useMemo(() => {
    if (!focus) return null;
    const c = index.activities.get(focus.activityId);
    return { activityId: focus.activityId, nonce: focus.nonce, fallback: c?.to ?? c?.from };
  }, [focus, index]);

  const view: DesignerView = useMemo(() => ({ descriptors, labels, readOnly: true, t }), [descriptors, labels, t]);
  const formDiff = formFocus ? diff.forms.find((f) => f.formId === formFocus.formId) : undefined;
  const counts = index.counts;
  const changeCount = counts.definition + counts.added + counts.removed + counts.changed + counts.connections + counts.variables + counts.fields + (showLayout ? counts.moved : 0);
  const go = (f: number, tv: number) => navigate(withQuery(`/diff/${encodeURIComponent(definitionId)}`, { from: String(f), to: String(tv) }));
  const semantic = answer.hasSemanticChanges ?? changeCount - (showLayout ? counts.moved : 0) > 0;

  return (
    <DesignerViewContext.Provider value={view}>
      <div className="designer diff-page" data-testid="diff-page">
        <div className="designer-bar">
          <div className="designer-title">
            <Link to={`/history/${encodeURIComponent(definitionId)}`} className="muted small">
              ← {t('版本历史')}
            </Link>
            <h1 title={definitionId}>{toDefinition.name || definitionId}</h1>
            <Badge tone="accent">{t('版本对比')}</Badge>
            {!semantic && <Badge tone="info">{t('仅布局变化')}</Badge>}
          </div>
          <div className="designer-actions">
            {against ? (
              <span className="small">
                {t('模板 {id} 第 {v} 版', { id: templateId ?? clonedFrom?.definitionId ?? '', v: fromVersion ?? '?' })} → {t('本流程第 {v} 版', { v: toVersion ?? '?' })}
                <Link className="btn btn-small btn-ghost" to={`/diff/${encodeURIComponent(definitionId)}`}>
                  {t('比较本流程的版本')}
                </Link>
              </span>
            ) : (
              <span className="diff-pickers">
                <label>
                  {t('旧版本')}
                  <select value={fromVersion ?? ''} onChange={(e) => go(Number(e.target.value), toVersion ?? Number(e.target.value))} data-testid="diff-from">
                    {versions.map((v) => (
                      <option key={v.version} value={v.version}>
                        v{v.version}
                        {v.isPublished ? ` · ${t('已发布')}` : ''}
                      </option>
                    ))}
                  </select>
                </label>
                <span className="diff-arrow">→</span>
                <label>
                  {t('新版本')}
                  <select value={toVersion ?? ''} onChange={(e) => go(fromVersion ?? Number(e.target.value), Number(e.target.value))} data-testid="diff-to">
                    {versions.map((v) => (
                      <option key={v.version} value={v.version}>
                        v{v.version}
                        {v.isPublished ? ` · ${t('已发布')}` : ''}
                      </option>
                    ))}
                  </select>
                </label>
              </span>
            )}
            {charts.length > 0 && (
              <label className="diff-chart-picker small">
                {t('流程图')}
                <select
                  value={pathKey(path)}
                  onChange={(e) => {
                    setFocus(null);
                    setPath(charts.find((c) => pathKey(c.path) === e.target.value)?.path ?? []);
                  }}
                >
                  <option value="">{t('主流程')}</option>
                  {charts.map((c) => (
                    <option key={pathKey(c.path)} value={pathKey(c.path)}>
                      {c.label}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <label className="check small">
              <input type="checkbox" checked={showLayout} onChange={(e) => setShowLayout(e.target.checked)} data-testid="toggle-layout" />
              {t('显示仅布局变化')}
            </label>
            {!against && clonedFrom?.definitionId && (
              <Link className="btn btn-small" to={withQuery(`/diff/${encodeURIComponent(definitionId)}`, { against: 'template' })}>
                {t('与模板对比')}
              </Link>
            )}
            {!against && (
              <button className={`btn btn-small${drawer === 'replay' ? ' btn-primary' : ''}`} onClick={() => setDrawer(drawer === 'replay' ? null : 'replay')} data-testid="open-replay">
                ▶ {t('回放')}
              </button>
            )}
            {answer.text && (
              <button className="btn btn-small" onClick={() => setDrawer(drawer === 'text' ? null : 'text')}>
                {t('文本差异')}
              </button>
            )}
            <Link className="btn btn-small btn-ghost" to={`/workflows/${encodeURIComponent(definitionId)}`}>
              {t('打开设计器')}
            </Link>
          </div>
        </div>
        <div className="diff-summary">
          <Legend />
          <span className="spacer" />
          <span className="small muted">{t('共 {n} 处变化', { n: changeCount })}</span>
        </div>
        <div className="diff-body">
          <div className="designer-center">
            <div className="diff-graphs">
              <section className="diff-pane">
                <div className="diff-pane-head">
                  <strong>{against ? t('模板') : t('旧版本')}</strong> v{fromVersion ?? '?'}
                  <span className="muted small"> · {t('删除的活动以红色标出')}</span>
                </div>
                <div className="diff-canvas" data-testid="diff-graph-old">
                  <DiffGraph definition={fromDefinition} path={path} side="old" index={index} showLayout={showLayout} focus={focusOld} onNodeClick={onNodeClick} />
                </div>
              </section>
              <section className="diff-pane">
                <div className="diff-pane-head">
                  <strong>{against ? t('本流程') : t('新版本')}</strong> v{toVersion ?? '?'}
                  <span className="muted small"> · {t('新增的活动以绿色标出')}</span>
                </div>
                <div className="diff-canvas" data-testid="diff-graph-new">
                  <DiffGraph definition={toDefinition} path={path} side="new" index={index} showLayout={showLayout} focus={focusNew} onNodeClick={onNodeClick} />
                </div>
              </section>
            </div>
            {drawer && (
              <div className="drawer">
                <div className="drawer-tabs">
                  {!against && (
                    <button className={drawer === 'replay' ? 'on' : ''} onClick={() => setDrawer('replay')}>
                      {t('回放')}
                    </button>
                  )}
                  {diff.forms.length > 0 && (
                    <button className={drawer === 'form' ? 'on' : ''} onClick={() => setDrawer('form')}>
                      {t('表单变更')}
                      {formDiff ? `：${formDiff.formId}` : ''}
                    </button>
                  )}
                  {answer.text && (
                    <button className={drawer === 'text' ? 'on' : ''} onClick={() => setDrawer('text')}>
                      {t('文本差异')}
                    </button>
                  )}
                  <span className="spacer" />
                  <button className="icon-btn" onClick={() => setDrawer(null)} aria-label={t('关闭')} title={t('关闭')}>
                    ×
                  </button>
                </div>
                <div className="drawer-body">
                  {drawer === 'replay' && <ReplayPanel definitionId={definitionId} fromVersion={fromVersion} toVersion={toVersion} definition={toDefinition} onFocus={focusActivity} />}
                  {drawer === 'form' &&
                    (formDiff ? (
                      <FormChangePanel key={formDiff.formId} form={formDiff} focusField={formFocus?.field} />
                    ) : (
                      <div className="muted pad">{t('点击右侧表单字段的变化查看该表单')}</div>
                    ))}
                  {drawer === 'text' && <pre className="diff-text">{answer.text}</pre>}
                </div>
              </div>
            )}
          </div>
          <aside className="diff-changes" aria-label={t('变化')}>
            <div className="panel-title">
              {t('变化')} <span className="change-count">{changeCount}</span>
            </div>
            <ChangeList
              diff={diff}
              oldActivities={oldActivities}
              newActivities={newActivities}
              showLayout={showLayout}
              selectedKey={selectedKey}
              onSelect={onSelect}
            />
          </aside>
        </div>
      </div>
    </DesignerViewContext.Provider>
  );
}

function Legend() {
  const { t } = useI18n();
  return (
    <span className="diff-legend">
      {(['added', 'removed', 'changed', 'moved'] as const).map((s) => (
        <span key={s} className={`diff-legend-item diff-legend-${s}`}>
          <span className="diff-swatch" />
          {t(statusLabels[s])}
        </span>
      ))}
      <span className="diff-legend-item diff-legend-edge">
        <span className="diff-swatch-edge" />
        {t('连线变化')}
      </span>
    </span>
  );
}
