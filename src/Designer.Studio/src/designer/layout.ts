import type { ElkNode } from 'elkjs/lib/elk-api';
import type { ActivityFlowNode, ConnectionEdge } from './model';

/**
 * Auto-layout with ELK's layered algorithm, left to right, ports kept in the order the node shows them.
 * elkjs is loaded on first use (it is large) and runs off the main thread when Web Workers are available.
 */
let elkPromise: Promise<{ layout: (g: ElkNode) => Promise<ElkNode> }> | null = null;

async function elk() {
  if (!elkPromise)
    elkPromise = import('elkjs/lib/elk.bundled.js').then((m) => {
      const ELK = (m as any).default ?? m;
      return new ELK();
    });
  return elkPromise;
}

export async function autoLayout(
  nodes: ActivityFlowNode[],
  edges: ConnectionEdge[],
  portsOfNode: (n: ActivityFlowNode) => string[],
  onlyIds?: Set<string>,
): Promise<Map<string, { x: number; y: number }>> {
  const engine = await elk();
  const include = (id: string) => !onlyIds || onlyIds.size === 0 || onlyIds.has(id);
  const portsById = new Map(nodes.map((n) => [n.id, portsOfNode(n)]));
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.layered.spacing.nodeNodeBetweenLayers': '90',
      'elk.spacing.nodeNode': '40',
      'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
      'elk.layered.crossingMinimization.semiInteractive': 'true',
      'elk.portConstraints': 'FIXED_ORDER',
      'elk.separateConnectedComponents': 'true',
    },
    children: nodes
      .filter((n) => include(n.id))
      .map((n) => {
        const width = n.measured?.width ?? n.width ?? 240;
        const height = n.measured?.height ?? n.height ?? 110;
        const ports = portsById.get(n.id) ?? [];
        return {
          id: n.id,
          width,
          height,
          layoutOptions: { 'elk.portConstraints': 'FIXED_ORDER' },
          ports: [
            { id: `${n.id}::In`, width: 1, height: 1, layoutOptions: { 'elk.port.side': 'WEST', 'elk.port.index': '0' } },
            ...ports.map((p, i) => ({
              id: `${n.id}::out::${p}`,
              width: 1,
              height: 1,
              layoutOptions: { 'elk.port.side': 'EAST', 'elk.port.index': String(i) },
            })),
          ],
        };
      }),
    edges: edges
      .filter((e) => include(e.source) && include(e.target))
      .map((e) => {
        const srcPorts = portsById.get(e.source) ?? [];
        const handle = e.sourceHandle ?? 'Done';
        return {
          id: e.id,
          sources: [srcPorts.includes(handle) ? `${e.source}::out::${handle}` : e.source],
          targets: [`${e.target}::In`],
        };
      }),
  };
  const result = await engine.layout(graph);
  const positions = new Map<string, { x: number; y: number }>();
  let offsetX = 0;
  let offsetY = 0;
  if (onlyIds && onlyIds.size) {
    // Keep a partial layout where the selection was: align its top-left corner with the old one.
    const sel = nodes.filter((n) => onlyIds.has(n.id));
    offsetX = Math.min(...sel.map((n) => n.position.x));
    offsetY = Math.min(...sel.map((n) => n.position.y));
  } else {
    offsetX = 40;
    offsetY = 40;
  }
  for (const c of result.children ?? []) positions.set(c.id, { x: Math.round((c.x ?? 0) + offsetX), y: Math.round((c.y ?? 0) + offsetY) });
  return positions;
}
