import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useQuery } from '@tanstack/react-query';
import { listForms } from '../api/forms';
import { useDescriptorMap, useLabels } from '../catalog';
import { useT } from '../i18n';
import type { EditorContext } from './editors';
import { labelOf, portsOf } from './model';
import { PropertyPanel } from './PropertyPanel';
import { StepHoldersSection } from './StepHoldersSection';
import { useDesigner } from './store';
import { useDesignerCommands } from './useDesignerCommands';
import { useNodeData } from './useNodeData';
import { WorkflowPanel } from './WorkflowPanel';

/** The panel right of the canvas: the selected activity's properties, or the workflow's when nothing is selected. */
export function DesignerSidePanel() {
  const t = useT();
  const selectedIds = useDesigner((s) => s.selectedIds);
  const def = useDesigner((s) => s.def);
  const updateDefinition = useDesigner((s) => s.updateDefinition);
  const panel = useRef<HTMLElement>(null);
  const selectionKey = selectedIds.join(',');
  useEffect(() => {
    if (panel.current) panel.current.scrollTop = 0;
  }, [selectionKey]);
  return (
    <aside className="props-panel" aria-label={t('属性')} ref={panel}>
      {selectedIds.length === 1 ? (
        <SelectedActivity id={selectedIds[0]} />
      ) : selectedIds.length > 1 ? (
        <div className="props">
          <div className="props-head">
            <div className="props-type">{t('已选中 {n} 个活动', { n: selectedIds.length })}</div>
            <div className="muted small">{t('可拖动、复制、删除或自动布局选中的活动。')}</div>
          </div>
        </div>
      ) : (
        <WorkflowPanel definition={def} onChange={updateDefinition} />
      )}
    </aside>
  );
}

// Everything below depends on the activities, never on positions: dragging a node does not re-render the panel.
function SelectedActivity({ id }: { id: string }) {
  const labels = useLabels();
  const descriptors = useDescriptorMap();
  const nodeData = useNodeData();
  const edges = useDesigner((s) => s.edges);
  const problems = useDesigner((s) => s.problems);
  const readOnly = useDesigner((s) => s.readOnly);
  const variables = useDesigner((s) => s.def.variables);
  const updateActivity = useDesigner((s) => s.updateActivity);
  const removeEdge = useDesigner((s) => s.removeEdge);
  const connect = useDesigner((s) => s.connect);
  const path = useDesigner((s) => s.path);
  const definitionId = useDesigner((s) => s.meta.definitionId);
  const { openPath } = useDesignerCommands();
  const { data: forms } = useQuery({ queryKey: ['forms'], queryFn: listForms });

  const selected = nodeData.find((d) => d.activity.id === id);
  const activity = selected?.activity;
  const ports = useMemo(
    () => (activity ? [...portsOf(activity, descriptors.get(activity.type)), ...(selected?.extraPorts ?? [])] : []),
    [activity, selected?.extraPorts, descriptors],
  );
  const outbound = useMemo(() => edges.filter((e) => e.source === id).map((e) => ({ edgeId: e.id, port: e.sourceHandle ?? 'Done', target: e.target })), [edges, id]);
  const targets = useMemo(() => nodeData.map((d) => ({ id: d.activity.id, label: labelOf(d.activity, descriptors.get(d.activity.type)?.displayName) })), [nodeData, descriptors]);
  const problemsOfSelected = useMemo(() => problems.filter((p) => p.activityId === id), [problems, id]);
  const editorContext: EditorContext = useMemo(
    () => ({ labels, forms: forms ?? [], variables: (variables ?? []).map((v) => v.name), readOnly }),
    [labels, forms, variables, readOnly],
  );
  const connectPort = useCallback((source: string, port: string, target: string) => connect({ source, sourceHandle: port, target, targetHandle: 'In' }), [connect]);
  const openNested = useCallback((nested: string) => openPath([...path, nested]), [openPath, path]);
  if (!activity) return null;
  return (
    <>
    <PropertyPanel
      activity={activity}
      descriptor={descriptors.get(activity.type)}
      problems={problemsOfSelected}
      ports={ports}
      outbound={outbound}
      targets={targets}
      onConnectPort={connectPort}
      onRemoveConnection={removeEdge}
      editorContext={editorContext}
      onChange={updateActivity}
      onOpenFlowchart={openNested}
    />
    {definitionId && descriptors.get(activity.type)?.isPersonStep && <StepHoldersSection definitionId={definitionId} activityId={activity.id} />}
    </>
  );
}
