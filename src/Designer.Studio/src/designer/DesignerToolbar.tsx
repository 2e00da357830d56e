import { useState } from 'react';
import { Link } from 'react-router';
import { UpstreamBanner } from '../audit/UpstreamBanner';
import { Badge } from '../components/ui';
import { formatDate, useI18n } from '../i18n';
import { ImpactDialog } from './ImpactDialog';
import { containerAt, labelOf } from './model';
import { useDesigner } from './store';
import { useDesignerCommands } from './useDesignerCommands';

/** The bar above the canvas: the workflow's name and state, then every command. */
export function DesignerToolbar() {
  const { t, locale } = useI18n();
  const meta = useDesigner((s) => s.meta);
  const name = useDesigner((s) => s.def.name);
  const clonedFrom = useDesigner((s) => s.def.customProperties?.clonedFrom);
  const dirty = useDesigner((s) => s.dirty);
  const readOnly = useDesigner((s) => s.readOnly);
  const readOnlyReason = useDesigner((s) => s.readOnlyReason);
  const busy = useDesigner((s) => s.busy);
  const drawer = useDesigner((s) => s.drawer);
  const canUndo = useDesigner((s) => s.past.length > 0);
  const canRedo = useDesigner((s) => s.future.length > 0);
  const undo = useDesigner((s) => s.undo);
  const redo = useDesigner((s) => s.redo);
  const set = useDesigner((s) => s.set);
  const commands = useDesignerCommands();
  const published = meta.isPublished;
  const toggle = (d: 'simulate' | 'versions') => set({ drawer: drawer === d ? null : d });
  const [impact, setImpact] = useState(false);
  return (
    <div className="designer-bar">
      <div className="designer-title">
        <Link to="/workflows" className="muted small">
          ← {t('流程列表')}
        </Link>
        <h1 title={meta.definitionId}>{name || meta.definitionId}</h1>
        <Badge tone={published ? 'ok' : 'warn'}>{published ? t('已发布') : t('草稿')}</Badge>
        <span className="muted small">
          {t('第 {v} 版', { v: meta.version })}
          {meta.updatedBy ? ` · ${meta.updatedBy}` : ''}
          {meta.updatedAt ? ` · ${formatDate(meta.updatedAt, locale)}` : ''}
        </span>
        {dirty && <Badge tone="info">{t('未保存')}</Badge>}
        {readOnly && <Badge tone="neutral">{t('只读')}</Badge>}
        <UpstreamBanner definitionId={meta.definitionId} clonedFrom={clonedFrom} />
      </div>
      <div className="designer-actions">
        <div className="btn-group">
          <button className="btn btn-small" onClick={undo} disabled={readOnly || !canUndo} title={t('撤销 (Ctrl+Z)')}>
            ↶ {t('撤销')}
          </button>
          <button className="btn btn-small" onClick={redo} disabled={readOnly || !canRedo} title={t('重做 (Ctrl+Shift+Z)')}>
            ↷ {t('重做')}
          </button>
        </div>
        <div className="btn-group">
          <button className="btn btn-small" onClick={commands.copy} title={t('复制 (Ctrl+C)')}>
            {t('复制')}
          </button>
          <button className="btn btn-small" onClick={commands.paste} disabled={readOnly} title={t('粘贴 (Ctrl+V)')}>
            {t('粘贴')}
          </button>
          <button className="btn btn-small" onClick={commands.deleteSelected} disabled={readOnly} title={t('删除 (Delete)')}>
            {t('删除')}
          </button>
        </div>
        <button className="btn btn-small" onClick={commands.layout} disabled={readOnly || busy === 'layout'} title={t('自动布局（选中多个时只排列选中的）')}>
          ⊞ {t('自动布局')}
        </button>
        <button className="btn btn-small" onClick={() => toggle('simulate')}>
          ▶ {t('模拟运行')}
        </button>
        <button className="btn btn-small" onClick={() => toggle('versions')}>
          {t('版本历史')}
        </button>
        <button className="btn btn-small" onClick={commands.exportJson}>
          {t('导出')}
        </button>
        <button className="btn btn-small" onClick={() => commands.validate(false)}>
          {t('校验')}
        </button>
        {!readOnly && (
          <>
            {published && !dirty && (
              <button className="btn btn-small btn-ghost" onClick={commands.retract}>
                {t('撤回')}
              </button>
            )}
            <button className="btn btn-small" onClick={commands.save} disabled={busy !== null} data-testid="save-draft">
              {busy === 'save' ? t('保存中…') : t('保存草稿')}
            </button>
            {!published && (
              <button className="btn btn-small" onClick={() => setImpact(true)} disabled={busy !== null} data-testid="impact" title={t('按本版本重放办理中的申报，列出路径或结果会改变的申报')}>
                {t('影响分析')}
              </button>
            )}
            <button className="btn btn-small btn-primary" onClick={commands.publish} disabled={busy !== null} data-testid="publish">
              {busy === 'publish' ? t('发布中…') : t('发布')}
            </button>
          </>
        )}
      </div>
      {readOnlyReason && (
        <div className="alert alert-info designer-readonly-reason" role="note" data-testid="read-only-reason">
          {readOnlyReason}
        </div>
      )}
      {impact && <ImpactDialog definitionId={meta.definitionId} version={meta.version} dirty={dirty} onClose={() => setImpact(false)} />}
    </div>
  );
}

/** Where the canvas is when a nested flowchart is open: the main flow / … / this one, each a way back. */
export function DesignerBreadcrumbs() {
  const { t } = useI18n();
  const path = useDesigner((s) => s.path);
  const def = useDesigner((s) => s.def);
  const { openPath } = useDesignerCommands();
  if (path.length === 0) return null;
  const crumbs = path.map((id, i) => ({ id, label: labelOf(containerAt(def, path.slice(0, i + 1))), path: path.slice(0, i + 1) }));
  return (
    <div className="breadcrumbs">
      <button className="link" onClick={() => openPath([])}>
        {def.name || t('主流程')}
      </button>
      {crumbs.map((b) => (
        <span key={b.id}>
          {' / '}
          <button className="link" onClick={() => openPath(b.path)}>
            {b.label}
          </button>
        </span>
      ))}
    </div>
  );
}
