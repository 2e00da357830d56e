import ELK, { type ElkNode } from 'elkjs/lib/elk-api';
import workerUrl from 'elkjs/lib/elk-worker.min.js?url';
import { tt } from '../i18n';
import type { ActivityFlowNode, ConnectionEdge } from './model';

/**
 * Auto-layout with ELK's layered algorithm, left to right, ports kept in the order the node shows them.
 * ELK runs in a Web Worker (its script is loaded on first use), so the canvas stays responsive while it works; a layout
 * that takes longer than LAYOUT_TIMEOUT_MS is abandoned (the worker is stopped) and nothing moves.
 */
const LAYOUT_TIMEOUT_MS = 30_000;
let instance: InstanceType<typeof ELK> | null = null;

function elk() {
  instance ??= new ELK({ workerUrl });
  return instance;
}

async function layoutWithTimeout(graph: ElkNode): Promise<ElkNode> {
  const engine = elk();
  let timer = 0;
  const timeout = new Promise<never>((_, reject) => {
    timer = window.setTimeout(() => {
      engine.terminateWorker();
      if (instance === engine) instance = null;
      reject(new Error(tt('{s} 秒内未完成，画布未改动', { s: LAYOUT_TIMEOUT_MS / 1000 })));
    }, LAYOUT_TIMEOUT_MS);
  });
  try {
    return await Promise.race([engine.layout(graph), timeout]);
  } finally {
    window.clearTimeout(timer);
  }
}

export async function autoLayout(
  nodes: ActivityFlowNode[],
  edges: ConnectionEdge[],
  portsOfNode: (n: ActivityFlowNode) => string[],
  onlyIds?: Set<string>,
): Promise<Map<string, { x: number; y: number }>> {
  const include = (id: string) => !onlyIds || onlyIds.size === 0 || onlyIds.has(id);
  const portsById = new Map(nodes.map((n) => [n.id, portsOfNode(n)]));
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.layered.spacing.nodeNodeBetweenLayers': '90',
      'elk.spacing.nodeNode': '40',
      // Brandes-Köpf placement and a lower thoroughness keep big flowcharts (hundreds of activities, many long
      // edges to a shared end) fast; the drawing stays clean for workflow-sized graphs.
      'elk.layered.nodePlacement.strategy': nodes.length > 120 ? 'BRANDES_KOEPF' : 'NETWORK_SIMPLEX',
      'elk.layered.thoroughness': nodes.length > 120 ? '2' : '7',
      // A long procedure is wrapped into several rows instead of one very wide band.
      ...(nodes.length > 60 ? { 'elk.layered.wrapping.strategy': 'MULTI_EDGE', 'elk.aspectRatio': '1.6' } : {}),
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
  const result = await layoutWithTimeout(graph);
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
