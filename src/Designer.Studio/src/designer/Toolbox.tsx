import { memo, useMemo, useState } from 'react';
import type { ActivityDescriptor } from '../api/types';
import { useDesignerView } from './context';

export const DRAG_MIME = 'application/x-designer-activity';

/** The activity catalog, grouped by category and searchable; drag an entry onto the canvas, or double-click it. */
function ToolboxView({ descriptors, onAdd }: { descriptors: ActivityDescriptor[]; onAdd: (typeName: string) => void }) {
  const { labels, t, readOnly } = useDesignerView();
  const [query, setQuery] = useState('');
  const [collapsed, setCollapsed] = useState<Record<string, boolean>>({});
  const groups = useMemo(() => {
    const q = query.trim().toLowerCase();
    const matches = (d: ActivityDescriptor) =>
      !q ||
      [d.displayName, d.typeName, d.description, labels.activityDescription(d), labels.activity(d.typeName), d.category, labels.category(d.category)].some((s) =>
        (s ?? '').toLowerCase().includes(q),
      );
    const map = new Map<string, ActivityDescriptor[]>();
    for (const d of descriptors) {
      if (!matches(d)) continue;
      if (!map.has(d.category)) map.set(d.category, []);
      map.get(d.category)!.push(d);
    }
    return [...map.entries()];
  }, [descriptors, query, labels]);

  return (
    <aside className="toolbox" aria-label={t('活动')}>
      <div className="panel-title">{t('活动')}</div>
      <input className="toolbox-search" type="search" placeholder={t('搜索活动…')} value={query} onChange={(e) => setQuery(e.target.value)} aria-label={t('搜索活动')} />
      <div className="toolbox-groups">
        {groups.length === 0 && <div className="muted small pad">{t('没有匹配的活动')}</div>}
        {groups.map(([category, items]) => (
          <div key={category} className="toolbox-group">
            <button className="toolbox-group-head" onClick={() => setCollapsed((c) => ({ ...c, [category]: !c[category] }))} aria-expanded={!collapsed[category]}>
              <span>{collapsed[category] && !query ? '▸' : '▾'}</span> {labels.category(category)} <small>{items.length}</small>
            </button>
            {(!collapsed[category] || query) &&
              items.map((d) => (
                <div
                  key={d.typeName}
                  className={`toolbox-item ${d.isPersonStep ? 'is-person' : ''}`}
                  draggable={!readOnly}
                  data-type={d.typeName}
                  title={labels.activityDescription(d)}
                  onDragStart={(e) => {
                    e.dataTransfer.setData(DRAG_MIME, d.typeName);
                    e.dataTransfer.setData('text/plain', d.typeName);
                    e.dataTransfer.effectAllowed = 'move';
                  }}
                  onDoubleClick={() => !readOnly && onAdd(d.typeName)}
                  onKeyDown={(e) => e.key === 'Enter' && !readOnly && onAdd(d.typeName)}
                  tabIndex={0}
                  role="button"
                  aria-label={labels.activity(d.typeName)}
                >
                  <span className="toolbox-item-name">{labels.activity(d.typeName)}</span>
                  <span className="toolbox-item-desc">{labels.activityDescription(d)}</span>
                </div>
              ))}
          </div>
        ))}
      </div>
      <div className="toolbox-hint muted small">{t('拖到画布上添加，或双击添加到画布中央')}</div>
    </aside>
  );
}

export const Toolbox = memo(ToolboxView);
