import { applyEdgeChanges, applyNodeChanges, ReactFlowProvider, useReactFlow, type EdgeChange, type NodeChange, type NodeProps } from '@xyflow/react';
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ElsaDefinition } from '../api/types';
import { useDescriptorMap } from '../catalog';
import { useT } from '../i18n';
import { ActivityNode } from '../designer/ActivityNode';
import { FlowCanvas } from '../designer/FlowCanvas';
import { containerAt, toFlow, type ActivityFlowNode, type ActivityNodeData, type ConnectionEdge } from '../designer/model';
import { edgeKey, statusIn, type DiffIndex, type NodeStatus } from './diffModel';

interface DiffNodeData extends ActivityNodeData {
  diff?: NodeStatus;
}
type DiffFlowNode = ActivityFlowNode & { data: DiffNodeData };

export const statusLabels: Record<NodeStatus, string> = { added: '新增', removed: '已删除', changed: '修改', moved: '仅移动' };

/** The designer's node, framed by its change: the same Chinese name, stage badge, assignee and ports. */
function DiffNodeView(props: NodeProps<DiffFlowNode>) {
  const t = useT();
  const status = props.data.diff;
  return (
    <div className={`diff-node${status ? ` diff-${status}` : ''}`} data-diff={status ?? 'same'}>
      {status && <span className="diff-tag">{t(statusLabels[status])}</span>}
      <ActivityNode {...(props as unknown as NodeProps<ActivityFlowNode>)} />
    </div>
  );
}

const nodeTypes = { diff: memo(DiffNodeView) };

export interface FocusRequest {
  activityId: string;
  /** Where the activity is (or was) when this graph does not have it: centre there instead. */
  fallback?: { x: number; y: number } | null;
  nonce: number;
}

interface Props {
  definition: ElsaDefinition;
  /** The flowchart shown: [] is the root, else the ids of the nested flowcharts down to it. */
  path: string[];
  side: 'old' | 'new';
  index: DiffIndex;
  showLayout: boolean;
  focus: FocusRequest | null;
  onNodeClick: (activityId: string) => void;
}

/** One version's flowchart, read-only, with its nodes and connections coloured by the diff; fitted on open. */
export function DiffGraph(props: Props) {
  return (
    <ReactFlowProvider>
      <DiffGraphInner key={props.path.join('/')} {...props} />
    </ReactFlowProvider>
  );
}

function DiffGraphInner({ definition, path, side, index, showLayout, focus, onNodeClick }: Props) {
  const descriptors = useDescriptorMap();
  const flow = useReactFlow<DiffFlowNode, ConnectionEdge>();
  const base = useMemo(() => toFlow(containerAt(definition, path), descriptors), [definition, path, descriptors]);
  const edgeStatus = side === 'old' ? index.oldEdges : index.newEdges;
  const selectedRef = useRef<string | null>(null);

  // Decorating is one pass over the nodes and one over the edges (Map lookups): linear in the workflow's size.
  const decorated = useMemo(() => {
    const nodes: DiffFlowNode[] = base.nodes.map((n) => {
      const diff = statusIn(index.activities.get(n.id), side, showLayout);
      return { ...n, type: 'diff' as any, draggable: false, connectable: false, selected: n.id === selectedRef.current, data: diff ? { ...n.data, diff } : n.data };
    });
    const edges: ConnectionEdge[] = base.edges.map((e) => {
      const st = edgeStatus.get(edgeKey(e.source, e.sourceHandle, e.target));
      return st ? { ...e, className: `diff-edge-${st}`, zIndex: 2 } : e;
    });
    return { nodes, edges };
  }, [base, index, side, showLayout, edgeStatus]);

  const [nodes, setNodes] = useState<DiffFlowNode[]>(decorated.nodes);
  const [edges, setEdges] = useState<ConnectionEdge[]>(decorated.edges);
  const latest = useRef(nodes);
  latest.current = nodes;
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    // Keep what React Flow measured: only the decoration changes (the layout toggle).
    setNodes((ns) => {
      const measured = new Map(ns.map((n) => [n.id, n.measured]));
      return decorated.nodes.map((n) => ({ ...n, measured: measured.get(n.id) }));
    });
    setEdges(decorated.edges);
  }, [decorated]);

  const onNodesChange = useCallback((changes: NodeChange<DiffFlowNode>[]) => setNodes((ns) => applyNodeChanges(changes, ns)), []);
  const onEdgesChange = useCallback((changes: EdgeChange<ConnectionEdge>[]) => setEdges((es) => applyEdgeChanges(changes, es)), []);

  useEffect(() => {
    if (!focus) return;
    const id = focus.activityId;
    selectedRef.current = id;
    const n = latest.current.find((x) => x.id === id);
    setNodes((ns) => ns.map((x) => (!!x.selected === (x.id === id) ? x : { ...x, selected: x.id === id })));
    const zoom = Math.max(flow.getZoom(), 0.85);
    if (n) {
      const w = n.measured?.width ?? 220;
      const h = n.measured?.height ?? 100;
      void flow.setCenter(n.position.x + w / 2, n.position.y + h / 2, { zoom, duration: 300 });
    } else if (focus.fallback) {
      void flow.setCenter(focus.fallback.x + 110, focus.fallback.y + 50, { zoom, duration: 300 });
    }
  }, [focus, flow]);

  const onClick = useCallback((_: unknown, n: DiffFlowNode) => onNodeClick(n.id), [onNodeClick]);
  return (
    <FlowCanvas
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      readOnly
      minimapColor={minimapColor}
      fitPadding={0.12}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onNodeClick={onClick}
      edgesFocusable={false}
    />
  );
}

const minimapColors: Record<NodeStatus, string> = { added: '#16a34a', removed: '#dc2626', changed: '#d97706', moved: '#2563eb' };

function minimapColor(n: DiffFlowNode) {
  return n.data?.diff ? minimapColors[n.data.diff] : '#cbd5e1';
}
