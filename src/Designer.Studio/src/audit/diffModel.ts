import type { ElsaActivity, ElsaDefinition } from '../api/types';
import type { ActivityChange, ConnectionChange, WorkflowDiff } from './api';

/*
 * The diff, indexed for the views: every lookup is a Map, so a 500-activity comparison stays linear.
 */

/** How a node is drawn: added (green, new graph), removed (red, old graph), changed (amber), moved (blue, dashed). */
export type NodeStatus = 'added' | 'removed' | 'changed' | 'moved';

export interface DiffIndex {
  /** Activity id → its change. */
  activities: Map<string, ActivityChange>;
  /** Edge key (source|port|target) → class, for each graph. */
  oldEdges: Map<string, EdgeStatus>;
  newEdges: Map<string, EdgeStatus>;
  /** Activity ids a connection change touches (its source), for the change list and the node highlight. */
  connectionsBySource: Map<string, ConnectionChange[]>;
  counts: { added: number; removed: number; changed: number; moved: number; connections: number; variables: number; fields: number; definition: number };
}

export type EdgeStatus = 'added' | 'removed' | 'rewired';

export function edgeKey(source: string, port: string | null | undefined, target: string) {
  return `${source}|${port ?? 'Done'}|${target}`;
}

export function indexDiff(diff: WorkflowDiff): DiffIndex {
  const activities = new Map<string, ActivityChange>();
  const counts = { added: 0, removed: 0, changed: 0, moved: 0, connections: diff.connections.length, variables: diff.variables.length, fields: 0, definition: diff.definition.length };
  for (const a of diff.activities) {
    activities.set(a.activityId, a);
    if (a.kind === 'added' || a.kind === 'removed' || a.kind === 'changed' || a.kind === 'moved') counts[a.kind]++;
  }
  const oldEdges = new Map<string, EdgeStatus>();
  const newEdges = new Map<string, EdgeStatus>();
  const connectionsBySource = new Map<string, ConnectionChange[]>();
  for (const c of diff.connections) {
    const port = c.source.port;
    if (c.oldTarget) oldEdges.set(edgeKey(c.source.activity, port, c.oldTarget.activity), c.kind === 'rewired' ? 'rewired' : 'removed');
    if (c.newTarget) newEdges.set(edgeKey(c.source.activity, port, c.newTarget.activity), c.kind === 'rewired' ? 'rewired' : 'added');
    const list = connectionsBySource.get(c.source.activity);
    if (list) list.push(c);
    else connectionsBySource.set(c.source.activity, [c]);
  }
  for (const f of diff.forms) counts.fields += f.fields.length;
  return { activities, oldEdges, newEdges, connectionsBySource, counts };
}

/** The status a node is drawn with in one graph, or undefined (unchanged, or layout hidden). */
export function statusIn(change: ActivityChange | undefined, side: 'old' | 'new', showLayout: boolean): NodeStatus | undefined {
  if (!change) return undefined;
  switch (change.kind) {
    case 'added':
      return side === 'new' ? 'added' : undefined;
    case 'removed':
      return side === 'old' ? 'removed' : undefined;
    case 'changed':
      return 'changed';
    case 'moved':
      return showLayout ? 'moved' : undefined;
    default:
      return undefined;
  }
}

/** Activity id → the flowchart path (ids of the nested flowcharts) that contains it; the root's children have []. */
export function containerPaths(def: ElsaDefinition | undefined): Map<string, string[]> {
  const m = new Map<string, string[]>();
  if (!def?.root) return m;
  const walk = (c: ElsaActivity, path: string[]) => {
    for (const a of c.activities ?? []) {
      m.set(a.id, path);
      if (a.activities) walk(a, [...path, a.id]);
    }
  };
  walk(def.root, []);
  return m;
}

/** Every nested flowchart of a definition (for the flowchart picker), with its path and label. */
export function flowcharts(def: ElsaDefinition | undefined): { path: string[]; activity: ElsaActivity }[] {
  const out: { path: string[]; activity: ElsaActivity }[] = [];
  if (!def?.root) return out;
  const walk = (c: ElsaActivity, path: string[]) => {
    for (const a of c.activities ?? []) {
      if (!a.activities) continue;
      const p = [...path, a.id];
      out.push({ path: p, activity: a });
      walk(a, p);
    }
  };
  walk(def.root, []);
  return out;
}

export function pathKey(path: string[]) {
  return path.join('/');
}

/** Is this value an Elsa expression ({type, value}), as the diff shows an input's wrapper? */
export function asExpression(v: unknown): { type: string; value: unknown } | null {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return null;
  const o = v as Record<string, unknown>;
  if (typeof o.type === 'string' && 'value' in o && Object.keys(o).length <= 3) return { type: o.type, value: o.value };
  const e = o.expression as Record<string, unknown> | undefined;
  if (e && typeof e === 'object' && typeof e.type === 'string') return { type: e.type, value: e.value };
  return null;
}

/** A literal's value: JSON text (Elsa stores lists as JSON strings) parsed, so ["approve","reject"] shows as a list. */
export function literalValue(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const s = v.trim();
  if ((s.startsWith('[') && s.endsWith(']')) || (s.startsWith('{') && s.endsWith('}'))) {
    try {
      return JSON.parse(s);
    } catch {
      return v;
    }
  }
  return v;
}

/** Every activity of a definition by id, nested flowcharts included. */
export function activitiesById(def: ElsaDefinition | undefined): Map<string, ElsaActivity> {
  const m = new Map<string, ElsaActivity>();
  if (!def?.root) return m;
  const walk = (c: ElsaActivity) => {
    for (const a of c.activities ?? []) {
      m.set(a.id, a);
      if (a.activities) walk(a);
    }
  };
  walk(def.root);
  return m;
}
