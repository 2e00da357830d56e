import { Background, BackgroundVariant, Controls, MarkerType, MiniMap, ReactFlow, type Edge, type Node, type NodeTypes, type ReactFlowProps } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo } from 'react';
import { LARGE_GRAPH, StaticMiniMap } from './StaticMiniMap';

// Props of <ReactFlow> are kept stable (React Flow's performance guide): a new object or function on each render is
// written into its store, and every node, handle and edge subscribed to the store re-checks on each write.
const proOptions = { hideAttribution: true };
const deleteKeys = ['Delete', 'Backspace'];
const multiSelectionKeys = ['Control', 'Meta'];
const defaultEdgeOptions = { markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 }, type: 'default' as const };

export interface FlowCanvasProps<N extends Node, E extends Edge> extends Omit<ReactFlowProps<N, E>, 'nodes' | 'edges' | 'nodeTypes'> {
  nodes: N[];
  edges: E[];
  /** A module constant (a new object each render would re-create every node). */
  nodeTypes: NodeTypes;
  /** Read-only: nothing moves, connects or is deleted (the diff view, an old version, an auditor). */
  readOnly: boolean;
  minimapColor: (n: N) => string;
  fitPadding?: number;
}

/**
 * The flowchart canvas the designer and the diff view share: activities drawn by ActivityNode, arrows, dots, zoom
 * controls and the minimap (above LARGE_GRAPH activities the static one, and only the visible nodes in the DOM).
 * Events and anything else React Flow takes are passed through.
 */
export function FlowCanvas<N extends Node, E extends Edge>({ nodes, edges, nodeTypes, readOnly, minimapColor, fitPadding = 0.15, children, ...rest }: FlowCanvasProps<N, E>) {
  const large = nodes.length > LARGE_GRAPH;
  const fitViewOptions = useMemo(() => ({ padding: fitPadding }), [fitPadding]);
  return (
    <ReactFlow<N, E>
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      defaultEdgeOptions={defaultEdgeOptions}
      deleteKeyCode={readOnly ? null : deleteKeys}
      multiSelectionKeyCode={multiSelectionKeys}
      selectionKeyCode="Shift"
      nodesDraggable={!readOnly}
      nodesConnectable={!readOnly}
      onlyRenderVisibleElements={large}
      minZoom={0.05}
      maxZoom={2.5}
      fitView
      fitViewOptions={fitViewOptions}
      proOptions={proOptions}
      {...rest}
    >
      <Background variant={BackgroundVariant.Dots} gap={18} size={1} />
      {large ? <StaticMiniMap nodes={nodes} color={minimapColor} /> : <MiniMap pannable zoomable nodeStrokeWidth={3} nodeColor={minimapColor} className="minimap" />}
      <Controls showInteractive={false} />
      {children}
    </ReactFlow>
  );
}
