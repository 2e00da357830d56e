import type { OnSelectionChangeParams } from '@xyflow/react';
import { useCallback, type DragEvent } from 'react';
import { ActivityNode } from './ActivityNode';
import { FlowCanvas } from './FlowCanvas';
import { LARGE_GRAPH } from './StaticMiniMap';
import type { ActivityFlowNode } from './model';
import { useDesigner, useDesignerStore } from './store';
import { DRAG_MIME } from './Toolbox';
import { useDesignerCommands } from './useDesignerCommands';
import { sameList } from './useDesignerEffects';

const nodeTypes = { activity: ActivityNode };

/** The flowchart being edited: the only part of the designer that re-renders while a node is dragged. */
export function DesignerCanvas() {
  const store = useDesignerStore();
  const nodes = useDesigner((s) => s.nodes);
  const edges = useDesigner((s) => s.edges);
  const readOnly = useDesigner((s) => s.readOnly);
  const onNodesChange = useDesigner((s) => s.onNodesChange);
  const onEdgesChange = useDesigner((s) => s.onEdgesChange);
  const onConnect = useDesigner((s) => s.connect);
  const { addActivityAt, openPath } = useDesignerCommands();

  const onSelectionChange = useCallback(
    ({ nodes: selected }: OnSelectionChangeParams) => {
      const next = selected.map((n) => n.id);
      if (!sameList(store.getState().selectedIds, next)) store.setState({ selectedIds: next });
    },
    [store],
  );
  const onBeforeDelete = useCallback(async () => {
    if (store.getState().readOnly) return false;
    store.getState().snapshot();
    return true;
  }, [store]);
  const onNodeDragStart = useCallback(() => store.getState().snapshot(), [store]);
  const onNodeDoubleClick = useCallback(
    (_: unknown, n: ActivityFlowNode) => {
      if (n.data.activity.type === 'Elsa.Flowchart') openPath([...store.getState().path, n.id]);
    },
    [openPath, store],
  );
  const onDragOver = useCallback((e: DragEvent) => {
    if (e.dataTransfer.types.includes(DRAG_MIME)) {
      e.preventDefault();
      e.dataTransfer.dropEffect = 'move';
    }
  }, []);
  const onDrop = useCallback(
    (e: DragEvent) => {
      const typeName = e.dataTransfer.getData(DRAG_MIME);
      if (!typeName) return;
      e.preventDefault();
      addActivityAt(typeName, { x: e.clientX - 20, y: e.clientY - 20 });
    },
    [addActivityAt],
  );

  return (
    <div className={`designer-canvas${nodes.length > LARGE_GRAPH ? ' is-large' : ''}`} onDrop={onDrop} onDragOver={onDragOver}>
      <FlowCanvas
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        readOnly={readOnly}
        minimapColor={minimapColor}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onSelectionChange={onSelectionChange}
        onBeforeDelete={onBeforeDelete}
        onNodeDragStart={onNodeDragStart}
        onSelectionDragStart={onNodeDragStart}
        onNodeDoubleClick={onNodeDoubleClick}
      />
    </div>
  );
}

function minimapColor(n: ActivityFlowNode) {
  if (n.data?.problems?.length) return '#dc2626';
  if (n.data?.reached) return '#16a34a';
  return n.data?.activity?.type?.startsWith('Titles.') ? '#2563eb' : '#94a3b8';
}
