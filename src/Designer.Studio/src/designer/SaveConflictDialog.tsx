import { useEffect, useMemo, useState } from 'react';
import { api, ApiError, idPath } from '../api/client';
import { useWrite } from '../api/query';
import type { ElsaDefinition, WorkflowVersion } from '../api/types';
import { normaliseDiff, type MergeConflict, type WorkflowDiff } from '../audit/api';
import { ChangeList } from '../audit/ChangeList';
import { activitiesById } from '../audit/diffModel';
import { ValueView, inputOf, propertyLabel } from '../audit/values';
import { useDescriptorMap, useLabels } from '../catalog';
import { Modal, Spinner, useToast } from '../components/ui';
import { formatDate, useI18n } from '../i18n';
import { navigate } from '../router';
import { labelOf } from './model';
import '../audit/audit.css';
import { useDesigner } from './store';

type Choice = 'theirs' | 'ours';

interface MergePreview {
  current: { version: number; concurrencyToken: string; updatedBy: string; updatedAt: string; isPublished: boolean };
  theirChanges: { diff: Partial<WorkflowDiff>; summary: string };
  myChanges: { diff: Partial<WorkflowDiff>; summary: string };
  conflicts: MergeConflict[];
  merged: ElsaDefinition;
}

/** A copy of my definition that imports as a new workflow, never as a newer version over someone else's work. */
function asCopy(mine: ElsaDefinition, copyOf: string): ElsaDefinition {
  const { definitionId: _id, id: _vid, version: _v, isLatest: _l, isPublished: _p, ...rest } = mine as ElsaDefinition & Record<string, unknown>;
  return { ...rest, name: `${mine.name || ''}${copyOf}` } as ElsaDefinition;
}

/**
 * Someone else saved this workflow while it was open. The dialog says who and when and what they changed, then offers
 * a three-way merge (base = the version this designer loaded, theirs = the latest, mine = this designer's edits: what
 * only one side changed is kept, what both changed is listed to choose), or keeping both (mine saved as a new workflow).
 */
export function SaveConflictDialog() {
  const { t, locale } = useI18n();
  const toast = useToast();
  const write = useWrite();
  const labels = useLabels();
  const descriptors = useDescriptorMap();
  const mine = useDesigner((s) => s.conflict);
  const base = useDesigner((s) => s.base);
  const definitionId = useDesigner((s) => s.meta.definitionId);
  const set = useDesigner((s) => s.set);
  const reload = useDesigner((s) => s.reload);
  const [preview, setPreview] = useState<MergePreview | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [busy, setBusy] = useState(false);
  const url = `/api/workflows/${idPath(definitionId)}/draft/merge`;

  useEffect(() => {
    if (!mine) return;
    setPreview(null);
    setChoices({});
    setFailure(null);
    api.post<MergePreview>(url, { base, mine }).then(setPreview, (e) => setFailure((e as Error).message));
  }, [mine, base, url]);

  const activities = useMemo(() => {
    const m = activitiesById(preview?.merged);
    for (const [id, a] of activitiesById(mine ?? undefined)) if (!m.has(id)) m.set(id, a);
    for (const [id, a] of activitiesById(base)) if (!m.has(id)) m.set(id, a);
    return m;
  }, [preview?.merged, mine, base]);
  const theirDiff = useMemo(() => normaliseDiff(preview?.theirChanges.diff), [preview]);
  const baseActivities = useMemo(() => activitiesById(base), [base]);
  // Their changes are named as the activities were before (the merged names may be mine).
  const namedBefore = useMemo(() => {
    const m = new Map(activities);
    for (const [id, a] of baseActivities) m.set(id, a);
    return m;
  }, [activities, baseActivities]);

  if (!mine) return null;
  const close = () => set({ conflict: null });
  const conflicts = preview?.conflicts ?? [];
  const unresolved = conflicts.filter((c) => !choices[c.key]).length;
  const who = preview?.current.updatedBy ?? '';
  const when = preview ? formatDate(preview.current.updatedAt, locale) : '';

  async function mergeAndSave() {
    if (!preview || unresolved) return;
    setBusy(true);
    try {
      const resolved = await api.post<MergePreview>(url, { base, mine, resolutions: choices });
      await write(() =>
        api.put<WorkflowVersion>(`/api/workflows/${idPath(definitionId)}/draft`, {
          definition: resolved.merged,
          baseVersion: resolved.current.version,
          concurrencyToken: resolved.current.concurrencyToken,
        }),
      );
      set({ conflict: null, dirty: false });
      toast(t('已合并双方的修改并保存'), 'ok');
      reload();
    } catch (e) {
      // Saved again meanwhile: the dialog compares with the newest version.
      if (e instanceof ApiError && e.status === 409) {
        toast(t('在此期间又有人保存了这个流程，已按最新版本重新比较'), 'info');
        set({ conflict: { ...mine! } });
      } else setFailure((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  async function keepBoth() {
    if (!mine) return;
    setBusy(true);
    try {
      const created = await write(() => api.post<WorkflowVersion>('/api/workflows', asCopy(mine, t('（我的副本）'))));
      set({ conflict: null, dirty: false });
      toast(t('您的修改已另存为新流程“{name}”；原流程保留对方的版本', { name: created.definition?.name ?? '' }), 'ok');
      // After the render that clears `dirty`: the unsaved-edits guard must not stop this navigation.
      setTimeout(() => navigate(`/workflows/${encodeURIComponent(created.definitionId)}`), 0);
    } catch (e) {
      setFailure((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  function download() {
    const blob = new Blob([JSON.stringify(asCopy(mine!, t('（我的副本）')), null, 2)], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `${definitionId.replace(/\//g, '_')}-my-copy.json`;
    a.click();
  }

  const conflictTitle = (c: MergeConflict) => {
    if (c.kind === 'definition') return t('流程属性');
    if (c.kind === 'variable') return `${t('流程变量')} ${c.id}`;
    const a = activities.get(c.id);
    return a ? labelOf(a, descriptors.get(a.type)?.displayName) : c.id;
  };
  const conflictProperty = (c: MergeConflict) => {
    if (c.property === '*') return t('整个活动');
    const a = activities.get(c.id);
    return propertyLabel(c.property, a ? descriptors.get(a.type) : undefined, labels, t);
  };
  const value = (c: MergeConflict, v: unknown) => {
    if (v === null || v === undefined) return <span className="diff-none">{t('（无）')}</span>;
    const a = activities.get(c.id);
    if (c.property === '*' && a) return <span>{labelOf(a, descriptors.get(a.type)?.displayName)}</span>;
    return <ValueView value={v} input={a ? inputOf(descriptors.get(a.type), c.property) : undefined} labels={labels} t={t} />;
  };

  return (
    <Modal
      title={t('保存冲突')}
      onClose={close}
      footer={
        <>
          <button className="btn" onClick={download} disabled={busy} title={t('下载的副本导入时成为新流程，不会覆盖对方的修改')}>
            {t('下载我的副本')}
          </button>
          <button className="btn" onClick={keepBoth} disabled={busy} data-testid="conflict-keep-both">
            {t('两者都保留（我的另存为新流程）')}
          </button>
          <button
            className="btn btn-danger"
            disabled={busy}
            onClick={() => {
              set({ conflict: null, dirty: false });
              reload();
            }}
          >
            {t('放弃我的修改，载入最新版本')}
          </button>
          <button className="btn btn-primary" onClick={mergeAndSave} disabled={busy || !preview || unresolved > 0} data-testid="conflict-merge">
            {busy ? t('保存中…') : t('合并并保存')}
          </button>
        </>
      }
    >
      <div className="save-conflict" data-testid="save-conflict">
        {!preview && !failure && <Spinner label={t('正在比较双方的修改…')} />}
        {failure && <div className="alert alert-error">{failure}</div>}
        {preview && (
          <>
            <p data-testid="conflict-who">
              {t('在您编辑期间，{who} 于 {when} 保存了这个流程（第 {v} 版）。您的修改尚未保存，也没有丢失。', { who, when, v: preview.current.version })}
            </p>
            <h3>{t('{who} 修改了什么', { who })}</h3>
            <div data-testid="conflict-their-changes">
              <ChangeList diff={theirDiff} oldActivities={baseActivities} newActivities={namedBefore} showLayout={false} />
            </div>
            <h3>
              {conflicts.length
                ? t('双方都修改了的 {n} 处，请选择保留哪一方', { n: conflicts.length })
                : t('双方的修改互不冲突：合并后两者都保留')}
            </h3>
            {conflicts.map((c) => (
              <div key={c.key} className={`conflict${choices[c.key] ? ' is-resolved' : ''}`} data-conflict={c.key}>
                <div className="conflict-title">
                  <strong>{conflictTitle(c)}</strong> · {conflictProperty(c)}
                </div>
                <dl className="conflict-values">
                  <dt>{t('原来')}</dt>
                  <dd>{value(c, c.base)}</dd>
                  <dt>{who}</dt>
                  <dd>{value(c, c.theirs)}</dd>
                  <dt>{t('我的')}</dt>
                  <dd>{value(c, c.ours)}</dd>
                </dl>
                <div className="conflict-choice" role="radiogroup" aria-label={conflictProperty(c)}>
                  {(['theirs', 'ours'] as const).map((choice) => (
                    <label key={choice}>
                      <input
                        type="radio"
                        name={`conflict-${c.key}`}
                        checked={choices[c.key] === choice}
                        onChange={() => setChoices((cs) => ({ ...cs, [c.key]: choice }))}
                      />{' '}
                      {choice === 'theirs' ? t('保留 {who} 的', { who }) : t('保留我的')}
                    </label>
                  ))}
                </div>
              </div>
            ))}
          </>
        )}
      </div>
    </Modal>
  );
}
