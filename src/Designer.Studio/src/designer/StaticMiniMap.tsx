import { Panel, useReactFlow, useStore, type Node, type ReactFlowState } from '@xyflow/react';
import { memo, useMemo, useRef, type MouseEvent } from 'react';

/** Above this many nodes the designer shows StaticMiniMap instead of React Flow's MiniMap. */
export const LARGE_GRAPH = 150;

const WIDTH = 200;
const HEIGHT = 150;
const NODE_W = 220;
const NODE_H = 90;

/**
 * A minimap for large graphs. React Flow's MiniMap renders one element and one store subscription per node, and its
 * bounds walk every node on each store update — on a drag that is every pointer move. This one draws all nodes as one
 * path per colour from the `nodes` the designer holds, and keeps that picture while a node is being dragged (it is
 * redrawn when the drag ends); only the viewport frame follows the store. A click centres the canvas there.
 */
function StaticMiniMapView<N extends Node>({ nodes, color }: { nodes: N[]; color: (n: N) => string }) {
  const frozen = useRef<{ picture: Picture | null }>({ picture: null });
  const dragging = nodes.some((n) => n.dragging);
  const picture = useMemo(() => (dragging && frozen.current.picture ? frozen.current.picture : draw(nodes, color)), [nodes, color, dragging]);
  frozen.current.picture = picture;
  const transform = useStore(selectViewport, sameViewport);
  const flow = useReactFlow();

  const { bounds } = picture;
  const view = {
    x: -transform.x / transform.zoom,
    y: -transform.y / transform.zoom,
    width: transform.width / transform.zoom,
    height: transform.height / transform.zoom,
  };
  const x0 = Math.min(bounds.x, view.x);
  const y0 = Math.min(bounds.y, view.y);
  const x1 = Math.max(bounds.x + bounds.width, view.x + view.width);
  const y1 = Math.max(bounds.y + bounds.height, view.y + view.height);
  const scale = Math.max((x1 - x0) / WIDTH, (y1 - y0) / HEIGHT, 1e-6);
  const vw = WIDTH * scale;
  const vh = HEIGHT * scale;
  const ox = x0 - (vw - (x1 - x0)) / 2;
  const oy = y0 - (vh - (y1 - y0)) / 2;
  const pad = 5 * scale;

  const onClick = (e: MouseEvent<SVGSVGElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const fx = ox - pad + ((e.clientX - r.left) / r.width) * (vw + 2 * pad);
    const fy = oy - pad + ((e.clientY - r.top) / r.height) * (vh + 2 * pad);
    flow.setCenter(fx, fy, { zoom: transform.zoom, duration: 200 });
  };

  return (
    <Panel position="bottom-right" className="react-flow__minimap minimap minimap-static" data-testid="static-minimap">
      <svg width={WIDTH} height={HEIGHT} viewBox={`${ox - pad} ${oy - pad} ${vw + 2 * pad} ${vh + 2 * pad}`} onClick={onClick} role="img">
        {picture.paths.map(([fill, d]) => (
          <path key={fill} d={d} fill={fill} />
        ))}
        <path
          className="react-flow__minimap-mask"
          fillRule="evenodd"
          d={`M${ox - 2 * pad},${oy - 2 * pad}h${vw + 4 * pad}v${vh + 4 * pad}h${-vw - 4 * pad}z M${view.x},${view.y}h${view.width}v${view.height}h${-view.width}z`}
        />
      </svg>
    </Panel>
  );
}

interface Picture {
  bounds: { x: number; y: number; width: number; height: number };
  paths: [string, string][];
}

function draw<N extends Node>(nodes: N[], color: (n: N) => string): Picture {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  const byColour = new Map<string, string[]>();
  for (const n of nodes) {
    if (n.hidden) continue;
    const w = n.measured?.width ?? n.width ?? NODE_W;
    const h = n.measured?.height ?? n.height ?? NODE_H;
    const { x, y } = n.position;
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x + w);
    y1 = Math.max(y1, y + h);
    const c = color(n);
    if (!byColour.has(c)) byColour.set(c, []);
    byColour.get(c)!.push(`M${Math.round(x)},${Math.round(y)}h${Math.round(w)}v${Math.round(h)}h${-Math.round(w)}z`);
  }
  if (x0 === Infinity) return { bounds: { x: 0, y: 0, width: 1, height: 1 }, paths: [] };
  return { bounds: { x: x0, y: y0, width: x1 - x0, height: y1 - y0 }, paths: [...byColour].map(([c, parts]) => [c, parts.join('')]) };
}

const selectViewport = (s: ReactFlowState) => ({ x: s.transform[0], y: s.transform[1], zoom: s.transform[2], width: s.width, height: s.height });
const sameViewport = (a: ReturnType<typeof selectViewport>, b: ReturnType<typeof selectViewport>) =>
  a.x === b.x && a.y === b.y && a.zoom === b.zoom && a.width === b.width && a.height === b.height;

export const StaticMiniMap = memo(StaticMiniMapView) as typeof StaticMiniMapView;
