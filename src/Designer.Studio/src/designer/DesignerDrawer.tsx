import { useMemo } from 'react';
import { useDescriptorMap } from '../catalog';
import { Badge } from '../components/ui';
import { useT } from '../i18n';
import { ProblemsPanel } from './ProblemsPanel';
import { SimulationPanel } from './SimulationPanel';
import { useDesigner, useDesignerStore } from './store';
import { useDesignerCommands } from './useDesignerCommands';
import { useNodeData } from './useNodeData';
import { VersionsPanel } from './VersionsPanel';

/** The panel below the canvas: 问题, 模拟运行, 版本历史. */
export function DesignerDrawer() {
  const t = useT();
  const store = useDesignerStore();
  const drawer = useDesigner((s) => s.drawer);
  const problemCount = useDesigner((s) => s.problems.length);
  const set = useDesigner((s) => s.set);
  if (!drawer) return null;
  return (
    <div className="drawer">
      <div className="drawer-tabs">
        <button className={drawer === 'problems' ? 'on' : ''} onClick={() => set({ drawer: 'problems' })}>
          {t('问题')} {problemCount > 0 && <Badge tone="error">{problemCount}</Badge>}
        </button>
        <button className={drawer === 'simulate' ? 'on' : ''} onClick={() => set({ drawer: 'simulate' })}>
          {t('模拟运行')}
        </button>
        <button className={drawer === 'versions' ? 'on' : ''} onClick={() => set({ drawer: 'versions' })}>
          {t('版本历史')}
        </button>
        <span className="spacer" />
        <button className="icon-btn" onClick={() => store.setState({ drawer: null })} aria-label={t('关闭')} title={t('关闭')}>
          ×
        </button>
      </div>
      <div className="drawer-body">
        {drawer === 'problems' && <Problems />}
        {drawer === 'simulate' && <Simulation />}
        {drawer === 'versions' && <Versions />}
      </div>
    </div>
  );
}

function Problems() {
  const problems = useDesigner((s) => s.problems);
  const nodeData = useNodeData();
  const { focusActivity } = useDesignerCommands();
  return <ProblemsPanel problems={problems} nodeData={nodeData} onFocus={focusActivity} />;
}

function Simulation() {
  const store = useDesignerStore();
  const def = useDesigner((s) => s.def);
  const simulation = useDesigner((s) => s.simulation);
  const descriptors = useDescriptorMap();
  const nodeData = useNodeData();
  const { save, focusActivity } = useDesignerCommands();
  const personSteps = useMemo(() => nodeData.map((d) => d.activity).filter((a) => descriptors.get(a.type)?.isPersonStep), [nodeData, descriptors]);
  return (
    <SimulationPanel
      definition={def}
      personSteps={personSteps}
      ensureSaved={async () => {
        // The server simulates stored versions: only real edits are saved first (an unchanged workflow gets no new version).
        const { dirty, readOnly, unchanged, set } = store.getState();
        if (dirty && !readOnly) {
          if (unchanged()) set({ dirty: false });
          else if (!(await save())) return null;
        }
        const { meta } = store.getState();
        return { definitionId: meta.definitionId, version: meta.version };
      }}
      result={simulation}
      onResult={(r) => store.setState({ simulation: r })}
      onClear={() => store.setState({ simulation: null })}
      onFocus={focusActivity}
    />
  );
}

function Versions() {
  const meta = useDesigner((s) => s.meta);
  const readOnly = useDesigner((s) => s.readOnly);
  // A revert makes a new latest version: the designer opens it.
  const reload = useDesigner((s) => s.reload);
  return <VersionsPanel meta={meta} readOnly={readOnly} onReverted={reload} />;
}
